package org.origincheck.domain.evaluation;

import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.VehicleClassification;
import org.origincheck.domain.automotive.PartSchedule;
import org.origincheck.domain.automotive.AutomotiveTable;
import org.origincheck.domain.automotive.TableEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RvcMethod;
import org.origincheck.domain.rules.RvcRequirement;

/**
 * Which automotive thresholds replace those of a good's product-specific rule, and why: the tables the good
 * is listed in, read with its end use (SOR/2020-155 s.14(2), (13)-(18); s.15(2)-(4); s.19(4); s.20(2)-(3)).
 * {@code schedule} is null when none applies. {@code missingField} is set when the choice needs a fact the
 * submission lacks (the end use of a listed part, or whether an "ex" line covers the good).
 */
public record PartThresholds(PartSchedule schedule, List<TableEntry> entries, String explanation, String missingField,
                             String missingMessage) {

    private static final List<String> F_EXCLUDED = List.of("848210", "848220", "848230", "848240", "848250", "848280", "848320", "848330");

    public static PartThresholds none() {
        return new PartThresholds(null, List.of(), null, null, null);
    }

    public boolean applies() {
        return schedule != null;
    }

    /**
     * Whether the only table that brings these thresholds is Table F, which s.20(3)(c) applies only to "a good in Table F that is
     * subject to an RVC requirement": for a good whose rule has no RVC, neither its end use nor the table can change anything.
     */
    public boolean onlyFromTableF() {
        return !entries.isEmpty() && entries.stream().allMatch(e -> e.table() == AutomotiveTable.F)
                && (schedule == null || !schedule.mandatory());
    }

    /** The words of the law the end use decides for a listed good: the table line and the definition of an aftermarket part. */
    public String endUseLegalText() {
        return entries.isEmpty() ? null : "SOR/2020-155 Part 6, " + entries.get(0).describe()
                + "; s.12: \"aftermarket part means a good that is not for use as original equipment in the production of passenger vehicles, light trucks or heavy trucks\"";
    }

    public static PartThresholds choose(AutomotiveRules rules, HsCode hs, EndUse endUse, VehicleClassification vehicle,
                                        AutomotiveFacts facts, LocalDate asOf) {
        if (rules == null) {
            return none();
        }
        List<AutomotiveTable> declared = facts == null ? null : facts.declaredTables();
        if (vehicle.vehicleClass() != null) {
            if (vehicle.vehicleClass().isPassengerVehicleOrLightTruck() && stagingRegimeApplies(rules, facts, asOf)) {
                return new PartThresholds(rules.schedule(AutomotiveRules.STAGING_VEHICLE), List.of(),
                        "the producer's alternative staging regime is approved for this " + vehicle.vehicleClass().label()
                                + " on " + asOf + ": s.19(4)(a) replaces the s.13 thresholds", null, null);
            }
            return none();
        }
        boolean engineOrGearBox = hs.heading().equals("8407") || hs.heading().equals("8408") || hs.subheading().equals("870840");
        if (endUse == null) {
            for (AutomotiveTable table : List.of(AutomotiveTable.A_1, AutomotiveTable.B, AutomotiveTable.C, AutomotiveTable.D,
                    AutomotiveTable.E, AutomotiveTable.F)) {
                List<TableEntry> found = rules.tables().matching(table, hs);
                if (table == AutomotiveTable.F && F_EXCLUDED.contains(hs.subheading())) {
                    // s.20(3)(c) excepts these subheadings from the Table F threshold: no end use can bring one.
                    found = List.of();
                }
                if (!found.isEmpty()) {
                    return new PartThresholds(null, found, null, "good.endUse", hs.formatted() + " is listed in " + found.get(0).describe()
                            + ": the thresholds depend on whether it is original equipment for a passenger vehicle, light truck, heavy truck or other vehicle, or an aftermarket part (SOR/2020-155 s.14-15, s.20)");
                }
            }
            return none();
        }
        return switch (endUse) {
            case PASSENGER_VEHICLE_OE, LIGHT_TRUCK_OE -> {
                // s.14(2)-(3), (6): a battery of 8507.60 for propelling an electric vehicle is excepted from the core-part RVC and
                // originates under its own rule (Schedule 1); it stays subject to its rule as written.
                PartThresholds core = hs.subheading().equals("850760") ? null : listed(rules, AutomotiveTable.A_1, hs, declared,
                        stagingRegimeApplies(rules, facts, asOf) ? AutomotiveRules.STAGING_CORE_PART : AutomotiveRules.CORE_PART);
                if (core != null) yield core;
                PartThresholds principal = listed(rules, AutomotiveTable.B, hs, declared, AutomotiveRules.PRINCIPAL_PART);
                if (principal != null) yield principal;
                PartThresholds complementary = listed(rules, AutomotiveTable.C, hs, declared, AutomotiveRules.COMPLEMENTARY_PART);
                yield complementary != null ? complementary : none();
            }
            case HEAVY_TRUCK_OE -> {
                if (engineOrGearBox) {
                    yield new PartThresholds(rules.schedule(AutomotiveRules.HEAVY_TRUCK_ENGINE_OR_GEAR_BOX),
                            rules.tables().matching(AutomotiveTable.D, hs), "an engine of 84.07 or 84.08 or a gear box of 8708.40 for use in a heavy truck "
                            + "is originating only if it satisfies the RVC of s.15(2) (s.15(4))", null, null);
                }
                PartThresholds principal = listed(rules, AutomotiveTable.D, hs, declared, AutomotiveRules.HEAVY_TRUCK_PRINCIPAL_PART);
                if (principal != null) yield principal;
                PartThresholds other = listed(rules, AutomotiveTable.E, hs, declared, AutomotiveRules.HEAVY_TRUCK_OTHER_PART);
                yield other != null ? other : none();
            }
            case OTHER_VEHICLE_OE -> {
                if (engineOrGearBox) {
                    VehicleClass target = facts == null ? null : facts.forVehicleClass();
                    if (target == VehicleClass.OTHER_VEHICLE_SECTION_20_2) {
                        yield new PartThresholds(rules.schedule(AutomotiveRules.OTHER_VEHICLE_ENGINE_SECTION_20_2), List.of(),
                                "an engine or gear box for use in a vehicle listed in s.20(2)(a)-(g): s.20(2)(h)", null, null);
                    }
                    if (target == VehicleClass.OTHER_VEHICLE_SECTION_20_3) {
                        yield new PartThresholds(rules.schedule(AutomotiveRules.OTHER_VEHICLE_ENGINE_SECTION_20_3), List.of(),
                                "an engine or gear box for use in a vehicle listed in s.20(3)(a): s.20(3)(b)", null, null);
                    }
                    yield new PartThresholds(null, List.of(), null, "automotive.forVehicleClass",
                            "an engine of 84.07 or 84.08 or a gear box of 8708.40 for another vehicle needs 62.5% NC for a vehicle listed in s.20(2) and 60% NC for one listed in s.20(3)(a): "
                                    + "give OTHER_VEHICLE_SECTION_20_2 or OTHER_VEHICLE_SECTION_20_3");
                }
                if (F_EXCLUDED.contains(hs.subheading())) {
                    yield none();
                }
                PartThresholds other = listed(rules, AutomotiveTable.F, hs, declared, AutomotiveRules.OTHER_VEHICLE_PART);
                yield other != null ? other : none();
            }
            case AFTERMARKET -> none();
        };
    }

    /** Whether the producer's approved alternative staging regime covers {@code asOf} (s.19(2)). */
    public static boolean stagingRegimeApplies(AutomotiveRules rules, AutomotiveFacts facts, LocalDate asOf) {
        if (facts == null || facts.stagingRegime() == null || !facts.stagingRegime().approved()) {
            return false;
        }
        LocalDate until = facts.stagingRegime().approvedUntil() != null ? facts.stagingRegime().approvedUntil() : rules.stagingRegime().to();
        return !asOf.isBefore(rules.stagingRegime().from()) && !asOf.isAfter(until);
    }

    /** declared null: the producer has not said which tables the good is in; an "ex" line then needs an answer. */
    private static PartThresholds listed(AutomotiveRules rules, AutomotiveTable table, HsCode hs, List<AutomotiveTable> declared,
                                         String scheduleId) {
        List<TableEntry> found = rules.tables().matching(table, hs);
        if (found.isEmpty()) {
            return null;
        }
        PartSchedule schedule = rules.schedule(scheduleId);
        List<TableEntry> exact = found.stream().filter(e -> !e.ex()).toList();
        if (!exact.isEmpty()) {
            return new PartThresholds(schedule, exact, hs.formatted() + " is listed in " + exact.get(0).describe(), null, null);
        }
        if (declared != null && declared.contains(table)) {
            return new PartThresholds(schedule, found, "the producer declares the good one of the goods of " + found.get(0).describe(), null, null);
        }
        if (declared != null) {
            return null;
        }
        return new PartThresholds(null, found, null, "automotive.declaredTables", "only some goods of " + hs.formatted() + " are listed ("
                + String.join("; ", found.stream().map(TableEntry::describe).toList())
                + "): list the tables the good is in (e.g. [\"" + table.id() + "\"]), or [] if none of them");
    }

    /** The rule with the schedule's thresholds in place of its own; a mandatory schedule adds the RVC to every alternative. */
    public ProductRule applyTo(ProductRule rule) {
        boolean ruleHasTransactionValue = rule.alternatives().stream()
                .anyMatch(a -> a.regionalValueContent() != null && a.regionalValueContent().offers(RvcMethod.TRANSACTION_VALUE));
        List<RuleAlternative> replaced = new ArrayList<>();
        for (RuleAlternative alternative : rule.alternatives()) {
            RvcRequirement rvc = alternative.regionalValueContent();
            if (rvc != null) {
                boolean tv = rvc.offers(RvcMethod.TRANSACTION_VALUE) && schedule.transactionValue() != null;
                replaced.add(alternative.withRegionalValueContent(new RvcRequirement(tv ? schedule.transactionValue() : null, schedule.netCost())));
            } else if (schedule.mandatory()) {
                boolean tv = ruleHasTransactionValue && schedule.transactionValue() != null;
                replaced.add(alternative.withRegionalValueContent(new RvcRequirement(tv ? schedule.transactionValue() : null, schedule.netCost())));
            } else {
                replaced.add(alternative);
            }
        }
        return rule.withAlternatives(replaced, schedule.citation(),
                schedule.mandatory() ? schedule.citation() + ": " + explanation + "; the good is originating only if it meets that regional value content" : null);
    }
}
