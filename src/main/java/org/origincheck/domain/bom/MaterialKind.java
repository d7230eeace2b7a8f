package org.origincheck.domain.bom;

/**
 * How the Uniform Regulations treat a material (SOR/2020-155 s.8(13)-(27)). Each constant answers the
 * four questions the engine asks of a material, so the treatment is written down once.
 */
public enum MaterialKind {
    /** A material physically incorporated into the good. */
    DIRECT(false, true, true, true),
    /** s.8(13)(a): considered originating wherever produced; never in VNM, never tested for a shift. */
    INDIRECT(true, false, false, false),
    /** s.8(14): disregarded for the shift, wholly-obtained and s.5(1) de minimis; s.8(15): counted in the RVC. */
    RETAIL_PACKAGING(false, false, true, true),
    /** s.8(17): packing materials and containers for shipment are disregarded entirely. */
    SHIPPING_PACKING(false, false, false, false),
    /** s.8(24): disregarded for the shift, wholly-obtained and s.5(1) de minimis; s.8(25): counted in the RVC. */
    ACCESSORY(false, false, true, true);

    private final boolean consideredOriginating;
    private final boolean subjectToTariffShift;
    private final boolean countedInRegionalValueContent;
    private final boolean countedForExclusivelyOriginating;

    MaterialKind(boolean consideredOriginating, boolean subjectToTariffShift, boolean countedInRegionalValueContent,
                 boolean countedForExclusivelyOriginating) {
        this.consideredOriginating = consideredOriginating;
        this.subjectToTariffShift = subjectToTariffShift;
        this.countedInRegionalValueContent = countedInRegionalValueContent;
        this.countedForExclusivelyOriginating = countedForExclusivelyOriginating;
    }

    public boolean consideredOriginating() {
        return consideredOriginating;
    }

    /** Tested for the change in tariff classification and counted in the s.5(1) de minimis value. */
    public boolean subjectToTariffShift() {
        return subjectToTariffShift;
    }

    /** Counted, at its own origin, in the value of non-originating materials for the RVC and s.5(4). */
    public boolean countedInRegionalValueContent() {
        return countedInRegionalValueContent;
    }

    /**
     * Whether a non-originating material of this kind prevents criterion C (s.3(3), "exclusively from
     * originating materials"). The regulations disregard retail packaging and accessories only for the
     * shift, wholly-obtained and s.5(1) tests, so they still count here: the conservative reading.
     */
    public boolean countedForExclusivelyOriginating() {
        return countedForExclusivelyOriginating;
    }

    public String citation() {
        return switch (this) {
            case DIRECT -> "SOR/2020-155 s.8(1)";
            case INDIRECT -> "SOR/2020-155 s.8(13)";
            case RETAIL_PACKAGING -> "SOR/2020-155 s.8(14)-(16)";
            case SHIPPING_PACKING -> "SOR/2020-155 s.8(17)";
            case ACCESSORY -> "SOR/2020-155 s.8(23)-(27)";
        };
    }
}
