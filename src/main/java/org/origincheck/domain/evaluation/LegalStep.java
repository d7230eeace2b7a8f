package org.origincheck.domain.evaluation;

/**
 * The steps of a determination in the order the law takes them, each with the provisions it applies. The DRL rules of
 * a step belong to the agenda group of that name (rules/usmca/drl), and the engine runs the groups in this order: the
 * order of the steps is stated here once, instead of in salience numbers spread over the rule files.
 */
public enum LegalStep {
    ORIGIN_WITHOUT_PRODUCT_RULE("Art. 4.2(a) and (c): wholly obtained, or produced exclusively from originating materials",
            "USMCA Art. 4.2(a), Art. 4.2(c), Art. 4.3; SOR/2020-155 s.3(1), s.3(3)"),
    TARIFF_SHIFT("Art. 4.2(b): the change in tariff classification, material by material",
            "USMCA Art. 4.2(b); Annex 4-B Section A; SOR/2020-155 s.3(2)"),
    DE_MINIMIS("Art. 4.12: de minimis for the materials that do not undergo the change",
            "USMCA Art. 4.12; SOR/2020-155 s.5(1)-(3), s.5(6)"),
    REGIONAL_VALUE_CONTENT("Art. 4.5: regional value content of each alternative that requires one",
            "USMCA Art. 4.5; SOR/2020-155 s.5(4), s.7(1)-(6), s.8"),
    ALTERNATIVES("Annex 4-B: each alternative of the product-specific rule",
            "SOR/2020-155 s.3(2), s.3(6); USMCA Annex 4-B"),
    PRODUCT_SPECIFIC_RULE("Art. 4.2(b): the product-specific rule, met when any one alternative is",
            "USMCA Art. 4.2(b); SOR/2020-155 s.3(2), s.3(6)"),
    PARTS_RULE("Art. 4.2(d): the parts rule, when the product-specific rule is not met",
            "USMCA Art. 4.2(d); SOR/2020-155 s.3(4)-(5)"),
    VEHICLE_REQUIREMENTS("Appendix to Annex 4-B: core parts, steel and aluminum, labour value content",
            "USMCA Appendix to Annex 4-B, Arts. 3, 6, 7; SOR/2020-155 s.14(4), s.17(1), s.18(1)-(2), s.19");

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
