package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.AutomotiveFacts.CorePart;
import org.origincheck.domain.automotive.AutomotiveFacts.Metal;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.automotive.AutomotiveTable;
import org.origincheck.domain.automotive.LaborValueContentRequirement;
import org.origincheck.domain.automotive.PartSchedule;
import org.origincheck.domain.evaluation.PartThresholds;
import org.origincheck.domain.automotive.TableEntry;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.VehicleClassification;
import org.origincheck.domain.automotive.WageFloor;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.rules.RvcMethod;

/**
 * The automotive tests of the Appendix to Annex 4-B (SOR/2020-155 Part 6), written once and called by both
 * engines: the vehicle's class and the thresholds that replace a part's own, then, for passenger vehicles,
 * light trucks and heavy trucks, the requirements without which the vehicle is not originating whatever
 * the criterion: core parts (s.14(4)), steel and aluminum (s.17) and labour value content (s.18).
 */
public final class AutomotiveAssessments {

    static final String CORE_PARTS = "the core parts requirement (SOR/2020-155 s.14(4))";
    static final String STEEL = "the steel and aluminum requirement (SOR/2020-155 s.17(1))";
    static final String LVC = "the labour value content requirement (SOR/2020-155 s.18)";
    static final String CLASSIFICATION = "the automotive classification (SOR/2020-155 s.12-15, s.20)";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SCALE = 30;
    static final java.time.LocalDate HEAVY_TRUCK_RVC_CREDIT_UNTIL = java.time.LocalDate.of(2027, 7, 1);
    static final BigDecimal HEAVY_TRUCK_RVC_CREDIT_FLOOR = BigDecimal.valueOf(60);

    private AutomotiveAssessments() {
    }

    /** The vehicle class, and the thresholds that replace the rule's own; asks for what decides them. */
    public static void classification(EvaluationSubject subject, Findings findings) {
        if (subject.automotiveRules() == null) {
            return;
        }
        VehicleClassification vehicle = subject.vehicle();
        if (vehicle.undetermined()) {
            vehicle.missing().forEach(findings::missing);
            findings.requirement(CLASSIFICATION, Verdict.UNDETERMINED);
            findings.add(new Reason(ReasonCode.AUTOMOTIVE_CLASSIFICATION, Outcome.INSUFFICIENT_DATA,
                    "The class of this motor vehicle cannot be decided: " + String.join("; ", vehicle.missing().values()) + ".", vehicle.citation(), List.of(), null));
        } else if (vehicle.motorVehicle()) {
            VehicleClass cls = vehicle.vehicleClass();
            String consequence = cls == null ? "" : switch (cls) {
                case PASSENGER_VEHICLE, LIGHT_TRUCK -> subject.stagingRegime()
                        ? " It is subject to the alternative staging regime of s.19: RVC, steel and aluminum, and LVC at the regime's levels; no core parts requirement (s.19(5))."
                        : " Besides its product-specific rule it must have originating core parts (s.14(4)), meet the steel and aluminum purchasing requirement (s.17) and the labour value content requirement (s.18).";
                case HEAVY_TRUCK -> " Besides its product-specific rule it must meet the steel and aluminum purchasing requirement (s.17) and the labour value content requirement (s.18).";
                default -> " Its product-specific rule is the one for other vehicles (s.13, s.20); the steel and aluminum and LVC requirements do not apply.";
            };
            findings.add(new Reason(ReasonCode.AUTOMOTIVE_CLASSIFICATION, Outcome.INFO, "The good is " + vehicle.explanation()
                    + (cls == null ? "." : ": a " + cls.label() + "." + consequence), vehicle.citation(), List.of(), null));
        }
        PartThresholds thresholds = subject.partThresholds();
        if (thresholds.missingField() != null) {
            findings.add(new Reason(ReasonCode.AUTOMOTIVE_THRESHOLDS, Outcome.INSUFFICIENT_DATA,
                    "The automotive thresholds for this good cannot be chosen: " + thresholds.missingMessage() + ".",
                    Citations.AUTOMOTIVE_THRESHOLDS, List.of(), null));
        } else if (thresholds.applies()) {
            PartSchedule schedule = thresholds.schedule();
            Optional<BigDecimal> nc = schedule.netCost().on(subject.asOf());
            Optional<BigDecimal> tv = schedule.transactionValue() == null ? Optional.empty() : schedule.transactionValue().on(subject.asOf());
            findings.thresholds(new AutomotiveResult.Thresholds(schedule.id(), schedule.description(),
                    thresholds.entries().stream().map(TableEntry::describe).toList(), nc.orElse(null), tv.orElse(null),
                    schedule.mandatory(), schedule.citation()));
            findings.add(new Reason(ReasonCode.AUTOMOTIVE_THRESHOLDS, Outcome.INFO, "Automotive thresholds apply: " + thresholds.explanation()
                    + ". On " + subject.asOf() + " the regional value content required is " + nc.map(v -> v.toPlainString() + "% by the net cost method").orElse("not set")
                    + tv.map(v -> " or " + v.toPlainString() + "% by the transaction value method where the rule offers it").orElse("")
                    + (schedule.mandatory() ? "; an alternative without a regional value content does not suffice" : "")
                    + ", in place of the thresholds of the product-specific rule.", schedule.citation(), List.of(), null));
        }
    }

