package org.origincheck.domain.hs;

/** The levels of the Harmonized System at which Annex 4-B states a change of classification. */
public enum HsLevel {
    CHAPTER(2, "chapter"),
    HEADING(4, "heading"),
    SUBHEADING(6, "subheading"),
    TARIFF_ITEM(8, "tariff item");

    private final int digits;
    private final String legalName;

    HsLevel(int digits, String legalName) {
        this.digits = digits;
        this.legalName = legalName;
    }

    public int digits() {
        return digits;
    }

    public String legalName() {
        return legalName;
    }

    public static HsLevel ofDigits(int digits) {
        for (HsLevel level : values()) {
            if (level.digits == digits) {
                return level;
            }
        }
        throw new IllegalArgumentException("no HS level has " + digits + " digits");
    }
}
