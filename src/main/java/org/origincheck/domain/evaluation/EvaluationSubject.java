package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.automotive.CorePartsRollUp;
import org.origincheck.domain.evaluation.PartThresholds;
import org.origincheck.domain.automotive.SteelAndAluminumShare;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.VehicleClassification;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;
import org.origincheck.domain.rules.RulePack;

/** The good under evaluation with everything the tests read: its BOM, the pack in force, the rule found. */
public final class EvaluationSubject {

    private final BillOfMaterials bom;
    private final List<Material> nonOriginatingMaterials;
    private final List<Material> materialsSubjectToTariffShift;
    private final List<Material> materialsPreventingExclusivelyOriginating;
    private final RulePack pack;
    private final RuleLookup lookup;
    private final BigDecimal valueOfNonOriginatingMaterials;
    private final VehicleClassification vehicle;
    private final PartThresholds partThresholds;
    private final ProductRule ruleAsWritten;
    private final Reason ruleSelected;
    private final Evaluation.AppliedRule appliedRule;
    private final List<AutomotiveFacts.CorePart> tracedCoreParts = new ArrayList<>();
    private final List<AutomotiveFacts.CorePart> untraceableCoreParts = new ArrayList<>();
    private final List<AutomotiveFacts.CorePart> corePartsNotOnBom = new ArrayList<>();
    private final BigDecimal tracedCorePartValue;
    private final Findings findings = new Findings();
    private final StepResults steps = new StepResults();

    public EvaluationSubject(BillOfMaterials bom, RulePack pack) {
        this(bom, pack, RuleChoices.forPack(pack).of(bom));
    }

    /**
     * With the rule already chosen for a good of the same classification, end use, declarations and date: the intermediate
     * materials of one level of a BOM are mostly of a few codes, and choosing the rule (the look-ups in the product rules and the
     * automotive tables) was a fifth of evaluating a sub-assembly ({@link RuleChoices}).
     */
    public EvaluationSubject(BillOfMaterials bom, RulePack pack, RuleChoice choice) {
        this.bom = bom;
        this.pack = pack;
        this.vehicle = choice.vehicle();
        this.partThresholds = choice.partThresholds();
        this.ruleAsWritten = choice.ruleAsWritten();
        this.lookup = choice.lookup();
        this.ruleSelected = choice.selected();
        this.appliedRule = choice.applied();
        BigDecimal vnm = BigDecimal.ZERO;
        List<Material> nonOriginating = new ArrayList<>();
        List<Material> subjectToShift = new ArrayList<>();
        List<Material> preventingC = new ArrayList<>();
        for (Material material : bom.materials()) {
            if (material.inValueOfNonOriginatingMaterials()) {
                vnm = vnm.add(material.valueInRegionalValueContent());
            }
            if (material.isNonOriginating()) {
                nonOriginating.add(material);
                if (material.subjectToTariffShift()) {
                    subjectToShift.add(material);
                }
                if (material.preventsExclusivelyOriginating()) {
                    preventingC.add(material);
                }
            }
        }
        this.nonOriginatingMaterials = List.copyOf(nonOriginating);
        this.materialsSubjectToTariffShift = List.copyOf(subjectToShift);
        this.materialsPreventingExclusivelyOriginating = List.copyOf(preventingC);
        this.tracedCorePartValue = traceCoreParts();
        this.valueOfNonOriginatingMaterials = vnm.add(tracedCorePartValue);
    }