    /** s.14(4), s.17, s.18 (s.19 for the staging regime): only for passenger vehicles, light trucks and heavy trucks. */
    public static void vehicleRequirements(EvaluationSubject subject, Findings findings) {
        if (!subject.vehicleRequirementsApply()) {
            return;
        }
        VehicleClass cls = subject.vehicle().vehicleClass();
        if (subject.stagingRegime()) {
            // Every figure in this message is the pack's (rules/usmca/automotive/requirements.yaml), on the date of the determination.
            AutomotiveRules rules = subject.automotiveRules();
            findings.add(new Reason(ReasonCode.ALTERNATIVE_STAGING_REGIME, Outcome.INFO, "The producer's alternative staging regime covers "
                    + subject.asOf() + ": the vehicle needs an RVC of " + netCostOn(rules.schedule(AutomotiveRules.STAGING_VEHICLE), subject.asOf())
                    + " by the net cost method, steel and aluminum purchases at least " + rules.steelAndAluminum().share().stripTrailingZeros().toPlainString()
                    + "% originating (unless exempted), and an LVC of at least " + rules.stagingRegime().laborValueContent().toPlainString()
                    + "% with " + rules.stagingRegime().highWageMinimum().toPlainString()
                    + " points of high-wage material and manufacturing expenditures, and its Table A.1 parts need "
                    + netCostOn(rules.schedule(AutomotiveRules.STAGING_CORE_PART), subject.asOf())
                    + " by the net cost method (s.19(4)(b)); it is exempt from the core parts requirement of s.14.",
                    rules.stagingRegime().citation(), List.of(), null));
        }
        if (cls.isPassengerVehicleOrLightTruck()) {
            if (subject.stagingRegime()) {
                // s.19(5) exempts eligible vehicles from s.14's core parts requirement, but s.19(4)(b) still asks 62.5% of their Table A.1 parts.
                coreParts(subject, findings, AutomotiveRules.STAGING_CORE_PART, "the staging regime's Table A.1 parts requirement (SOR/2020-155 s.19(4)(b))",
                        Citations.STAGING_REGIME);
            } else {
                coreParts(subject, findings, AutomotiveRules.CORE_PART, CORE_PARTS, Citations.CORE_PARTS_TABLE);
            }
        }
        rollUp(subject, findings);
        AutomotiveFacts facts = subject.automotiveFacts();
        if (subject.stagingRegime() && facts.stagingRegime().steelAndAluminumExempt()) {
            findings.add(new Reason(ReasonCode.STEEL_AND_ALUMINUM, Outcome.NOT_APPLICABLE,
                    "The producer's approved alternative staging regime exempts it from the steel and aluminum requirement.", Citations.STAGING_REGIME_STEEL, List.of(), null));
        } else {
            steelAndAluminum(subject, findings);
        }
        laborValueContent(subject, findings);
    }

    // ---------------------------------------------------------------- core parts

    /** Every passenger vehicle and light truck has these parts of column 1 of Table A.2, and an engine or an advanced battery. */
    private static final List<AutomotiveFacts.CorePartCategory> ALWAYS_USED = List.of(AutomotiveFacts.CorePartCategory.BODY_AND_CHASSIS,
            AutomotiveFacts.CorePartCategory.AXLE, AutomotiveFacts.CorePartCategory.SUSPENSION_SYSTEM, AutomotiveFacts.CorePartCategory.STEERING_SYSTEM);
    /** Subheadings that identify a column 1 part on a bill of materials (8708.29 and 8708.99 cover too much else to be told apart). */


