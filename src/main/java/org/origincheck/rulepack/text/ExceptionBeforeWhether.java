package org.origincheck.rulepack.text;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.MoreThanOneOf;
import org.origincheck.domain.rules.ShiftSource;

/**
 * "A change to cranberry juice mixtures of subheading 2009.90 from any other subheading within chapter 20, except from
 * subheadings 2009.11 through 2009.39 or subheading 2009.81, whether or not there is also a change from any other chapter,
 * provided ..." (GN 11(o) 2009.90 (B)): the "whether or not" clause printed after the exception instead of before it.
 *
 * <p>Printed in that order, the exception might be read as limiting only the clause before it. The parser applies an
 * exception to every "from" clause, so it reads this order only where the two readings are the same: the clause after the
 * exception is "any other &lt;level&gt;" and every excepted provision lies in the good's own &lt;level&gt;, which that clause never
 * admits. Otherwise the text is refused.
 */
final class ExceptionBeforeWhether {

    private ExceptionBeforeWhether() {
    }

    /** Why the order could matter, or null when it cannot. */
    static String conflict(List<HsRange> target, List<HsRange> except, List<DescribedProvisions> exceptDescribed,
                           MoreThanOneOf exceptMoreThanOne, List<ShiftSource> after) {
        if (!exceptDescribed.isEmpty() || exceptMoreThanOne != null) {
            return "a 'whether or not' clause after an exception of materials described in words";
        }
        for (ShiftSource source : after) {
            if (!(source instanceof ShiftSource.AnyOther other)) {
                return "a 'whether or not' clause after the exception, other than 'any other <level>'";
            }
            int digits = other.level().digits();
            List<HsRange> all = new ArrayList<>(target);
            all.addAll(except);
            String own = null;
            for (HsRange range : all) {
                if (range.level().digits() < digits) {
                    return "an excepted provision wider than a " + other.level().legalName();
                }
                for (String end : List.of(range.from(), range.to())) {
                    String key = end.substring(0, digits);
                    if (own != null && !own.equals(key)) {
                        return "a 'whether or not' clause after an exception of materials it may admit";
                    }
                    own = key;
                }
            }
        }
        return null;
    }
}
