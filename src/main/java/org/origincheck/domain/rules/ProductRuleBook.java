package org.origincheck.domain.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;

/**
 * The product-specific rules indexed by HS provision. Lookup goes from the most precise level to the
 * least: a rule for a tariff item prevails over the rule for its subheading or heading (Annex 4-B,
 * Section A). Within a level, scopes never overlap except where rules share a scope and differ by end use
 * or effective period (checked when the pack is loaded), so a floor lookup finds the only candidate group.
 */
public final class ProductRuleBook {

    private static final List<HsLevel> MOST_PRECISE_FIRST =
            List.of(HsLevel.TARIFF_ITEM, HsLevel.SUBHEADING, HsLevel.HEADING, HsLevel.CHAPTER);

    private final List<ProductRule> rules;
    private final Map<HsLevel, TreeMap<String, List<Entry>>> index = new EnumMap<>(HsLevel.class);

    private record Entry(HsRange range, ProductRule rule) {
    }

    public ProductRuleBook(List<ProductRule> rules) {
        this.rules = List.copyOf(rules);
        for (HsLevel level : HsLevel.values()) {
            index.put(level, new TreeMap<>());
        }
        for (ProductRule rule : this.rules) {
            for (HsRange range : rule.scope()) {
                index.get(range.level()).computeIfAbsent(range.from(), k -> new ArrayList<>()).add(new Entry(range, rule));
            }
        }
    }

    public List<ProductRule> all() {
        return rules;
    }

    public RuleLookup lookup(HsCode good, EndUse endUse, LocalDate asOf) {
        return lookup(good, endUse, null, asOf);
    }

    /** {@code vehicleClass}: the class of a motor vehicle (SOR/2020-155 s.12), null when unknown or not a vehicle. */
    public RuleLookup lookup(HsCode good, EndUse endUse, VehicleClass vehicleClass, LocalDate asOf) {
        return lookup(good, endUse, vehicleClass, asOf, null, null);
    }