    /**
     * Which product rule applies to the good and how, as far as it depends on the good's classification, end use, vehicle facts,
     * declarations, automotive facts and date (and the pack): the vehicle's class, the part thresholds, the rule as written and
     * the rule as applied.
     */
    public record RuleChoice(VehicleClassification vehicle, PartThresholds partThresholds, ProductRule ruleAsWritten, RuleLookup lookup,
                             Reason selected, Evaluation.AppliedRule applied) {

        /**
         * {@code selected}: the reason that says which rule applies (when a rule was found that can be applied, else null), and
         * {@code applied}: the rule as the answer names it (when a rule was found, else null). They read only what the choice
         * is keyed by (the rule, the good's code, the date and the trade), so goods sharing a choice share them: built per
         * sub-assembly, the rule's scope and text were formatted 780 times for issue 15's 5-level BOM.
         */
        public RuleChoice(VehicleClassification vehicle, PartThresholds partThresholds, ProductRule ruleAsWritten, RuleLookup lookup,
                          Good good, LocalDate asOf) {
            this(vehicle, partThresholds, ruleAsWritten, lookup,
                    lookup instanceof RuleLookup.Found f && f.rule().isApplicable() ? Assessments.ruleSelected(f.rule(), good, asOf) : null,
                    lookup instanceof RuleLookup.Found f ? Findings.applied(f.rule()) : null);
        }

        public static RuleChoice of(BillOfMaterials bom, RulePack pack) {
            Good good = bom.good();
            AutomotiveRules automotive = pack.automotive();
            VehicleClassification vehicle = automotive == null ? VehicleClassification.notAVehicle()
                    : VehicleClassification.classify(good.hsCode(), good.endUse(), good.vehicle());
            RuleLookup found = pack.productRules().lookup(good.hsCode(), good.endUse(), vehicle.vehicleClass(), bom.asOf(),
                    good.importingCountry(), good.importedFrom());
            if (found instanceof RuleLookup.NeedsMoreData needs && needs.field().equals("good.vehicle") && vehicle.undetermined()) {
                found = new RuleLookup.NeedsMoreData(vehicle.missingField(), vehicle.missingMessage());
            }
            PartThresholds thresholds = PartThresholds.choose(automotive, good.hsCode(), good.endUse(), vehicle, bom.automotive(), bom.asOf());
            if (thresholds.onlyFromTableF() && found instanceof RuleLookup.Found f
                    && f.rule().alternatives().stream().noneMatch(a -> a.regionalValueContent() != null)) {
                // s.20(3)(c): Table F sets the RVC of "a good in Table F that is subject to an RVC requirement"; a pure tariff shift stays as written.
                thresholds = PartThresholds.none();
            }
            ProductRule ruleAsWritten = found instanceof RuleLookup.Found f ? f.rule() : null;
            if (found instanceof RuleLookup.Found f && f.rule().isApplicable()) {
                // Alternatives for goods described in words apply as the producer declares the good (good.declarations).
                found = f.rule().forDeclarations(good.declarations());
            }
            if (found instanceof RuleLookup.Found f && f.rule().isApplicable() && thresholds.applies()) {
                found = new RuleLookup.Found(thresholds.applyTo(f.rule()));
            } else if (found instanceof RuleLookup.Found && thresholds.missingField() != null) {
                // Like a rule split by end use: the product rule cannot be applied until the thresholds are known.
                found = new RuleLookup.NeedsMoreData(thresholds.missingField(), thresholds.missingMessage(),
                        "good.endUse".equals(thresholds.missingField()) ? thresholds.endUseLegalText() : null);
            }
            return new RuleChoice(vehicle, thresholds, ruleAsWritten, found, good, bom.asOf());
        }
    }

    /**
     * The rule chosen once per distinct good and pack, for every evaluation under the pack: the choice is a function of what
     * {@link RuleChoice#of} reads, so goods equal in all of it share one, whether they are the intermediate materials of one level
     * of a BOM or the goods of successive requests. Choosing the rule (the look-ups in the product rules and the automotive tables,
     * the rule's scope formatted for the reason) was a fifth of evaluating a 50-material BOM, paid twice per single request (the
     * evaluation, then the headroom or path to qualify), and a fifth of evaluating a sub-assembly (docs/benchmarks.md, issue 19).
     * Goods with automotive facts or vehicle facts are chosen for one by one (those facts are large and such goods are few).
     * Thread-safe. Bounded: the last {@value #PACKS_REMEMBERED} packs evaluated under (by identity: a scenario's pack is another
     * pack), at most {@value #CHOICES_PER_PACK} choices each; beyond that a choice is made and not kept.
     */
    public static final class RuleChoices {

        private static final int PACKS_REMEMBERED = 8;
        private static final int CHOICES_PER_PACK = 4096;
        /** Most recently used first; replaced, never changed, so it is read without the lock. */
        private static volatile List<RuleChoices> recent = List.of();

        private record Key(org.origincheck.domain.hs.HsCode hsCode, org.origincheck.domain.automotive.EndUse endUse,
                           java.util.Map<String, Boolean> declarations, LocalDate asOf,
                           String importingCountry, String importedFrom) {
        }

