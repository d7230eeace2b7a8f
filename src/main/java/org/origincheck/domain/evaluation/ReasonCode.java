package org.origincheck.domain.evaluation;

/**
 * The stable codes of every test the engine reports. Integrations may rely on them; new codes may be
 * added, existing ones never change meaning. Documented in docs/reason-codes.md.
 */
public enum ReasonCode {
    PRODUCT_RULE_SELECTED,
    PRODUCT_RULE_NOT_FOUND,
    PRODUCT_RULE_NEEDS_DATA,
    PRODUCT_RULE_NEEDS_REVIEW,
    PRODUCT_RULE_PROVISIONAL,
    BILL_OF_MATERIALS,
    WHOLLY_OBTAINED,
    EXCLUSIVELY_ORIGINATING_MATERIALS,
    MATERIAL_TREATMENT,
    TARIFF_SHIFT,
    TARIFF_SHIFT_DE_MINIMIS,
    RVC_TRANSACTION_VALUE,
    RVC_NET_COST,
    RVC_METHOD_UNAVAILABLE,
    RVC_DE_MINIMIS,
    PRODUCT_RULE_ALTERNATIVE,
    /** A condition of an alternative other than its RVC ("provided that ..."): declared by the producer or computed from weights. */
    PRODUCT_RULE_PROVISO,
    PRODUCT_RULE_MET,
    PARTS_RULE_4_2_D,
    AUTOMOTIVE_CLASSIFICATION,
    AUTOMOTIVE_THRESHOLDS,
    ALTERNATIVE_STAGING_REGIME,
    CORE_PARTS,
    CORE_PARTS_ROLL_UP,
    STEEL_AND_ALUMINUM,
    LABOR_VALUE_CONTENT,
    ORIGIN_DETERMINED,
    MATERIAL_ORIGIN_EVIDENCE,
    INTERMEDIATE_MATERIAL,
    ACCUMULATION,
    SET_RULE,
    /** A fact was not given, but every value it can take gives the same status and criterion: the answer holds whatever it is. */
    HOLDS_FOR_EVERY_VALUE,
    /** A fact was not given and the answer depends on it (or there were too many to try): it is asked, with its possible values. */
    DEPENDS_ON_UNKNOWN_FACTS,
    /**
     * A subheading of the submission (the good's or a non-originating material's) is not one of the rule text's HS edition: it
     * was read as its counterpart in that edition (the answer holds for every counterpart), or the answer depends on which
     * counterpart it is, or it is a subheading of neither edition.
     */
    HS_EDITION_CORRELATED,
    /** SOR/2020-155 s.3(7): a good referred to in Schedule 2, originating if imported from the territory of a CUSMA country. */
    SCHEDULE_TWO_GOOD,
    SCENARIO_APPLIED,
    SCENARIO_CONDITION
}
