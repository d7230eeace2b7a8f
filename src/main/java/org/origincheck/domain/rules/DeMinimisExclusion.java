package org.origincheck.domain.rules;

import java.util.List;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * A case where the s.5(1) value de minimis does not apply (SOR/2020-155 s.5(3)). {@code materials} empty
 * means any material. Where the law adds a condition the HS code cannot show ("containing over 10% by dry
 * weight of milk solids"), the exclusion is applied whenever the codes match, the conservative choice, and
 * the condition is quoted in the reason so an officer can review it. Each condition names the goods and
 * materials its words are about, so a reason quotes only the words that apply to the material at hand
 * (milk of 04.01 in cheese is excluded without condition; the milk-solids words concern 1901.90/2106.90).
 * {@code weightBased} marks chapters 50-63, where the weight rules of s.5(6)-(10) replace the value rule.
 */
public record DeMinimisExclusion(String id, String citation, List<HsRange> goods, List<HsRange> materials,
                                 boolean unlessDifferentSubheading, List<Condition> conditions, boolean weightBased) {

    public DeMinimisExclusion {
        goods = List.copyOf(goods);
        materials = materials == null ? List.of() : List.copyOf(materials);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** Words of s.5(3) that the HS codes cannot show; empty goods/materials mean the condition concerns any. */
    public record Condition(List<HsRange> goods, List<HsRange> materials, String text) {
        public Condition {
            goods = goods == null ? List.of() : List.copyOf(goods);
            materials = materials == null ? List.of() : List.copyOf(materials);
        }

        boolean concerns(HsCode good, HsCode material) {
            return (goods.isEmpty() || goods.stream().anyMatch(r -> r.contains(good) != Match.NO))
                    && (materials.isEmpty() || material == null || materials.stream().anyMatch(r -> r.contains(material) != Match.NO));
        }
    }

    /** The conditions whose words concern this good and material: the ones a reason must quote. */
    public List<String> conditionsFor(HsCode good, HsCode material) {
        return conditions.stream().filter(c -> c.concerns(good, material)).map(Condition::text).toList();
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