        private final RulePack pack;
        private final java.util.Map<Key, RuleChoice> chosen = new java.util.concurrent.ConcurrentHashMap<>();

        private RuleChoices(RulePack pack) {
            this.pack = pack;
        }

        /** The choices made under {@code pack} (this very object: two packs equal in content are chosen for apart). */
        public static RuleChoices forPack(RulePack pack) {
            for (RuleChoices c : recent) {
                if (c.pack == pack) {
                    return c;
                }
            }
            synchronized (RuleChoices.class) {
                List<RuleChoices> now = recent;
                for (RuleChoices c : now) {
                    if (c.pack == pack) {
                        return c;
                    }
                }
                RuleChoices made = new RuleChoices(pack);
                List<RuleChoices> next = new ArrayList<>(PACKS_REMEMBERED);
                next.add(made);
                next.addAll(now.subList(0, Math.min(now.size(), PACKS_REMEMBERED - 1)));
                recent = List.copyOf(next);
                return made;
            }
        }

        public RuleChoice of(BillOfMaterials bom) {
            Good good = bom.good();
            if (bom.automotive() != null || good.vehicle() != null) {
                return RuleChoice.of(bom, pack);
            }
            Key key = new Key(good.hsCode(), good.endUse(), good.declarations(), bom.asOf(), good.importingCountry(), good.importedFrom());
            RuleChoice known = chosen.get(key);
            if (known != null) {
                return known;
            }
            RuleChoice made = RuleChoice.of(bom, pack);
            if (chosen.size() < CHOICES_PER_PACK) {
                RuleChoice first = chosen.putIfAbsent(key, made);
                return first == null ? made : first;
            }
            return made;
        }
    }

    /**
     * Under the TRACE option, the VNM of each originating core part on the vehicle's bill of materials is
     * added to the vehicle's VNM instead of being rolled up (see {@link CorePartsRollUp}).
     */
    private BigDecimal traceCoreParts() {
        BigDecimal traced = BigDecimal.ZERO;
        AutomotiveFacts facts = bom.automotive();
        if (vehicle.vehicleClass() == null || !vehicle.vehicleClass().isPassengerVehicleOrLightTruck() || facts == null
                || facts.coreParts() == null || corePartsRollUp() != CorePartsRollUp.TRACE) {
            return traced;
        }
        for (AutomotiveFacts.CorePart part : facts.coreParts().parts()) {
            boolean onBom = part.partNumber() != null && bom.materials().stream().anyMatch(m -> part.partNumber().equals(m.partNumber()));
            boolean onBomAsOriginating = onBom && bom.materials().stream().anyMatch(m -> part.partNumber().equals(m.partNumber())
                    && m.kind().countedInRegionalValueContent() && !m.isNonOriginating());
            if (!onBom) {
                corePartsNotOnBom.add(part);
            }
            if (!onBomAsOriginating) {
                continue;
            }
            if (part.valueOfNonOriginatingMaterials() == null) {
                untraceableCoreParts.add(part);
            } else {
                tracedCoreParts.add(part);
                traced = traced.add(part.valueOfNonOriginatingMaterials());
            }
        }
        return traced;
    }

    public VehicleClassification vehicle() {
        return vehicle;
    }

    public PartThresholds partThresholds() {
        return partThresholds;
    }

    /** The rule as the pack has it, before automotive thresholds replaced its own. */
    public Optional<ProductRule> ruleAsWritten() {
        return Optional.ofNullable(ruleAsWritten);
    }

    public AutomotiveRules automotiveRules() {
        return pack.automotive();
    }

    public AutomotiveFacts automotiveFacts() {
        return bom.automotive();
    }

    public boolean vehicleRequirementsApply() {
        return vehicle.vehicleClass() != null && vehicle.vehicleClass().isPassengerVehicleOrTruck();
    }

    /** Whether an automotive test of the classification or thresholds still needs a fact. */
    public boolean automotiveUndetermined() {
        return vehicle.undetermined() || partThresholds.missingField() != null;
    }

    public CorePartsRollUp corePartsRollUp() {
        AutomotiveFacts facts = bom.automotive();
        return facts != null && facts.corePartsRollUp() != null ? facts.corePartsRollUp() : pack.automotive().corePartsRollUp();
    }

