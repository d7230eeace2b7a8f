package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.rules.DeMinimisExclusion;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.RvcMethod;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ShiftOutcome;

/**
 * The path to qualify of a good that does not originate, and the headroom of one that originates under a regional value
 * content, computed from the bill of materials the engine read (intermediate materials already decided) and the engine's
 * answer. The same legal tests as {@link Assessments}, read backwards: which materials' origin would have to change for
 * an alternative of the rule to be met.
 *
 * <ul>
 *   <li>Tariff shift (SOR/2020-155 s.3(2)): every non-originating material that fails the alternative's change must change,
 *   except that those left unchanged may be worth up to the s.5(1) de minimis share of the transaction value or total cost
 *   (USMCA Art. 4.12); materials the s.5(3) exclusions take out of the de minimis must change whatever their value.</li>
 *   <li>Regional value content (Art. 4.5; s.7(2)-(3)): RVC = (V - VNM) / V x 100 >= threshold, so the value that must leave
 *   VNM is exactly VNM - V x (100 - threshold) / 100, by each method the rule offers and the good has a basis for; or, where
 *   it asks for less, the s.5(4) de minimis (all non-originating materials within the share).</li>
 * </ul>
 * Which materials make up that value at least cost is a subset-sum problem, solved by {@link CheapestCover}.
 */
public final class QualifyingPaths {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private QualifyingPaths() {
    }

    /** Null unless the good does not originate. {@code bom}: the materials as the engine read them, origins decided. */
    public static PathToQualify pathToQualify(BillOfMaterials bom, RulePack pack, Evaluation evaluation) {
        if (evaluation.status() != DeterminationStatus.NOT_ORIGINATING) {
            return null;
        }
        EvaluationSubject subject = new EvaluationSubject(bom, pack);
        if (subject.vehicle().motorVehicle()) {
            return new PathToQualify(List.of(), List.of("Not available for a motor vehicle: its origin also depends on the core parts, "
                    + "steel and aluminum and labor value content requirements (SOR/2020-155 s.13-s.18), which the path to qualify does not model."));
        }
        boolean criterionMetButRequirementFailed = evaluation.reasons().stream().anyMatch(r -> r.outcome() == Outcome.PASS
                && (r.code() == ReasonCode.PRODUCT_RULE_MET || r.code() == ReasonCode.WHOLLY_OBTAINED
                || r.code() == ReasonCode.EXCLUSIVELY_ORIGINATING_MATERIALS || r.code() == ReasonCode.PARTS_RULE_4_2_D));
        if (criterionMetButRequirementFailed) {
            return new PathToQualify(List.of(), List.of("Not available: the good meets an origin criterion but fails a further requirement "
                    + "(see the reasons), which changing the origin of materials is not modelled to fix."));
        }
        if (!subject.hasProductRule()) {
            return new PathToQualify(List.of(), List.of("Not available: no product-specific rule could be applied to the good."));
        }
        List<PathToQualify.Option> options = new ArrayList<>();
        List<String> notSearched = new ArrayList<>();
        ProductRule rule = subject.rule().orElseThrow();
        for (AlternativeUnderTest alternative : AlternativeUnderTest.of(rule, bom.good().hsCode(), subject.nonOriginatingMaterials())) {
            if (!alternative.alternative().provisos().isEmpty()) {
                // A change of sourcing that meets the shift and RVC may still leave the proviso unmet, so none is offered.
                notSearched.add("Alternative " + alternative.label() + ": its proviso (\"" + String.join("\"; \"",
                        alternative.alternative().provisos().stream().map(org.origincheck.domain.rules.Proviso::words).toList())
                        + "\") is not searched.");
                continue;
            }
            options.addAll(forAlternative(subject, alternative, notSearched));
        }
        if (evaluation.regionalValueContent().stream().anyMatch(e -> e.requirement().startsWith("PARTS_RULE"))) {
            notSearched.add("Art. 4.2(d) (SOR/2020-155 s.3(4)-(5)) was tested for this good; the changes that would meet it are not searched.");
        }
        options.sort(Comparator.comparing(PathToQualify.Option::valueToResource)
                .thenComparing(PathToQualify.Option::alternative)
                .thenComparing(o -> o.method() == null ? -1 : o.method().ordinal()));
        return new PathToQualify(options, notSearched);
    }

