package org.origincheck.rulepack.text;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.hs.HsRange;

/**
 * "any other good of heading 5108" in an exception, where the alternative's "from" clause describes materials of a narrower
 * provision within it ("yarn of combed camel hair or combed cashmere of subheading 5108.20"): the provisions of heading 5108
 * other than 5108.20, counted by their numbers alone (every subheading number of the heading below and above it), so that no
 * list of the heading's subheadings is needed. The described provision itself is excepted only for a material declared not
 * to be the described one ({@link PsrTextParser}).
 */
final class OtherGoodsOf {

    private OtherGoodsOf() {
    }

    /**
     * The provisions of {@code wider} (one provision) outside {@code described} (one provision or range of a narrower level
     * inside it), at the described provision's level; null when the two are not of that shape.
     */
    static List<HsRange> rest(List<HsRange> wider, List<HsRange> described) {
        if (wider.size() != 1 || described.size() != 1) {
            return null;
        }
        HsRange outer = wider.get(0);
        HsRange inner = described.get(0);
        int digits = inner.level().digits();
        if (!outer.isSingle() || digits <= outer.level().digits() || !inner.from().startsWith(outer.from())
                || !inner.to().startsWith(outer.from())) {
            return null;
        }
        String low = outer.from() + "0".repeat(digits - outer.level().digits());
        String high = outer.from() + "9".repeat(digits - outer.level().digits());
        List<HsRange> rest = new ArrayList<>();
        if (inner.from().compareTo(low) > 0) {
            rest.add(new HsRange(inner.level(), low, step(inner.from(), -1)));
        }
        if (inner.to().compareTo(high) < 0) {
            rest.add(new HsRange(inner.level(), step(inner.to(), 1), high));
        }
        return rest;
    }

    private static String step(String digits, int by) {
        String n = new BigInteger(digits).add(BigInteger.valueOf(by)).toString();
        return "0".repeat(digits.length() - n.length()) + n;
    }
}
