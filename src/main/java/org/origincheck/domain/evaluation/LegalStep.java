package org.origincheck.domain.evaluation;

/**
 * The steps of a determination in the order the law takes them, each with the provisions it applies. The DRL rules of
 * a step belong to the agenda group of that name (rules/usmca/drl), and the engine runs the groups in this order: the
 * order of the steps is stated here once, instead of in salience numbers spread over the rule files.
 */
public enum LegalStep {
    ORIGIN_WITHOUT_PRODUCT_RULE("Art. 4.2(a) and (c): wholly obtained, or produced exclusively from originating materials",
            Citations.ORIGIN_WITHOUT_PRODUCT_RULE),
    TARIFF_SHIFT("Art. 4.2(b): the change in tariff classification, material by material",
            Citations.TARIFF_SHIFT),
    DE_MINIMIS("Art. 4.12: de minimis for the materials that do not undergo the change",
            Citations.DE_MINIMIS_STEP),
    REGIONAL_VALUE_CONTENT("Art. 4.5: regional value content of each alternative that requires one",
            Citations.REGIONAL_VALUE_CONTENT),
    ALTERNATIVES("Annex 4-B: each alternative of the product-specific rule",
            Citations.ALTERNATIVES),
    PRODUCT_SPECIFIC_RULE("Art. 4.2(b): the product-specific rule, met when any one alternative is",
            Citations.PRODUCT_SPECIFIC_RULE_ALTERNATIVES),
    PARTS_RULE("Art. 4.2(d): the parts rule, when the product-specific rule is not met",
            Citations.PARTS_RULE),
    VEHICLE_REQUIREMENTS("Appendix to Annex 4-B: core parts, steel and aluminum, labour value content",
            Citations.VEHICLE_STEP);

    private final String agendaGroup;
    private final String citation;

    LegalStep(String agendaGroup, String citation) {
        this.agendaGroup = agendaGroup;
        this.citation = citation;
    }

    /** The agenda group of the step's rules, as written in the DRL. */
    public String agendaGroup() {
        return agendaGroup;
    }

    public String citation() {
        return citation;
    }
}