    private static List<PathToQualify.Option> forAlternative(EvaluationSubject subject, AlternativeUnderTest alternative, List<String> notSearched) {
        Good good = subject.good();
        String label = alternative.label();
        List<Material> excusable = new ArrayList<>();
        List<Material> mustChange = new ArrayList<>();
        boolean bound = false;
        List<String> caveats = new ArrayList<>();
        BigDecimal shiftAllowance = deMinimisAllowance(subject);
        if (alternative.requiresTariffShift()) {
            List<Material> failing = new ArrayList<>();
            List<Material> undetermined = new ArrayList<>();
            for (Material m : subject.nonOriginatingMaterials()) {
                if (!m.subjectToTariffShift()) {
                    continue;
                }
                ShiftOutcome outcome = alternative.shiftOf(m);
                if (outcome.fails()) {
                    failing.add(m);
                } else if (outcome == ShiftOutcome.UNDETERMINED) {
                    undetermined.add(m);
                }
            }
            if (!undetermined.isEmpty()) {
                // Counted as failing, as the engine's pessimistic reading does: enough, but their classification may show less is needed.
                bound = true;
                caveats.add(undetermined.size() + " material(s) lack a classification precise enough for the shift and are counted as failing it");
                failing.addAll(undetermined);
            }
            boolean byWeight = subject.pack().deMinimisExclusions().stream().anyMatch(x -> x.weightBased() && x.coversGood(good.hsCode()));
            if (byWeight) {
                bound = true;
                caveats.add("the de minimis by weight (SOR/2020-155 s.5(6)-(10)) is not searched, so every failing material is listed");
                mustChange.addAll(failing);
            } else if (shiftAllowance == null) {
                mustChange.addAll(failing);
            } else {
                for (Material m : failing) {
                    if (excludedFromDeMinimis(subject, m)) {
                        mustChange.add(m);
                    } else {
                        excusable.add(m);
                    }
                }
            }
        }
        BigDecimal shiftTarget = excusable.isEmpty() ? BigDecimal.ZERO
                : Assessments.sum(excusable).subtract(shiftAllowance == null ? BigDecimal.ZERO : shiftAllowance);
        List<Material> others = new ArrayList<>();
        Set<Integer> inShift = new java.util.HashSet<>();
        excusable.forEach(m -> inShift.add(m.index()));
        mustChange.forEach(m -> inShift.add(m.index()));
        for (Material m : subject.nonOriginatingMaterials()) {
            if (m.inValueOfNonOriginatingMaterials() && !inShift.contains(m.index())) {
                others.add(m);
            }
        }
        BigDecimal vnm = subject.valueOfNonOriginatingMaterials();
        BigDecimal forcedCover = mustChange.stream().map(QualifyingPaths::cover).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PathToQualify.Option> out = new ArrayList<>();
        if (!alternative.requiresRegionalValueContent()) {
            out.add(option(subject, alternative, null, mustChange, excusable, shiftTarget, others, BigDecimal.ZERO, bound, caveats,
                    shiftExplanation(alternative, mustChange.size() + excusable.size(), shiftAllowance)));
            return out;
        }
        RvcRequirement rvc = alternative.regionalValueContent();
        BigDecimal bestAllowance = null;
        for (RvcMethod method : RvcMethod.values()) {
            Optional<BigDecimal> threshold = rvc.threshold(method, subject.asOf());
            Optional<BigDecimal> basis = basis(good, method);
            if (!rvc.offers(method) || threshold.isEmpty() || basis.isEmpty() || basis.get().signum() <= 0) {
                continue;
            }
            BigDecimal allowance = basis.get().multiply(HUNDRED.subtract(threshold.get())).divide(HUNDRED);
            bestAllowance = bestAllowance == null ? allowance : bestAllowance.max(allowance);
            BigDecimal rvcTarget = vnm.subtract(allowance).subtract(forcedCover);
            out.add(option(subject, alternative, PathToQualify.Method.of(method), mustChange, excusable, shiftTarget, others, rvcTarget, bound, caveats,
                    "regional value content of at least " + threshold.get().stripTrailingZeros().toPlainString() + "% by the "
                            + (method == RvcMethod.TRANSACTION_VALUE ? "transaction value" : "net cost") + " method: at most "
                            + allowance.stripTrailingZeros().toPlainString() + " of non-originating value may remain"
                            + (alternative.requiresTariffShift() ? "; and " + shiftExplanation(alternative, mustChange.size() + excusable.size(), shiftAllowance) : "")));
        }
        if (bestAllowance == null) {
            notSearched.add("Alternative " + label + ": its regional value content cannot be computed without a transaction value or net cost.");
            return out;
        }
        if (shiftAllowance != null && shiftAllowance.compareTo(bestAllowance) > 0) {
            BigDecimal rvcTarget = vnm.subtract(shiftAllowance).subtract(forcedCover);
            out.add(option(subject, alternative, PathToQualify.Method.RVC_DE_MINIMIS, mustChange, excusable, shiftTarget, others, rvcTarget, bound, caveats,
                    "all non-originating materials worth at most " + shiftAllowance.stripTrailingZeros().toPlainString()
                            + " (the s.5(4) de minimis share), so the regional value content need not be met"
                            + (alternative.requiresTariffShift() ? "; and " + shiftExplanation(alternative, mustChange.size() + excusable.size(), shiftAllowance) : "")));
        }
        return out;
    }

