package org.origincheck.domain.evaluation;

/** The criterion written on a certification of origin: USMCA Art. 4.2(a)-(d). */
public enum OriginCriterion {
    A(Citations.WHOLLY_OBTAINED_RULE),
    B(Citations.PRODUCT_SPECIFIC_RULE),
    C(Citations.ORIGINATING_MATERIALS_ONLY),
    D(Citations.PARTS_RULE_CONDITION);

    private final String citation;

    OriginCriterion(String citation) {
        this.citation = citation;
    }

    public String citation() {
        return citation;
    }
}