    /**
     * s.14(4)-(12) (and s.19(4)(b) for a vehicle under the staging regime, at its threshold): every core part used
     * must be originating. The list must be complete: the parts every vehicle has must be there, and every material
     * on the bill of materials classified like a column 1 part must be listed or declared not one.
     */
    static void coreParts(EvaluationSubject subject, Findings findings, String scheduleId, String requirement, String citation) {
        AutomotiveRules rules = subject.automotiveRules();
        AutomotiveFacts facts = subject.automotiveFacts();
        PartSchedule schedule = rules.schedule(scheduleId);
        BigDecimal threshold = schedule.netCost().on(subject.asOf()).orElse(null);
        if (facts == null || facts.coreParts() == null || facts.coreParts().parts().isEmpty()) {
            findings.missing("automotive.coreParts", "a passenger vehicle or light truck is originating only if the core parts of Table A.2 used in it are originating ("
                    + citation + "): list each (engine, transmission, body and chassis, axle, suspension system, steering system, advanced battery) with its net cost and VNM, or a stored determination of it");
            findings.requirement(requirement, Verdict.UNDETERMINED);
            findings.add(new Reason(ReasonCode.CORE_PARTS, Outcome.INSUFFICIENT_DATA,
                    "The core parts used in the vehicle are not given, so the core parts requirement cannot be decided.", citation, List.of(), null));
            return;
        }
        AutomotiveFacts.CoreParts given = facts.coreParts();
        Verdict verdict = Verdict.MET;
        List<String> failing = new ArrayList<>();
        List<String> undetermined = new ArrayList<>();
        // Completeness.
        java.util.Set<AutomotiveFacts.CorePartCategory> listed = java.util.EnumSet.noneOf(AutomotiveFacts.CorePartCategory.class);
        given.parts().forEach(p -> listed.add(p.category()));
        List<String> absent = new ArrayList<>();
        for (AutomotiveFacts.CorePartCategory category : ALWAYS_USED) {
            if (!listed.contains(category)) absent.add(category.name());
        }
        if (!listed.contains(AutomotiveFacts.CorePartCategory.ENGINE) && !listed.contains(AutomotiveFacts.CorePartCategory.ADVANCED_BATTERY)) {
            absent.add("ENGINE or ADVANCED_BATTERY");
        }
        if (!absent.isEmpty()) {
            findings.missing("automotive.coreParts.parts", "every core part used in the vehicle must be shown originating; not listed: " + String.join(", ", absent));
            verdict = verdict.and(Verdict.UNDETERMINED);
            undetermined.add("parts not listed (" + String.join(", ", absent) + ")");
        }
        java.util.Set<String> accounted = new java.util.HashSet<>(given.notCoreParts());
        given.parts().forEach(p -> { if (p.partNumber() != null) accounted.add(p.partNumber()); });
        for (Material material : subject.materials()) {
            AutomotiveFacts.CorePartCategory category = material.hsCode() == null ? null : subject.automotiveRules().corePartSubheadings().get(material.hsCode().subheading());
            if (category != null && material.kind().countedForExclusivelyOriginating() && !accounted.contains(material.partNumber())) {
                findings.missing(material.field("partNumber"), material.label() + " (" + material.hsCode().formatted() + ") is classified like a " + category.tableName()
                        + " core part of Table A.2: list it in automotive.coreParts.parts, or its part number in automotive.coreParts.notCoreParts if it is not one");
                verdict = verdict.and(Verdict.UNDETERMINED);
                undetermined.add(material.label());
            }
        }
        AutomotiveFacts.VnmMethod method = given.vnmMethod() == null ? AutomotiveFacts.VnmMethod.ALL_MATERIALS : given.vnmMethod();
        String methodText = method == AutomotiveFacts.VnmMethod.ALL_MATERIALS
                ? "VNM of all materials used in producing the part (s.14(7)(a))"
                : "VNM of the non-originating column 2 components of Table A.2 only (s.14(7)(b), (8))";
        List<AutomotiveResult.CorePart> results = new ArrayList<>();
        BigDecimal sumNetCost = BigDecimal.ZERO;
        BigDecimal sumVnm = BigDecimal.ZERO;
        boolean sumsComplete = true;
        for (CorePart part : given.parts()) {
            BigDecimal vnm = method == AutomotiveFacts.VnmMethod.ALL_MATERIALS ? part.valueOfNonOriginatingMaterials() : part.valueOfNonOriginatingComponents();
            String vnmField = method == AutomotiveFacts.VnmMethod.ALL_MATERIALS ? "valueOfNonOriginatingMaterials" : "valueOfNonOriginatingComponents";
            if (part.category() == AutomotiveFacts.CorePartCategory.ADVANCED_BATTERY) {
                // s.14(5)-(6): an advanced battery originates under its own rule (Schedule 1), not the core-part RVC.
                Verdict battery = storedBattery(part, findings);
                results.add(new AutomotiveResult.CorePart(part.label(), part.category().tableName(),
                        part.determination() == null ? null : part.determination().id(), null, null, null, battery.outcome(), null));
                verdict = verdict.and(battery);
                if (battery == Verdict.NOT_MET) failing.add(part.label() + " (advanced battery, stored determination " + part.determination().status() + ")");
                if (battery == Verdict.UNDETERMINED) undetermined.add(part.label());
                continue;
            }
            if (given.superCore()) {
                if (part.netCost() == null || vnm == null) {
                    sumsComplete = false;
                    if (part.netCost() == null) findings.missing(part.field("netCost"), "the super-core sums the net cost of every core part (s.14(10))");
                    if (vnm == null) findings.missing(part.field(vnmField), "the super-core sums the VNM of every core part by the chosen method (s.14(10))");
                } else {
                    sumNetCost = sumNetCost.add(part.netCost());
                    sumVnm = sumVnm.add(vnm);
                }
                continue;
            }
            if (part.determination() != null && (part.netCost() == null || vnm == null)) {
                Verdict stored = storedCorePart(subject, part, threshold, scheduleId, findings);
                results.add(new AutomotiveResult.CorePart(part.label(), part.category().tableName(), part.determination().id(), null, null, null, stored.outcome(), null));
                verdict = verdict.and(stored);
                if (stored == Verdict.NOT_MET) failing.add(part.label() + " (stored determination " + part.determination().id() + ": " + part.determination().status() + ")");
                if (stored == Verdict.UNDETERMINED) undetermined.add(part.label());
                continue;
            }
            if (part.netCost() == null || vnm == null) {
                if (part.netCost() == null) findings.missing(part.field("netCost"), "the core part's net cost (s.7), or a stored determination of it (determinationId)");
                if (vnm == null) findings.missing(part.field(vnmField), "the core part's VNM by the method chosen (s.14(7))");
                verdict = verdict.and(Verdict.UNDETERMINED);
                undetermined.add(part.label());
                results.add(new AutomotiveResult.CorePart(part.label(), part.category().tableName(), null, part.netCost(), vnm, null, Outcome.INSUFFICIENT_DATA, null));
                continue;
            }
            boolean met = threshold != null && RegionalValueContent.meets(part.netCost(), vnm, threshold);
            BigDecimal value = RegionalValueContent.percentage(part.netCost(), vnm);
            BigDecimal shortBy = threshold == null ? null : RegionalValueContent.pointsShort(part.netCost(), vnm, threshold);
            results.add(new AutomotiveResult.CorePart(part.label(), part.category().tableName(), null, part.netCost(), vnm, value,
                    met ? Outcome.PASS : Outcome.FAIL, shortBy));
            if (!met) {
                verdict = verdict.and(Verdict.NOT_MET);
                failing.add(part.label() + " (" + part.category().tableName() + ", RVC " + display(value, RoundingMode.DOWN) + "%)");
            }
        }
        AutomotiveResult.CorePart superCorePart = null;
        if (given.superCore()) {
            if (!sumsComplete) {
                verdict = verdict.and(Verdict.UNDETERMINED);
            } else if (sumNetCost.signum() > 0) {
                boolean met = threshold != null && RegionalValueContent.meets(sumNetCost, sumVnm, threshold);
                BigDecimal value = RegionalValueContent.percentage(sumNetCost, sumVnm);
                superCorePart = new AutomotiveResult.CorePart("super-core", "all parts of column 1 of Table A.2 as one part (s.14(10))", null,
                        sumNetCost, sumVnm, value, met ? Outcome.PASS : Outcome.FAIL,
                        threshold == null ? null : RegionalValueContent.pointsShort(sumNetCost, sumVnm, threshold));
                verdict = verdict.and(met ? Verdict.MET : Verdict.NOT_MET);
                if (!met) failing.add("the super-core (RVC " + display(value, RoundingMode.DOWN) + "%)");
            }
        }
        findings.requirement(requirement, verdict);
        findings.coreParts(new AutomotiveResult.CoreParts(verdict.outcome(), method.name(), given.superCore(), threshold, results, superCorePart,
                subject.corePartsRollUp().name(), subject.tracedCorePartValue(), citation));
        String how = (given.superCore() ? "treated as a single super-core part (s.14(10)), " : "each part on its own, ") + methodText;
        String message = switch (verdict) {
            case MET -> "The core parts are originating: " + how + ", against " + threshold + "% by the net cost method on " + subject.asOf() + ".";
            case NOT_MET -> "The core parts requirement is not met: " + String.join("; ", failing) + " below the " + threshold
                    + "% required by the net cost method (" + how + "). The vehicle is not originating without originating core parts.";
            case UNDETERMINED -> "The core parts requirement cannot be decided: " + String.join("; ", undetermined) + ".";
        };
        findings.add(new Reason(ReasonCode.CORE_PARTS, verdict.outcome(), message, citation,
                given.parts().stream().map(CorePart::label).toList(), null));
    }

