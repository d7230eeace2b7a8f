package org.origincheck.domain.rules;

import java.util.List;

/**
 * One alternative of a product-specific rule: "(A) A change to ...; or (B) ...". A good needs to meet only
 * one (SOR/2020-155 s.3(6)). Either part may be absent: no shift is "no change in tariff classification
 * required", no RVC is a pure shift. {@code goodConditions}: the alternative applies only to a good described in
 * words ("(A) A change to klystrons of subheading 8540.79 ..."), as the producer declares it. {@code provisos}: conditions the
 * alternative must also meet ("provided that ..."), other than a regional value content.
 */
public record RuleAlternative(String label, TariffShift tariffShift, RvcRequirement regionalValueContent,
                              List<GoodCondition> goodConditions, List<Proviso> provisos) {

    public RuleAlternative {
        goodConditions = goodConditions == null ? List.of() : List.copyOf(goodConditions);
        provisos = provisos == null ? List.of() : List.copyOf(provisos);
        // "No required change in tariff classification to ..., provided that ..." states only a proviso (2208.30-2208.70).
        if (tariffShift == null && regionalValueContent == null && provisos.isEmpty()) {
            throw new IllegalArgumentException("alternative " + label + " requires neither a shift nor an RVC");
        }
    }

    public RuleAlternative(String label, TariffShift tariffShift, RvcRequirement regionalValueContent,
                           List<GoodCondition> goodConditions) {
        this(label, tariffShift, regionalValueContent, goodConditions, List.of());
    }

    public RuleAlternative(String label, TariffShift tariffShift, RvcRequirement regionalValueContent) {
        this(label, tariffShift, regionalValueContent, List.of());
    }

    /** The same alternative with another regional value content (automotive thresholds, scenarios): the shift, the good's
     * conditions and the provisos stay, since only the threshold is replaced. */
    public RuleAlternative withRegionalValueContent(RvcRequirement replaced) {
        return new RuleAlternative(label, tariffShift, replaced, goodConditions, provisos);
    }
}