    private static PathToQualify.Option option(EvaluationSubject subject, AlternativeUnderTest alternative, PathToQualify.Method method,
                                               List<Material> mustChange, List<Material> excusable, BigDecimal shiftTarget,
                                               List<Material> others, BigDecimal rvcTarget, boolean bound, List<String> caveats,
                                               String explanation) {
        List<CheapestCover.Item> shiftItems = excusable.stream().map(QualifyingPaths::item).toList();
        List<CheapestCover.Item> otherItems = rvcTarget.signum() > 0 ? others.stream().map(QualifyingPaths::item).toList() : List.of();
        CheapestCover.Choice choice = CheapestCover.solve(shiftItems, shiftTarget, otherItems, rvcTarget);
        Set<Integer> chosen = Set.copyOf(choice.positions());
        List<Material> resourced = new ArrayList<>(mustChange);
        for (Material m : subject.nonOriginatingMaterials()) {
            if (chosen.contains(m.index())) {
                resourced.add(m);
            }
        }
        resourced = Assessments.inBomOrder(resourced);
        BigDecimal forcedValue = Assessments.sum(mustChange);
        BigDecimal value = forcedValue.add(choice.cost());
        boolean isBound = bound || !choice.exact();
        BigDecimal searchedBound = forcedValue.add(choice.lowerBound()).min(value);
        BigDecimal lowerBound = bound ? null : searchedBound;
        BigDecimal vnmAfter = subject.valueOfNonOriginatingMaterials()
                .subtract(resourced.stream().map(QualifyingPaths::cover).reduce(BigDecimal.ZERO, BigDecimal::add));
        String text = "Alternative " + alternative.label() + ": " + explanation + "."
                + (caveats.isEmpty() ? "" : " Bound: " + String.join("; ", caveats) + ".")
                + (!choice.exact() ? " Bound: the search for the cheapest set was not exhaustive at this size; no set is worth less than "
                + searchedBound.stripTrailingZeros().toPlainString() + (bound ? " with the materials as listed" : "") + "." : "");
        String citation = "SOR/2020-155 s.3(6); " + alternative.citation()
                + (alternative.requiresTariffShift() ? "; " + Citations.DE_MINIMIS_WITH_EXCLUSIONS : "")
                + (method == PathToQualify.Method.RVC_DE_MINIMIS ? "; " + Citations.RVC_DE_MINIMIS
                : method != null ? "; USMCA Art. 4.5; " + (method == PathToQualify.Method.TRANSACTION_VALUE ? RvcMethod.TRANSACTION_VALUE : RvcMethod.NET_COST).citation() : "");
        return new PathToQualify.Option(alternative.label(), method,
                resourced.stream().map(m -> new PathToQualify.Resourced(m.index(), m.partNumber(), m.value())).toList(),
                value, resulting(subject, alternative, vnmAfter), isBound, isBound ? lowerBound : null, text, citation);
    }

