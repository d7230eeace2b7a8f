package org.origincheck.domain.evaluation;

/**
 * The citations of the reasons, in one place: every reason and every legal step ({@link LegalStep}) cites a provision
 * through these, so that the same provision is cited in the same words wherever it applies. A citation cites the law
 * (USMCA, SOR/2020-155); where a text came from is the rule's provenance, never a citation.
 */
public final class Citations {

    /** Originating goods: the article and the section as a whole. */
    public static final String ORIGINATING_GOODS = "USMCA Art. 4.2; SOR/2020-155 s.3";

    /** Art. 4.2(b)-(c): a product-specific rule met, or only originating materials. */
    public static final String ORIGINATING_GOODS_SHIFT_OR_MATERIALS = "USMCA Art. 4.2; SOR/2020-155 s.3(2)-(3)";

    /** Wholly obtained or produced entirely in the territory. */
    public static final String WHOLLY_OBTAINED = "USMCA Art. 4.3; SOR/2020-155 s.3(1)";

    /** Art. 4.2(a). */
    public static final String WHOLLY_OBTAINED_RULE = "USMCA Art. 4.2(a); SOR/2020-155 s.3(1)";

    /** Art. 4.2(c): produced exclusively from originating materials. */
    public static final String ORIGINATING_MATERIALS_ONLY = "USMCA Art. 4.2(c); SOR/2020-155 s.3(3)";

    /** Art. 4.2(b): the product-specific rule of Annex 4-B. */
    public static final String PRODUCT_SPECIFIC_RULE = "USMCA Art. 4.2(b); SOR/2020-155 s.3(2)";

    /** Art. 4.2(b), met by any one of its alternatives. */
    public static final String PRODUCT_SPECIFIC_RULE_ALTERNATIVES = "USMCA Art. 4.2(b); SOR/2020-155 s.3(2), s.3(6)";

    /** The change in tariff classification, material by material. */
    public static final String TARIFF_SHIFT = "USMCA Art. 4.2(b); Annex 4-B Section A; SOR/2020-155 s.3(2)";

    /** The alternatives of a product-specific rule. */
    public static final String ALTERNATIVES = "SOR/2020-155 s.3(2), s.3(6); USMCA Annex 4-B";

    /** Art. 4.2(d): the parts rule. */
    public static final String PARTS_RULE = "USMCA Art. 4.2(d); SOR/2020-155 s.3(4)-(5)";

    /** Art. 4.2(d)(i)-(ii): when the parts rule is available. */
    public static final String PARTS_RULE_CONDITION = "USMCA Art. 4.2(d); SOR/2020-155 s.3(4)";

    /** Regional value content: methods and values. */
    public static final String REGIONAL_VALUE_CONTENT = "USMCA Art. 4.5; SOR/2020-155 s.5(4), s.7(1)-(6), s.8";

    /** De minimis for the tariff shift. */
    public static final String DE_MINIMIS = "USMCA Art. 4.12; SOR/2020-155 s.5(1)";

    /** De minimis, with the goods it does not apply to. */
    public static final String DE_MINIMIS_WITH_EXCLUSIONS = "USMCA Art. 4.12; SOR/2020-155 s.5(1), s.5(3)";

    /** De minimis as a step: share, exclusions, textiles. */
    public static final String DE_MINIMIS_STEP = "USMCA Art. 4.12; SOR/2020-155 s.5(1)-(3), s.5(6)";

    /** De minimis in place of a regional value content. */
    public static final String RVC_DE_MINIMIS = "USMCA Art. 4.12; SOR/2020-155 s.5(4)";

    /** The goods the de minimis does not apply to. */
    public static final String DE_MINIMIS_EXCLUSIONS = "SOR/2020-155 s.5(3)";

    /** Textile goods of chapters 50-63: de minimis by weight. */
    public static final String DE_MINIMIS_TEXTILES = "SOR/2020-155 s.5(3)(l) and s.5(6)";

    /** Value of materials: what is disregarded. */
    public static final String INDIRECT_AND_PACKING = "SOR/2020-155 s.7(6)";