    public SteelAndAluminumShare steelAndAluminumShare() {
        AutomotiveFacts facts = bom.automotive();
        return facts != null && facts.steelAndAluminumShare() != null ? facts.steelAndAluminumShare() : pack.automotive().steelAndAluminumShare();
    }

    public boolean stagingRegime() {
        return pack.automotive() != null && vehicle.vehicleClass() != null && vehicle.vehicleClass().isPassengerVehicleOrLightTruck()
                && PartThresholds.stagingRegimeApplies(pack.automotive(), bom.automotive(), asOf());
    }

    public List<AutomotiveFacts.CorePart> tracedCoreParts() {
        return tracedCoreParts;
    }

    /** Core parts with no line on the vehicle's BOM: made by the vehicle producer, their materials are on the BOM already. */
    public List<AutomotiveFacts.CorePart> corePartsNotOnBom() {
        return corePartsNotOnBom;
    }

    public List<AutomotiveFacts.CorePart> untraceableCoreParts() {
        return untraceableCoreParts;
    }

    public BigDecimal tracedCorePartValue() {
        return tracedCorePartValue;
    }

    /**
     * What the tests found about this good. The rules record into the subject's own findings, so one rules session can
     * evaluate several goods (the intermediate materials of one level of a BOM) without mixing their reasons.
     */
    public Findings findings() {
        return findings;
    }

    /** What each step of the rules records for the later steps of this good (written and read by the DRL's rules, never by their conditions). */
    public StepResults steps() {
        return steps;
    }

    public BillOfMaterials bom() {
        return bom;
    }

    public Good good() {
        return bom.good();
    }

    /**
     * The materials that count as non-originating, in BOM order: the only ones any test of the law looks at one by
     * one (originating materials matter only through totals). The rules read them, or the subsets below, with {@code from},
     * so a BOM of 10,000 mostly originating lines is not inserted into the rules engine line by line.
     */
    public List<Material> nonOriginatingMaterials() {
        return nonOriginatingMaterials;
    }

    /**
     * The non-originating materials the change in tariff classification is tested on, in BOM order (packaging, accessories and
     * packing for shipment are not: s.8(14), (17), (24)); criterion A reads them too. Gathered once here rather than by an
     * accumulate per rule: in one session of many goods (a level of a BOM) each accumulate was a sub-network per good.
     */
    public List<Material> materialsSubjectToTariffShift() {
        return materialsSubjectToTariffShift;
    }

    /** The non-originating materials that keep the good from being produced exclusively from originating ones (criterion C). */
    public List<Material> materialsPreventingExclusivelyOriginating() {
        return materialsPreventingExclusivelyOriginating;
    }

    public List<Material> materials() {
        return bom.materials();
    }

    public LocalDate asOf() {
        return bom.asOf();
    }

    public RulePack pack() {
        return pack;
    }

    public RuleLookup lookup() {
        return lookup;
    }

    public Optional<ProductRule> rule() {
        return lookup instanceof RuleLookup.Found found ? Optional.of(found.rule()) : Optional.empty();
    }

    /** The reason saying which rule applies and why, when one was found that can be applied ({@link RuleChoice#selected}). */
    Reason ruleSelected() {
        return ruleSelected;
    }

    /** The rule found, as the answer names it; null when none was found ({@link RuleChoice#applied}). */
    Evaluation.AppliedRule appliedRule() {
        return appliedRule;
    }

    /** A rule was found and can be applied (it is not awaiting manual review). */
    public boolean hasProductRule() {
        return lookup instanceof RuleLookup.Found found && found.rule().isApplicable();
    }

    /** VNM under SOR/2020-155 s.7 and s.8: non-originating and unknown materials, by kind. */
    public BigDecimal valueOfNonOriginatingMaterials() {
        return valueOfNonOriginatingMaterials;
    }

    public BigDecimal deMinimisShare() {
        return pack.parameters().value(Parameters.DE_MINIMIS_SHARE, asOf());
    }

    public boolean isApparelOrMadeUpTextile() {
        int chapter = good().hsCode().chapterNumber();
        return chapter >= 61 && chapter <= 63;
    }
}