    private static List<PathToQualify.ResultingRvc> resulting(EvaluationSubject subject, AlternativeUnderTest alternative, BigDecimal vnmAfter) {
        List<PathToQualify.ResultingRvc> out = new ArrayList<>();
        for (RvcMethod method : RvcMethod.values()) {
            Optional<BigDecimal> basis = basis(subject.good(), method);
            if (basis.isEmpty() || basis.get().signum() <= 0) {
                continue;
            }
            BigDecimal threshold = alternative.requiresRegionalValueContent() && alternative.regionalValueContent().offers(method)
                    ? alternative.regionalValueContent().threshold(method, subject.asOf()).orElse(null) : null;
            out.add(new PathToQualify.ResultingRvc(method, RegionalValueContent.percentage(basis.get(), vnmAfter), threshold,
                    threshold == null ? null : RegionalValueContent.meets(basis.get(), vnmAfter, threshold)));
        }
        return out;
    }

    private static String shiftExplanation(AlternativeUnderTest alternative, int failing, BigDecimal allowance) {
        return "the change in tariff classification (" + alternative.tariffShift().describe() + "), which " + failing
                + " non-originating material(s) fail" + (allowance == null || failing == 0 ? ""
                : "; those left unchanged may be worth at most " + allowance.stripTrailingZeros().toPlainString() + " (s.5(1) de minimis)");
    }

    /** The s.5(1) de minimis allowance: the share of the larger basis given (net cost stands for total cost only when that is absent). */
    static BigDecimal deMinimisAllowance(EvaluationSubject subject) {
        Good good = subject.good();
        BigDecimal share = subject.deMinimisShare();
        BigDecimal best = null;
        List<Optional<BigDecimal>> bases = new ArrayList<>(List.of(good.transactionValueBasis(), good.totalCost()));
        if (good.totalCost().isEmpty()) {
            bases.add(good.netCostBasis().filter(nc -> nc.signum() > 0));
        }
        for (Optional<BigDecimal> basis : bases) {
            if (basis.isPresent()) {
                BigDecimal allowance = basis.get().multiply(share).divide(HUNDRED);
                best = best == null ? allowance : best.max(allowance);
            }
        }
        return best;
    }

