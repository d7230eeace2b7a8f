package org.origincheck.domain.bom;

/** The producer's basis for claiming a good wholly obtained or produced (USMCA Art. 4.3; SOR/2020-155 s.3(1)). */
public enum WhollyObtained {
    MINERAL_EXTRACTED("a"),
    PLANT_GROWN_OR_HARVESTED("b"),
    LIVE_ANIMAL_BORN_AND_RAISED("c"),
    FROM_LIVE_ANIMAL("d"),
    HUNTING_TRAPPING_FISHING("e"),
    AQUACULTURE("f"),
    SEA_FISHING_FLAGGED_VESSEL("g"),
    FACTORY_SHIP("h"),
    SEABED_OUTSIDE_TERRITORY("i"),
    WASTE_AND_SCRAP("j"),
    PRODUCED_FROM_WHOLLY_OBTAINED("k");

    private final String paragraph;

    WhollyObtained(String paragraph) {
        this.paragraph = paragraph;
    }

    public String citation() {
        return "USMCA Art. 4.3; SOR/2020-155 s.3(1)(" + paragraph + ")";
    }
}