    /**
     * A core part given as a stored determination counts only if that determination applied the core-part
     * thresholds (an aftermarket or other-vehicle determination does not) at a level not below the one in
     * force now, and is of a provision of the part's Table A.2 group.
     */
    private static Verdict storedCorePart(EvaluationSubject subject, CorePart part, BigDecimal threshold, String scheduleId, Findings findings) {
        AutomotiveFacts.StoredDetermination stored = part.determination();
        List<org.origincheck.domain.automotive.TableEntry> group = subject.automotiveRules().tables().of(org.origincheck.domain.automotive.AutomotiveTable.A_2)
                .stream().filter(e -> part.category().tableName().equals(e.group())).toList();
        boolean ofGroup = stored.hsCode() != null && group.stream().anyMatch(e -> e.provision().contains(org.origincheck.domain.hs.HsCode.parse(stored.hsCode()))
                == org.origincheck.domain.hs.Match.YES);
        String why = null;
        if (!ofGroup) {
            why = "the stored determination is of " + stored.hsCode() + ", not a provision of the " + part.category().tableName() + " of Table A.2";
        } else if ("INSUFFICIENT_DATA".equals(stored.status())) {
            why = "the stored determination could not decide origin";
        } else if (stored.schedule() == null || !(stored.schedule().equals(AutomotiveRules.CORE_PART) || stored.schedule().equals(scheduleId))) {
            why = "the stored determination did not apply the Table A.1 core-part thresholds (it was not for original equipment in a passenger vehicle or light truck)";
        } else if (threshold != null && (stored.netCostThreshold() == null || stored.netCostThreshold().compareTo(threshold) < 0)) {
            why = "the stored determination (as of " + stored.asOf() + ") applied " + stored.netCostThreshold() + "%, below the " + threshold + "% in force now";
        }
        if (why != null) {
            findings.missing(part.field("determinationId"), why + ": give the part's netCost and VNM instead, or a determination made for this use and date");
            return Verdict.UNDETERMINED;
        }
        return stored.originating() ? Verdict.MET : Verdict.NOT_MET;
    }

    private static Verdict storedBattery(CorePart part, Findings findings) {
        AutomotiveFacts.StoredDetermination stored = part.determination();
        if (stored == null || "INSUFFICIENT_DATA".equals(stored.status())
                || stored.hsCode() == null || !(stored.hsCode().startsWith("850760") || stored.hsCode().startsWith("850780"))) {
            findings.missing(part.field("determinationId"), "an advanced battery originates under its own product-specific rule (s.14(6)), not the core-part RVC: "
                    + "give a stored determination of the battery (8507.60 or 8507.80) that decided its origin");
            return Verdict.UNDETERMINED;
        }
        return stored.originating() ? Verdict.MET : Verdict.NOT_MET;
    }

    static void rollUp(EvaluationSubject subject, Findings findings) {
        if (!subject.vehicle().vehicleClass().isPassengerVehicleOrLightTruck()) {
            return;
        }
        String citation = Citations.CORE_PARTS_PANEL;
        if (subject.corePartsRollUp() == org.origincheck.domain.automotive.CorePartsRollUp.ROLL_UP) {
            findings.add(new Reason(ReasonCode.CORE_PARTS_ROLL_UP, Outcome.INFO, "Option ROLL_UP: originating core parts count as wholly originating in the vehicle's RVC (s.14(1) as read by the 2022 panel).",
                    citation, List.of(), null));
            return;
        }
        if (!subject.untraceableCoreParts().isEmpty()) {
            for (CorePart part : subject.untraceableCoreParts()) {
                findings.missing(part.field("valueOfNonOriginatingMaterials"),
                        "under option TRACE the VNM of an originating core part is added to the vehicle's VNM; give it, or choose corePartsRollUp ROLL_UP");
            }
            findings.requirement("the vehicle's regional value content with core parts traced (option TRACE)", Verdict.UNDETERMINED);
        }
        findings.add(new Reason(ReasonCode.CORE_PARTS_ROLL_UP, subject.untraceableCoreParts().isEmpty() ? Outcome.INFO : Outcome.INSUFFICIENT_DATA,
                "Option TRACE (the pack's default, the United States' practice): the VNM of originating core parts on the vehicle's bill of materials is added to the vehicle's VNM rather than rolled up; "
                        + subject.tracedCoreParts().size() + " part(s) traced, adding " + subject.tracedCorePartValue().toPlainString() + " " + subject.good().currency() + "."
                        + (subject.untraceableCoreParts().isEmpty() ? "" : " " + subject.untraceableCoreParts().size() + " originating core part(s) have no VNM to trace.")
                        + (subject.corePartsNotOnBom().isEmpty() ? "" : " Not on the bill of materials, so treated as made by the vehicle producer (their materials are counted at their own origin): "
                        + String.join(", ", subject.corePartsNotOnBom().stream().map(CorePart::label).toList()) + "."),
                citation, subject.tracedCoreParts().stream().map(CorePart::label).toList(), null));
    }