    private static boolean excludedFromDeMinimis(EvaluationSubject subject, Material m) {
        for (DeMinimisExclusion exclusion : subject.pack().deMinimisExclusions()) {
            if (!exclusion.weightBased() && exclusion.covers(subject.good().hsCode(), m.hsCode())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<BigDecimal> basis(Good good, RvcMethod method) {
        return method == RvcMethod.TRANSACTION_VALUE ? good.transactionValueBasis() : good.netCostBasis();
    }

    /**
     * What changing the material's origin removes from VNM: its value there (only the accumulated part, Art. 4.11). Nothing for a
     * self-produced material not designated an intermediate material: its share is the non-originating materials used to make it
     * whatever its own origin (SOR/2020-155 s.7(5)(a)).
     */
    private static BigDecimal cover(Material m) {
        boolean shareFixedByDesignation = m.intermediate() != null && m.intermediate().valueInVnm() != null
                && Boolean.FALSE.equals(m.intermediate().designated());
        return m.inValueOfNonOriginatingMaterials() && !shareFixedByDesignation ? m.valueInRegionalValueContent() : BigDecimal.ZERO;
    }

    private static CheapestCover.Item item(Material m) {
        return new CheapestCover.Item(m.index(), m.value(), cover(m));
    }

    /**
     * Null unless the good originates under criterion B by alternatives that all require an RVC, or under criterion D: the
     * largest non-originating value that could be added before every RVC by which it is met fails (with the s.5(4) de minimis).
     */
    public static Headroom headroom(BillOfMaterials bom, RulePack pack, Evaluation evaluation) {
        if (evaluation.status() != DeterminationStatus.ORIGINATING
                || (evaluation.originCriterion() != OriginCriterion.B && evaluation.originCriterion() != OriginCriterion.D)) {
            return null;
        }
        EvaluationSubject subject = new EvaluationSubject(bom, pack);
        if (subject.vehicle().motorVehicle()) {
            return new Headroom(null, null, null, null, null, "Not available for a motor vehicle: its origin also depends on the core parts, "
                    + "steel and aluminum and labor value content requirements, which the headroom does not model.", Citations.VEHICLE_REQUIREMENTS);
        }
        Set<String> metAlternatives;
        if (evaluation.originCriterion() == OriginCriterion.B) {
            metAlternatives = evaluation.reasons().stream().filter(r -> r.code() == ReasonCode.PRODUCT_RULE_ALTERNATIVE && r.outcome() == Outcome.PASS)
                    .map(Reason::alternative).collect(Collectors.toSet());
            ProductRule rule = subject.rule().orElse(null);
            if (rule == null || metAlternatives.isEmpty() || rule.alternatives().stream()
                    .anyMatch(a -> metAlternatives.contains(a.label()) && a.regionalValueContent() == null)) {
                return null; // met by an alternative without an RVC: non-originating value alone cannot make it fail
            }
        } else {
            metAlternatives = null;
        }
        Headroom best = null;
        for (RvcEntry entry : evaluation.regionalValueContent()) {
            boolean counts = metAlternatives == null ? entry.requirement().startsWith("PARTS_RULE")
                    : "PRODUCT_RULE".equals(entry.requirement()) && metAlternatives.contains(entry.alternative());
            if (!counts || !entry.met()) {
                continue;
            }
            BigDecimal room = entry.basis().multiply(HUNDRED.subtract(entry.threshold())).divide(HUNDRED).subtract(entry.valueOfNonOriginatingMaterials());
            if (best == null || room.compareTo(best.value()) > 0) {
                best = new Headroom(entry.requirement(), entry.alternative(), PathToQualify.Method.of(entry.method()), room.stripTrailingZeros(),
                        entry.threshold(), "Non-originating materials worth up to " + room.stripTrailingZeros().toPlainString()
                        + " more (meeting any tariff shift required) keep the regional value content at or above "
                        + entry.threshold().stripTrailingZeros().toPlainString() + "% by the "
                        + (entry.method() == RvcMethod.TRANSACTION_VALUE ? "transaction value" : "net cost") + " method.", entry.citation());
            }
        }
        // s.5(4) applies to every RVC requirement here, met by a method or not: where its share leaves more room, it decides.
        BigDecimal allowance = deMinimisAllowance(subject);
        if (allowance != null && allowance.compareTo(subject.valueOfNonOriginatingMaterials()) >= 0) {
            BigDecimal room = allowance.subtract(subject.valueOfNonOriginatingMaterials());
            if (best == null || room.compareTo(best.value()) > 0) {
                best = new Headroom(metAlternatives == null ? "PARTS_RULE_4_2_D" : "PRODUCT_RULE", null, PathToQualify.Method.RVC_DE_MINIMIS,
                        room.stripTrailingZeros(), null, "Non-originating materials worth up to " + room.stripTrailingZeros().toPlainString()
                        + " more keep all of them within the de minimis share, so the regional value content need not be met.", Citations.RVC_DE_MINIMIS);
            }
        }
        return best;
    }
}