    /** Intermediate materials. */
    public static final String INTERMEDIATE_MATERIALS = "USMCA Art. 4.8; SOR/2020-155 s.7(4)(b), s.7(5), s.8(6)-(8)";

    /** The value of an intermediate material. */
    public static final String INTERMEDIATE_MATERIAL_VALUE = "SOR/2020-155 s.8(6)";

    /** A self-produced material designated, or not, an intermediate material: the producer's choice and its effect on the VNM. */
    public static final String DESIGNATION = "SOR/2020-155 s.7(4)(b), s.7(5)(a), s.8(6), s.8(7)(a)-(b)";

    /** The words of s.7(5)(a), which the producer's choice of designation decides. */
    public static final String NOT_DESIGNATED_TEXT = "in the case of any self-produced material that is not designated as an intermediate "
            + "material, only the value of any non-originating materials used in the production of the self-produced material is to be "
            + "included in the value of non-originating materials used in the production of the good (SOR/2020-155 s.7(5)(a))";

    /** The words of the proviso of s.8(6). */
    public static final String ONE_LEVEL_PROVISO_TEXT = "provided that, if an intermediate material is subject to a regional value content "
            + "requirement, no other self-produced material that is subject to a regional value content requirement and is incorporated "
            + "into that intermediate material is also designated by the producer as an intermediate material (SOR/2020-155 s.8(6))";

    /** Sets of goods. */
    public static final String SETS = "USMCA Art. 4.17; SOR/2020-155 s.6";

    /** Sets: every good originating. */
    public static final String SETS_EACH_GOOD = "SOR/2020-155 s.6(1)-(2)";

    /** Sets: every good originating. */
    public static final String SETS_ALL_ORIGINATING = "SOR/2020-155 s.6(2)";

    /** Sets: the share of non-originating goods. */
    public static final String SETS_SHARE = "SOR/2020-155 s.6(3)-(4)";

    /** Sets: the value the share is computed on. */
    public static final String SETS_VALUE = "SOR/2020-155 s.6(4), s.7(1)";

    /** Goods of Schedule 2 imported from a CUSMA country. */
    public static final String SCHEDULE_TWO = "SOR/2020-155 s.3(7); Schedule 2";

    /** Automotive thresholds of parts. */
    public static final String AUTOMOTIVE_THRESHOLDS = "SOR/2020-155 s.14(13)-(18), s.15(2)-(4), s.20(2)-(3)";

    /** The alternative staging regime. */
    public static final String STAGING_REGIME = "SOR/2020-155 s.19(4)(b), (5); s.14(7)-(10)";

    /** The alternative staging regime: steel and aluminum. */
    public static final String STAGING_REGIME_STEEL = "SOR/2020-155 s.19(4)(c)";

    /** Core parts of Table A.2. */
    public static final String CORE_PARTS_TABLE = "SOR/2020-155 s.14(4), (7)-(10), (13); Table A.2";

    /** Core parts, with the panel report on roll-up. */
    public static final String CORE_PARTS_PANEL = "SOR/2020-155 s.14(1), (4), (7)-(12); USMCA panel report USA-MEX-2022-31-01 (14 December 2022)";

    /** Labour value content: the credit for excess. */
    public static final String LVC_CREDIT = "SOR/2020-155 s.18(22)";

    /** Wholly obtained, or produced exclusively from originating materials. */
    public static final String ORIGIN_WITHOUT_PRODUCT_RULE = "USMCA Art. 4.2(a), Art. 4.2(c), Art. 4.3; SOR/2020-155 s.3(1), s.3(3)";

    /** Vehicles: core parts, steel and aluminum, labour value content. */
    public static final String VEHICLE_STEP = "USMCA Appendix to Annex 4-B, Arts. 3, 6, 7; SOR/2020-155 s.14(4), s.17(1), s.18(1)-(2), s.19";

    /** The requirements of vehicles. */
    public static final String VEHICLE_REQUIREMENTS = "SOR/2020-155 s.13-s.18";

    private Citations() {
    }
}
