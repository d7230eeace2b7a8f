package org.origincheck.domain.rules;

import java.util.List;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * A case where the s.5(1) value de minimis does not apply (SOR/2020-155 s.5(3)). {@code materials} empty
 * means any material. Where the law adds a condition the HS code cannot show ("containing over 10% by dry
 * weight of milk solids"), the exclusion is applied whenever the codes match, the conservative choice, and
 * the condition is quoted in the reason so an officer can review it. {@code weightBased} marks chapters
 * 50-63, where the weight rules of s.5(6)-(10) replace the value rule.
 */
public record DeMinimisExclusion(String id, String citation, List<HsRange> goods, List<HsRange> materials,
                                 boolean unlessDifferentSubheading, String condition, boolean weightBased) {

    public DeMinimisExclusion {
        goods = List.copyOf(goods);
        materials = materials == null ? List.of() : List.copyOf(materials);
    }

    /** A good classified too coarsely to tell (2106.90 against a tariff item) is treated as covered: the conservative side. */
    public boolean coversGood(HsCode good) {
        return goods.stream().anyMatch(r -> r.contains(good) != Match.NO);
    }

    /** Whether the exclusion takes this material out of the value de minimis (UNKNOWN is treated as covered). */
    public boolean covers(HsCode good, HsCode material) {
        if (!coversGood(good)) {
            return false;
        }
        if (material == null) {
            return true;
        }
        if (!materials.isEmpty() && materials.stream().noneMatch(r -> r.contains(material) != Match.NO)) {
            return false;
        }
        return !(unlessDifferentSubheading && !material.subheading().equals(good.subheading()));
    }
}