    /**
     * {@code importingCountry} (US, CA, MX) and {@code importedFrom} (ISO alpha-2, the country the good is exported from), null
     * when not given: they choose between a provision's texts for trade between two Parties and for all other trade
     * ({@link DirectionOfTrade}).
     */
    public RuleLookup lookup(HsCode good, EndUse endUse, VehicleClass vehicleClass, LocalDate asOf, String importingCountry,
                             String importedFrom) {
        for (HsLevel level : MOST_PRECISE_FIRST) {
            Optional<String> key = good.at(level);
            if (key.isEmpty()) {
                if (level == HsLevel.TARIFF_ITEM && hasTariffItemRulesUnder(good.subheading(), asOf)) {
                    return new RuleLookup.NeedsMoreData("good.hsCode",
                            "subheading " + HsCode.format(good.subheading())
                                    + " has product-specific rules for individual tariff items: classify the good to 8 digits");
                }
                continue;
            }
            List<ProductRule> candidates = candidatesAt(level, key.get()).stream().filter(r -> r.inForceOn(asOf)).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            if (candidates.stream().anyMatch(r -> r.trade() != null)) {
                Optional<DirectionOfTrade> bilateral = candidates.stream().map(ProductRule::trade)
                        .filter(t -> t != null && t.bilateral()).findFirst();
                // No bilateral text in force (only "all other trade"): the validator pairs them, so this is only a safeguard.
                Boolean between = bilateral.isEmpty() ? Boolean.FALSE : bilateral.get().covers(importingCountry, importedFrom);
                if (between == null) {
                    return tradeNeeded(good, bilateral.get(), candidates, importingCountry);
                }
                DirectionOfTrade direction = between ? bilateral.get() : DirectionOfTrade.ALL_OTHER_TRADE;
                candidates = candidates.stream().filter(r -> r.trade() == null || r.trade() == direction).toList();
                if (candidates.isEmpty()) {
                    return new RuleLookup.NotFound("the rule pack has no text of " + good.formatted() + " for " + direction.words());
                }
            }
            // Where the law splits a provision by end use, a missing end use is asked for, even when an "any other
            // use" rule exists: applying it to a good that may be original equipment would be a guess.
            if (endUse == null && candidates.stream().anyMatch(r -> !r.endUses().isEmpty())) {
                String uses = candidates.stream().flatMap(r -> r.endUses().stream()).map(Enum::name).distinct().sorted()
                        .collect(Collectors.joining(", "));
                boolean generic = candidates.stream().anyMatch(r -> r.endUses().isEmpty());
                return new RuleLookup.NeedsMoreData("good.endUse", "the rule for " + good.formatted()
                        + " depends on the good's end use; give one of " + uses
                        + (generic ? " (any other end use, e.g. AFTERMARKET, takes the rule for any other use)" : ""),
                        candidates.stream().map(r -> r.citation() + ": " + r.text()).distinct().collect(Collectors.joining(" | ")));
            }
            if (vehicleClass == null && candidates.stream().anyMatch(r -> !r.vehicleClasses().isEmpty())) {
                return new RuleLookup.NeedsMoreData("good.vehicle", "the rule for " + good.formatted()
                        + " depends on the class of vehicle (SOR/2020-155 s.12): give the facts in good.vehicle");
            }
            List<ProductRule> applicable = candidates.stream().filter(r -> r.appliesTo(endUse) && r.appliesTo(vehicleClass)).toList();
            List<ProductRule> specific = applicable.stream().filter(r -> !r.endUses().isEmpty()).toList();
            List<ProductRule> chosen = specific.isEmpty() ? applicable : specific;
            if (chosen.size() == 1) {
                return new RuleLookup.Found(chosen.get(0));
            }
            if (chosen.size() > 1) {
                throw new IllegalStateException("rule pack conflict: " + chosen.stream().map(ProductRule::id).toList()
                        + " all apply to " + good.formatted());
            }
        }
        return new RuleLookup.NotFound("the rule pack has no product-specific rule for " + good.formatted()
                + (endUse == null ? "" : " with end use " + endUse));
    }

    /**
     * The provision has one text for trade between two Parties and another for all other trade, and the submission does not
     * say which trade it is: ask for the first missing fact, with both texts as the law's words.
     */
    private static RuleLookup tradeNeeded(HsCode good, DirectionOfTrade bilateral, List<ProductRule> candidates, String importingCountry) {
        String field = importingCountry == null ? "good.importingCountry" : "good.importedFrom";
        String parties = String.join(" and ", bilateral.parties());
        String message = "the rule for " + good.formatted() + " has one text for " + bilateral.words() + " and another for all other"
                + " trade; give " + (importingCountry == null ? "good.importingCountry (the CUSMA country the good is imported into) and "
                : "") + "good.importedFrom (the country the good is exported from): a good imported into one of " + parties
                + " from the other takes the first text";
        String legalText = candidates.stream().map(r -> (r.trade() == null ? "all trade" : r.trade().words()) + " (" + r.citation() + "): "
                + r.text()).collect(Collectors.joining(" | "));
        return new RuleLookup.NeedsMoreData(field, message, legalText);
    }

    private List<ProductRule> candidatesAt(HsLevel level, String key) {
        Map.Entry<String, List<Entry>> floor = index.get(level).floorEntry(key);
        if (floor == null) {
            return Collections.emptyList();
        }
        List<ProductRule> out = new ArrayList<>();
        for (Entry entry : floor.getValue()) {
            if (entry.range().containsKey(key)) {
                out.add(entry.rule());
            }
        }
        return out;
    }

    private boolean hasTariffItemRulesUnder(String subheading, LocalDate asOf) {
        return index.get(HsLevel.TARIFF_ITEM).subMap(subheading + "00", true, subheading + "99", true).values().stream()
                .flatMap(List::stream).anyMatch(e -> e.rule().inForceOn(asOf));
    }
}
