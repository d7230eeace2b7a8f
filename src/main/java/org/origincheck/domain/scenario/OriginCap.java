package org.origincheck.domain.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * A condition the law in force does not have: the value of the non-originating materials of a named origin
 * ({@code materials[].countryOfOrigin}), optionally only those classified in {@code materials} provisions, may not exceed
 * {@code maxPercent} of the good's value. The good's value is the first of {@code percentOf} the submission gives
 * (transaction value, then net cost, as the scenario file says). Zero means any such material disqualifies the good.
 * A material counts as the good's VNM counts it (Art. 4.5: UNKNOWN origin is non-originating; indirect materials never).
 */
public record OriginCap(String id, Set<String> countries, List<HsRange> materials, BigDecimal maxPercent, List<Basis> percentOf,
                        String description) {

    public enum Basis { TRANSACTION_VALUE, NET_COST }

    public OriginCap {
        countries = Set.copyOf(countries);
        materials = List.copyOf(materials);
        percentOf = List.copyOf(percentOf);
    }

    /** PASS, FAIL, or UNDETERMINED with the facts that would decide it; {@code value} the non-originating value of the named origin counted. */
    public record Outcome(Result result, BigDecimal value, BigDecimal basis, BigDecimal share, List<String> materials,
                          List<String> undecidedFields, String message) {
    }

    public enum Result { PASS, FAIL, UNDETERMINED }

    public Outcome test(BillOfMaterials bom) {
        BigDecimal definite = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        List<String> counted = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        for (Material m : bom.materials()) {
            if (!m.inValueOfNonOriginatingMaterials() || m.valueInRegionalValueContent().signum() == 0) {
                continue;
            }
            Match origin = m.countryOfOrigin() == null || m.countryOfOrigin().isBlank() ? Match.UNKNOWN
                    : Match.of(countries.contains(m.countryOfOrigin().trim().toUpperCase()));
            Match scope = materials.isEmpty() ? Match.YES : m.hsCode() == null ? Match.UNKNOWN
                    : materials.stream().map(r -> r.contains(m.hsCode())).reduce(Match.NO, Match::or);
            if (origin == Match.NO || scope == Match.NO) {
                continue;
            }
            if (origin == Match.YES && scope == Match.YES) {
                definite = definite.add(m.valueInRegionalValueContent());
                counted.add(m.label());
            } else {
                possible = possible.add(m.valueInRegionalValueContent());
                if (origin == Match.UNKNOWN) undecided.add(m.field("countryOfOrigin"));
                if (scope == Match.UNKNOWN) undecided.add(m.field("hsCode"));
            }
        }
        BigDecimal basis = basis(bom.good());
        Basis used = basisUsed(bom.good());
        String basisName = used == null ? basisText() : used == Basis.TRANSACTION_VALUE ? "transaction value" : "net cost";
        String named = String.join(", ", countries.stream().sorted().toList());
        if (maxPercent.signum() == 0) {
            if (definite.signum() > 0) {
                return new Outcome(Result.FAIL, definite, basis, null, counted, List.of(), "Non-originating materials of " + named + " origin"
                        + scopeText() + " worth " + definite.toPlainString() + " are in the good; the scenario allows none.");
            }
            if (possible.signum() > 0) {
                return new Outcome(Result.UNDETERMINED, definite, basis, null, counted, undecided, "Whether non-originating materials are of "
                        + named + " origin" + scopeText() + " decides the good under this scenario, which allows none: give " + String.join(", ", undecided) + ".");
            }
            return new Outcome(Result.PASS, definite, basis, null, counted, List.of(), "No non-originating material of " + named + " origin" + scopeText() + ".");
        }
        if (basis == null) {
            if (definite.add(possible).signum() == 0) {
                return new Outcome(Result.PASS, definite, null, null, counted, List.of(), "No non-originating material of " + named + " origin" + scopeText() + ".");
            }
            return new Outcome(Result.UNDETERMINED, definite, null, null, counted, List.of(field(percentOf.get(0))),
                    "The cap is a share of the good's " + basisText() + ", which the submission does not give.");
        }
        BigDecimal limit = basis.multiply(maxPercent).divide(BigDecimal.valueOf(100));
        BigDecimal share = share(definite, basis);
        if (definite.compareTo(limit) > 0) {
            return new Outcome(Result.FAIL, definite, basis, share, counted, List.of(), "Non-originating materials of " + named + " origin" + scopeText()
                    + " are " + share.toPlainString() + "% of the good's " + basisName + " (" + definite.toPlainString() + " of " + basis.toPlainString()
                    + "); the scenario caps them at " + maxPercent.toPlainString() + "%.");
        }
        if (definite.add(possible).compareTo(limit) > 0) {
            return new Outcome(Result.UNDETERMINED, definite, basis, share, counted, undecided, "Non-originating materials of " + named + " origin"
                    + scopeText() + " are at least " + share.toPlainString() + "% of the good's " + basisName + " and could exceed the cap of "
                    + maxPercent.toPlainString() + "%: give " + String.join(", ", undecided) + ".");
        }
        return new Outcome(Result.PASS, definite, basis, share, counted, List.of(), "Non-originating materials of " + named + " origin" + scopeText()
                + " are " + share.toPlainString() + "% of the good's " + basisName + ", within the scenario's cap of " + maxPercent.toPlainString() + "%"
                + (possible.signum() > 0 ? " even if every material of undetermined origin or classification were one." : "."));
    }

    private BigDecimal basis(Good good) {
        Basis used = basisUsed(good);
        return used == null ? null : (used == Basis.TRANSACTION_VALUE ? good.transactionValueBasis() : good.netCostBasis()).orElseThrow();
    }

    private Basis basisUsed(Good good) {
        for (Basis b : percentOf) {
            var value = b == Basis.TRANSACTION_VALUE ? good.transactionValueBasis() : good.netCostBasis();
            if (value.isPresent() && value.get().signum() > 0) {
                return b;
            }
        }
        return null;
    }

    private static BigDecimal share(BigDecimal value, BigDecimal basis) {
        return value.multiply(BigDecimal.valueOf(100)).divide(basis, 10, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private String basisText() {
        return String.join(" or ", percentOf.stream().map(b -> b == Basis.TRANSACTION_VALUE ? "transaction value" : "net cost").toList());
    }

    private static String field(Basis b) {
        return b == Basis.TRANSACTION_VALUE ? "good.transactionValue" : "good.netCost";
    }

    private String scopeText() {
        return materials.isEmpty() ? "" : " classified in " + String.join(", ", materials.stream().map(HsRange::toString).toList());
    }
}