    // ---------------------------------------------------------------- steel and aluminum

    static void steelAndAluminum(EvaluationSubject subject, Findings findings) {
        AutomotiveRules rules = subject.automotiveRules();
        AutomotiveRules.SteelAndAluminum law = rules.steelAndAluminum();
        AutomotiveFacts facts = subject.automotiveFacts();
        String citation = law.citation();
        if (facts == null || facts.steelAndAluminum() == null || facts.steelAndAluminum().purchases().isEmpty()) {
            findings.missing("automotive.steelAndAluminum", "a passenger vehicle, light truck or heavy truck is originating only if at least "
                    + law.share().toPlainString() + "% by value of the producer's purchases of Table S steel and aluminum are originating (s.17(1)): give the purchases");
            findings.requirement(STEEL, Verdict.UNDETERMINED);
            findings.add(new Reason(ReasonCode.STEEL_AND_ALUMINUM, Outcome.INSUFFICIENT_DATA,
                    "The producer's steel and aluminum purchases are not given, so the s.17 requirement cannot be decided.", citation, List.of(), null));
            return;
        }
        boolean meltedAndPoured = !subject.asOf().isBefore(law.meltedAndPouredFrom());
        Map<Metal, BigDecimal[]> totals = new LinkedHashMap<>();
        List<String> notCounted = new ArrayList<>();
        List<String> notMeltedAndPoured = new ArrayList<>();
        boolean undetermined = false;
        for (AutomotiveFacts.Purchase purchase : facts.steelAndAluminum().purchases()) {
            List<TableEntry> entries = rules.tables().matching(AutomotiveTable.S, purchase.hsCode());
            if (entries.isEmpty()) {
                notCounted.add(purchase.label() + " (" + purchase.hsCode().formatted() + ": not in Table S)");
                continue;
            }
            List<Metal> metals = entries.stream().map(e -> e.group().startsWith("Aluminum") ? Metal.ALUMINUM : Metal.STEEL).distinct().toList();
            Metal metal = purchase.metal();
            if (metal == null && metals.size() == 1) {
                metal = metals.get(0);
            }
            if (metal == null) {
                findings.missing(purchase.field("metal"), purchase.hsCode().formatted() + " is in Table S as both steel and aluminum: say which");
                undetermined = true;
                continue;
            }
            if (!metals.contains(metal)) {
                notCounted.add(purchase.label() + " (" + purchase.hsCode().formatted() + " is in Table S only as " + metals.get(0) + ")");
                continue;
            }
            boolean originating = purchase.originating();
            if (originating && metal == Metal.STEEL && meltedAndPoured) {
                if (purchase.meltedAndPouredInRegion() == null) {
                    findings.missing(purchase.field("meltedAndPouredInRegion"), "from " + law.meltedAndPouredFrom()
                            + " steel is originating only if all steel manufacturing processes, from the initial melting and mixing through coating, occur in the USMCA countries (s.17(5)(b))");
                    undetermined = true;
                } else if (!purchase.meltedAndPouredInRegion()) {
                    originating = false;
                    notMeltedAndPoured.add(purchase.label());
                }
            }
            // s.17(2): for a stamping of 8708.29 or 8708.99 only the value of the Table S metal used in it counts.
            BigDecimal counted = purchase.value();
            String sub = purchase.hsCode().subheading();
            if (sub.equals("870829") || sub.equals("870899")) {
                if (purchase.metalValue() == null) {
                    findings.missing(purchase.field("metalValue"), "for a stamping of " + purchase.hsCode().formatted()
                            + " only the value of the Table S steel or aluminum used in it counts (s.17(2)): give it");
                    undetermined = true;
                    continue;
                }
                counted = purchase.metalValue();
            }
            BigDecimal[] sums = totals.computeIfAbsent(metal, m -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(counted);
            if (originating) {
                sums[1] = sums[1].add(counted);
            }
        }
        // s.19(4)(c) states the staging regime's requirement for steel and aluminum separately, whatever the option.
        org.origincheck.domain.automotive.SteelAndAluminumShare shareReading = subject.stagingRegime()
                ? org.origincheck.domain.automotive.SteelAndAluminumShare.SEPARATE : subject.steelAndAluminumShare();
        if (totals.isEmpty() && !undetermined) {
            findings.missing("automotive.steelAndAluminum.purchases", "none of the purchases is of a Table S good: give the producer's purchases of Table S steel and aluminum (s.17(1))");
        }
        if (shareReading == org.origincheck.domain.automotive.SteelAndAluminumShare.COMBINED && !totals.isEmpty()) {
            BigDecimal all = BigDecimal.ZERO;
            BigDecimal orig = BigDecimal.ZERO;
            for (BigDecimal[] sums : totals.values()) {
                all = all.add(sums[0]);
                orig = orig.add(sums[1]);
            }
            totals = new LinkedHashMap<>();
            totals.put(null, new BigDecimal[] {all, orig});
        }
        List<AutomotiveResult.MetalShare> shares = new ArrayList<>();
        Verdict verdict = totals.isEmpty() ? Verdict.UNDETERMINED : Verdict.MET;
        List<String> texts = new ArrayList<>();
        for (Map.Entry<Metal, BigDecimal[]> entry : totals.entrySet()) {
            BigDecimal total = entry.getValue()[0];
            BigDecimal originating = entry.getValue()[1];
            String name = entry.getKey() == null ? "STEEL_AND_ALUMINUM" : entry.getKey().name();
            if (total.signum() == 0) {
                continue;
            }
            boolean met = originating.multiply(HUNDRED).compareTo(law.share().multiply(total)) >= 0;
            BigDecimal share = originating.multiply(HUNDRED).divide(total, 10, RoundingMode.HALF_EVEN).stripTrailingZeros();
            BigDecimal shortBy = met ? BigDecimal.ZERO : law.share().multiply(total).divide(HUNDRED).subtract(originating).stripTrailingZeros();
            shares.add(new AutomotiveResult.MetalShare(name, total, originating, share, met, shortBy));
            verdict = verdict.and(met ? Verdict.MET : Verdict.NOT_MET);
            texts.add(name.toLowerCase().replace('_', ' ') + " " + display(share, RoundingMode.DOWN) + "% originating (" + originating.toPlainString()
                    + " of " + total.toPlainString() + " " + subject.good().currency() + ")" + (met ? "" : ", " + shortBy.toPlainString() + " short"));
        }
        if (undetermined && verdict != Verdict.NOT_MET) {
            verdict = Verdict.UNDETERMINED;
        }
        findings.requirement(STEEL, verdict);
        findings.steelAndAluminum(new AutomotiveResult.SteelAndAluminum(verdict.outcome(), shareReading.name(), law.share(),
                meltedAndPoured, shares, notCounted, citation));
        String period = facts.steelAndAluminum().periodFrom() == null ? "" : " over " + facts.steelAndAluminum().periodFrom() + " to " + facts.steelAndAluminum().periodTo();
        String message = "Purchases of Table S steel and aluminum" + period + ": " + (texts.isEmpty() ? "none counted" : String.join("; ", texts))
                + ", against at least " + law.share().toPlainString() + "% by value"
                + (shareReading == org.origincheck.domain.automotive.SteelAndAluminumShare.SEPARATE ? " for each metal" : " for both together")
                + (meltedAndPoured ? "; from " + law.meltedAndPouredFrom() + " originating steel must be melted and poured in the USMCA countries" : "")
                + (notMeltedAndPoured.isEmpty() ? "" : " (" + notMeltedAndPoured.size() + " steel purchase(s) counted non-originating for that reason)")
                + (notCounted.isEmpty() ? "" : "; not counted: " + String.join(", ", notCounted)) + ".";
        findings.add(new Reason(ReasonCode.STEEL_AND_ALUMINUM, verdict.outcome(), message, citation, notMeltedAndPoured, null));
    }

    // ---------------------------------------------------------------- labour value content

    static void laborValueContent(EvaluationSubject subject, Findings findings) {
        AutomotiveRules rules = subject.automotiveRules();
        VehicleClass cls = subject.vehicle().vehicleClass();
        AutomotiveFacts facts = subject.automotiveFacts();
        BigDecimal required;
        BigDecimal highWageMinimum;
        String citation;
        if (subject.stagingRegime()) {
            required = rules.stagingRegime().laborValueContent();
            highWageMinimum = rules.stagingRegime().highWageMinimum();
            citation = rules.stagingRegime().citation();
        } else {
            LaborValueContentRequirement requirement = rules.laborValueContent().get(cls);
            required = requirement.total().on(subject.asOf()).orElse(null);
            highWageMinimum = requirement.highWageMinimum().on(subject.asOf()).orElse(null);
            citation = requirement.citation();
        }
        if (facts == null || facts.laborValueContent() == null) {
            findings.missing("automotive.laborValueContent", "a " + cls.label() + " is originating only if the producer certifies an LVC of at least "
                    + required.toPlainString() + "% (s.18): give the plants' wages and the high-wage expenditures");
            findings.requirement(LVC, Verdict.UNDETERMINED);
            findings.add(new Reason(ReasonCode.LABOR_VALUE_CONTENT, Outcome.INSUFFICIENT_DATA,
                    "The labour value content figures are not given, so the s.18 requirement cannot be decided.", citation, List.of(), null));
            return;
        }
        AutomotiveFacts.LaborValueContent lvc = facts.laborValueContent();
        boolean undetermined = false;
        Map<String, AutomotiveResult.Plant> plants = new LinkedHashMap<>();
        for (AutomotiveFacts.Plant plant : lvc.plants()) {
            Optional<WageFloor> floor = rules.wageFloor(plant.country());
            BigDecimal average = plant.averageBaseHourlyWage();
            if (average == null && plant.baseWages() != null && plant.directProductionHours() != null && plant.directProductionHours().signum() > 0) {
                average = plant.baseWages().divide(plant.directProductionHours(), 10, RoundingMode.DOWN).stripTrailingZeros();
            }
            if (floor.isEmpty()) {
                findings.missing(plant.field("country"), "a qualifying plant is in the territory of a USMCA country: US, CA or MX (s.12)");
                undetermined = true;
                continue;
            }
            if (!floor.get().currency().equals(plant.currency())) {
                findings.missing(plant.field("currency"), "the wage floor for a plant in " + plant.country() + " is set in " + floor.get().currency()
                        + " (s.12); give the plant's wages in " + floor.get().currency());
                undetermined = true;
                continue;
            }
            if (average == null) {
                findings.missing(plant.field("averageBaseHourlyWage"), "give the average base hourly wage rate of the plant's direct production workers, or its base wages and direct production hours (s.12)");
                undetermined = true;
                continue;
            }
            // Exact: base wages >= floor x hours, when given as wages and hours.
            boolean qualifying = plant.averageBaseHourlyWage() != null
                    ? plant.averageBaseHourlyWage().compareTo(floor.get().amount()) >= 0
                    : plant.baseWages().compareTo(floor.get().amount().multiply(plant.directProductionHours())) >= 0;
            plants.put(plant.id(), new AutomotiveResult.Plant(plant.id(), plant.country(), average, plant.currency(), floor.get().amount(), qualifying));
        }
        List<String> excluded = new ArrayList<>();
        HighWageSum materialSum = highWageSum(lvc.highWageMaterials(), plants, "highWageMaterials", "materials from ", excluded, findings);
        HighWageSum labourSum = highWageSum(lvc.highWageLabourCosts(), plants, "highWageLabourCosts", "labour costs of ", excluded, findings);
        undetermined |= !materialSum.complete() || !labourSum.complete();
        BigDecimal hwm = materialSum.value();
        BigDecimal hwlc = labourSum.value();
        BigDecimal materials = hwm.add(lvc.highWageTransport() == null ? BigDecimal.ZERO : lvc.highWageTransport());
        AutomotiveFacts.LvcBasis basis = lvc.basis() == null ? AutomotiveFacts.LvcBasis.NET_COST : lvc.basis();
        BigDecimal numerator;
        BigDecimal denominator;
        if (basis == AutomotiveFacts.LvcBasis.NET_COST) {
            numerator = materials.add(hwlc);
            denominator = lvc.netCost() != null ? lvc.netCost() : subject.good().netCostBasis().orElse(null);
            if (denominator == null) {
                findings.missing("automotive.laborValueContent.netCost", "the net-cost formula of s.18(6)(a) divides by the vehicle's net cost (or give good.netCost)");
            }
        } else {
            numerator = lvc.includeLabourCostsInPurchaseValue() ? materials.add(hwlc) : materials;
            denominator = lvc.totalAnnualPurchaseValue() == null ? null
                    : lvc.includeLabourCostsInPurchaseValue() ? lvc.totalAnnualPurchaseValue().add(hwlc) : lvc.totalAnnualPurchaseValue();
            if (denominator == null) {
                findings.missing("automotive.laborValueContent.totalAnnualPurchaseValue", "the annual-purchase-value formula of s.18(6)(b) divides by the plant's total annual purchase value (TAPV)");
            }
        }
        AutomotiveRules.Credits credits = rules.credits();
        BigDecimal technology = BigDecimal.ZERO;
        if (lvc.technology() != null && lvc.technology().directProductionWages() != null && lvc.technology().directProductionWages().signum() > 0
                && lvc.technology().researchAndInformationTechnologyWages() != null) {
            technology = lvc.technology().researchAndInformationTechnologyWages().multiply(HUNDRED)
                    .divide(lvc.technology().directProductionWages(), SCALE, RoundingMode.HALF_EVEN).min(credits.technologyMaximum());
        }
        BigDecimal assembly = BigDecimal.ZERO;
        String assemblyText = "no high-wage assembly plant given";
        if (lvc.assemblyPlant() != null) {
            AutomotiveFacts.AssemblyPlant plant = lvc.assemblyPlant();
            AutomotiveRules.Capacity needed = cls == VehicleClass.HEAVY_TRUCK ? credits.heavyTruckParts() : credits.passengerVehicleOrLightTruckParts();
            AutomotiveResult.Plant wages = plants.get(plant.plantId());
            boolean capacity = plant.engineCapacity() >= needed.engines() || plant.transmissionCapacity() >= needed.transmissions()
                    || plant.advancedBatteryPackCapacity() >= needed.advancedBatteryPacks();
            boolean relationship = plant.operatedByProducer() || (plant.contractYears() != null && plant.contractYears() >= credits.minimumContractYears());
            if (wages == null) {
                assemblyText = "the assembly plant " + plant.plantId() + " is not among the plants with wage data, so it cannot be shown to be a qualifying wage-rate plant";
            } else if (!wages.qualifying()) {
                assemblyText = "the assembly plant " + plant.plantId() + " is not a qualifying wage-rate plant";
            } else if (!capacity) {
                assemblyText = "the assembly plant " + plant.plantId() + " has the capacity for fewer than " + needed.engines() + " engines, "
                        + needed.transmissions() + " transmissions and " + needed.advancedBatteryPacks() + " advanced battery packs";
            } else if (!relationship) {
                assemblyText = "the producer neither operates the assembly plant " + plant.plantId() + " nor has a contract of at least "
                        + credits.minimumContractYears() + " years with it";
            } else {
                assembly = credits.assemblyCredit();
                assemblyText = "the assembly plant " + plant.plantId() + " qualifies";
            }
        }
        if (denominator == null || denominator.signum() <= 0 || undetermined) {
            findings.requirement(LVC, Verdict.UNDETERMINED);
            findings.laborValueContent(new AutomotiveResult.LaborValueContent(Outcome.INSUFFICIENT_DATA, basis.name(), required, highWageMinimum,
                    null, technology.stripTrailingZeros(), assembly, null, null, null, materials, hwlc, denominator, List.copyOf(plants.values()), citation));
            findings.add(new Reason(ReasonCode.LABOR_VALUE_CONTENT, Outcome.INSUFFICIENT_DATA,
                    "The labour value content cannot be computed: see missingData.", citation, List.of(), null));
            return;
        }
        BigDecimal points = numerator.multiply(HUNDRED).divide(denominator, SCALE, RoundingMode.HALF_EVEN);
        BigDecimal total = points.add(technology).add(assembly);
        boolean floorMet = numerator.multiply(HUNDRED).compareTo(highWageMinimum.multiply(denominator)) >= 0;
        boolean totalMet = total.compareTo(required) >= 0;
        boolean met = floorMet && totalMet;
        BigDecimal pointsShort = totalMet ? BigDecimal.ZERO : required.subtract(total);
        BigDecimal floorShort = floorMet ? BigDecimal.ZERO : highWageMinimum.subtract(points);
        findings.requirement(LVC, met ? Verdict.MET : Verdict.NOT_MET);
        findings.laborValueContent(new AutomotiveResult.LaborValueContent(met ? Outcome.PASS : Outcome.FAIL, basis.name(), required, highWageMinimum,
                tidy(points), tidy(technology), assembly, tidy(total), tidy(pointsShort), tidy(floorShort), materials, hwlc, denominator,
                List.copyOf(plants.values()), citation));
        List<String> nonQualifying = plants.values().stream().filter(p -> !p.qualifying())
                .map(p -> p.id() + " (" + p.country() + ", " + p.currency() + " " + p.averageBaseHourlyWage().toPlainString() + " < " + p.wageFloor().toPlainString() + ")").toList();
        String message = "Labour value content " + display(total, RoundingMode.DOWN) + "% (" + basis.name() + " basis): high-wage material and labour "
                + display(points, RoundingMode.DOWN) + " points, technology credit " + display(technology, RoundingMode.DOWN)
                + " (at most " + credits.technologyMaximum().toPlainString() + "), assembly credit " + assembly.toPlainString() + " (" + assemblyText + "); required "
                + required.toPlainString() + "% with at least " + highWageMinimum.toPlainString() + " high-wage points"
                + (met ? ": met." : ": not met, " + (totalMet ? "" : display(pointsShort, RoundingMode.UP) + " points short of the total")
                + (!totalMet && !floorMet ? " and " : "") + (floorMet ? "" : display(floorShort, RoundingMode.UP) + " high-wage points short of the minimum") + ".")
                + (nonQualifying.isEmpty() ? "" : " Plants below the wage floor, whose materials and labour do not count: " + String.join(", ", nonQualifying) + ".")
                + (excluded.isEmpty() ? "" : " Excluded: " + String.join(", ", excluded) + ".");
        findings.add(new Reason(ReasonCode.LABOR_VALUE_CONTENT, met ? Outcome.PASS : Outcome.FAIL, message,
                citation + "; SOR/2020-155 s.12 \"qualifying wage-rate production plant\"", List.of(), null));
        // s.18(22): "for the period ending July 1, 2027" (read as including that day), an LVC above 45% whose high-wage
        // points exceed 30 lets the producer use the excess as a credit towards the s.13 RVC, provided the RVC is not
        // below 60%. The credit is the producer's choice and this version does not apply it; where it could lift the RVC,
        // Findings.conclude answers INSUFFICIENT_DATA rather than NOT_ORIGINATING.
        if (cls == VehicleClass.HEAVY_TRUCK && !subject.asOf().isAfter(HEAVY_TRUCK_RVC_CREDIT_UNTIL) && met
                && total.compareTo(required) > 0 && points.compareTo(highWageMinimum) > 0) {
            BigDecimal excess = points.subtract(highWageMinimum);
            findings.heavyTruckRvcCredit(excess);
            findings.add(new Reason(ReasonCode.LABOR_VALUE_CONTENT, Outcome.INFO, "The high-wage points above " + highWageMinimum.toPlainString()
                    + " (" + display(excess, RoundingMode.DOWN) + ") may be used as a credit towards the heavy truck's RVC until 1 July 2027, provided the RVC is not below "
                    + HEAVY_TRUCK_RVC_CREDIT_FLOOR.toPlainString() + "% (s.18(22)); this version does not apply the credit: where it could lift an RVC that "
                    + "falls short, the answer is INSUFFICIENT_DATA.", Citations.LVC_CREDIT, List.of(), null));
        }
    }

    /** {@code complete} is false when an amount names a plant without wage data (the missing field is recorded). */
    private record HighWageSum(BigDecimal value, boolean complete) {
    }

    /** The amounts attributed to qualifying wage-rate plants; those of other plants are named in {@code excluded}. */
    private static HighWageSum highWageSum(List<AutomotiveFacts.PlantAmount> amounts, Map<String, AutomotiveResult.Plant> plants, String list,
                                          String exclusionLabel, List<String> excluded, Findings findings) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean complete = true;
        for (AutomotiveFacts.PlantAmount amount : amounts) {
            AutomotiveResult.Plant plant = plants.get(amount.plantId());
            if (plant == null) {
                findings.missing("automotive.laborValueContent." + list + "[" + amount.index() + "].plantId",
                        "plant '" + amount.plantId() + "' is not among laborValueContent.plants; list it with its wage data");
                complete = false;
            } else if (plant.qualifying()) {
                sum = sum.add(amount.amount());
            } else {
                excluded.add(exclusionLabel + plant.id());
            }
        }
        return new HighWageSum(sum, complete);
    }

    private static BigDecimal tidy(BigDecimal value) {
        return value.setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static String display(BigDecimal value, RoundingMode mode) {
        return value.setScale(2, mode).stripTrailingZeros().toPlainString();
    }


    /** A schedule's net cost threshold on a date, as a compliance officer reads it ("62.5%"), or "no threshold" when none is in force. */
    static String netCostOn(PartSchedule schedule, java.time.LocalDate date) {
        return schedule.netCost() == null ? "no threshold" : schedule.netCost().on(date)
                .map(v -> v.stripTrailingZeros().toPlainString() + "%").orElse("no threshold in force");
    }
}
