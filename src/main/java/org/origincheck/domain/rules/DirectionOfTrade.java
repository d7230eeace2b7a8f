package org.origincheck.domain.rules;

import java.util.List;

/**
 * The trade a product-specific rule is stated for, where Annex 4-B gives one provision two texts: "For the purposes of trade
 * between the territory of Canada and the territory of the United States of goods of subheading 5112.11 ..." and "For the
 * purposes of all other trade of subheading 5112.11 ...". A rule with no direction applies to all trade.
 *
 * <p>Reading (rules/usmca/README.md, "Direction of trade"): trade between the territory of Canada and the territory of the
 * United States is a good imported into either of the two from the other ({@code good.importingCountry} one of them,
 * {@code good.importedFrom} the other), in both directions: the words name both territories alike, and SOR/2020-155
 * Schedule 1 s.1 speaks the same way of "a good ... traded between Canada and the United States". Everything else, a good
 * imported into Mexico or from a third country included, is "all other trade".
 */
public enum DirectionOfTrade {
    CANADA_UNITED_STATES("CA", "US", "trade between the territory of Canada and the territory of the United States"),
    MEXICO_UNITED_STATES("MX", "US", "trade between the territory of Mexico and the territory of the United States"),
    /** The text for the trade no bilateral text of the same provision covers. */
    ALL_OTHER_TRADE(null, null, "all other trade");

    private final String partyA;
    private final String partyB;
    private final String words;

    DirectionOfTrade(String partyA, String partyB, String words) {
        this.partyA = partyA;
        this.partyB = partyB;
        this.words = words;
    }

    /** The law's words for this trade ("trade between the territory of Canada and the territory of the United States"). */
    public String words() {
        return words;
    }

    public boolean bilateral() {
        return partyA != null;
    }

    /** The two Parties of a bilateral direction (ISO 3166-1 alpha-2); empty for all other trade. */
    public List<String> parties() {
        return bilateral() ? List.of(partyA, partyB) : List.of();
    }

    /**
     * Whether a good imported into {@code importingCountry} from {@code importedFrom} is in this bilateral trade: TRUE or
     * FALSE, or null while a fact that could decide it is missing. Either fact alone can exclude it (a good imported into
     * Mexico is not trade between Canada and the United States, whatever it comes from); only both together can include it.
     */
    public Boolean covers(String importingCountry, String importedFrom) {
        if (!bilateral()) {
            throw new IllegalStateException("all other trade is what no bilateral direction covers");
        }
        List<String> parties = parties();
        if ((importingCountry != null && !parties.contains(importingCountry)) || (importedFrom != null && !parties.contains(importedFrom))) {
            return Boolean.FALSE;
        }
        if (importingCountry == null || importedFrom == null) {
            return null;
        }
        return !importingCountry.equals(importedFrom);
    }
}
