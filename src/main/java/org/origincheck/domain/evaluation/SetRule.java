package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.RulePack;

/**
 * A good classified as a set by Rule 3 of the General Rules of Interpretation (USMCA Art. 4.17; SOR/2020-155 s.6). Its
 * materials are the goods in the set, whose origins have already been decided (stated, from evidence, or from their own
 * components). The set's own product-specific rule is not applied: s.6(2) makes the origin of each good in the set the test,
 * and s.6(3) lets the set originate anyway when the non-originating goods are worth at most 10% of the value of the set.
 *
 * <p>Readings made here, documented in rules/usmca/README.md:
 * <ul>
 * <li>s.6(3) is read as an exception to s.6(2) ("Despite subsection (2)"), as its Examples 1, 3 and 5 apply it: a set with
 * non-originating goods originates when they are worth at most the share.</li>
 * <li>s.6(4) values the set "in the same manner as ... the value of the good determined in accordance with section 7", and
 * s.7(1) leaves the method to the producer: the share is computed on each basis given (transaction value, net cost) and
 * either suffices; a basis not given is not computed, as for the regional value content.</li>
 * <li>A good in the set of undetermined origin counts as non-originating only for a "yes": when the set passes with it
 * counted, the answer stands; when it would fail only because of it, the answer is INSUFFICIENT_DATA naming it.</li>
 * <li>Schedule 1 may "set out otherwise" (s.6(2)); no product-specific rule in the bundled pack does, and the engine applies
 * s.6 to every good submitted as a set. A set originating under s.6 carries no criterion of Art. 4.2(a)-(d): the certifier
 * states it, so every set is reviewed.</li>
 * </ul>
 */
public final class SetRule {


    private SetRule() {
    }

    /** {@code goods}: the goods in the set with their origins decided; {@code before}: reasons about how those origins were decided. */
    public static Evaluation evaluate(BillOfMaterials bom, List<Material> goods, RulePack pack, List<Reason> before) {
        Good set = bom.good();
        List<Reason> reasons = new ArrayList<>(before);
        List<MissingData> missing = new ArrayList<>();
        reasons.add(new Reason(ReasonCode.SET_RULE, Outcome.INFO, "The good is submitted as a set classified by Rule 3 of the General Rules "
                + "for the Interpretation of the Harmonized System: the set originates only if each good in it originates, or if the "
                + "non-originating goods are worth at most the share of s.6(3). Its product-specific rule is not applied to the set.",
                Citations.SETS_EACH_GOOD, List.of(), null));
        List<Material> inSet = goods.stream().filter(m -> !m.kind().consideredOriginating()).toList();
        if (inSet.isEmpty()) {
            missing.add(new MissingData("materials", "the goods in the set, each with its origin (SOR/2020-155 s.6(2))"));
            return finish(bom, pack, DeterminationStatus.INSUFFICIENT_DATA, reasons, missing,
                    "The goods in the set are not listed: give each with its origin.");
        }
        List<Material> nonOriginating = inSet.stream().filter(m -> m.origin() == OriginStatus.NON_ORIGINATING).toList();
        List<Material> undetermined = inSet.stream().filter(m -> m.origin() == OriginStatus.UNKNOWN).toList();
        if (nonOriginating.isEmpty() && undetermined.isEmpty()) {
            reasons.add(new Reason(ReasonCode.SET_RULE, Outcome.PASS, "Each good in the set is originating.", Citations.SETS_ALL_ORIGINATING,
                    List.of(), null));
            return finish(bom, pack, DeterminationStatus.ORIGINATING, reasons, missing, "The set is originating: each good in it originates (s.6(2)).");
        }
        BigDecimal maxShare = pack.parameters().value(Parameters.SET_MAX_NON_ORIGINATING, bom.asOf());
        BigDecimal known = sum(nonOriginating);
        BigDecimal withUndetermined = known.add(sum(undetermined));
        List<String> named = new ArrayList<>();
        nonOriginating.forEach(m -> named.add(m.label()));
        undetermined.forEach(m -> named.add(m.label()));
        List<Basis> bases = new ArrayList<>();
        set.transactionValueBasis().filter(v -> v.signum() > 0).ifPresent(v -> bases.add(new Basis("transaction value", v)));
        netCost(set).ifPresent(v -> bases.add(new Basis("net cost", v)));
        if (bases.isEmpty()) {
            missing.add(new MissingData("good.transactionValue", "the value of the set (good.transactionValue or good.netCost), against which "
                    + "the non-originating goods are compared (SOR/2020-155 s.6(3)-(4))"));
            reasons.add(new Reason(ReasonCode.SET_RULE, Outcome.INSUFFICIENT_DATA, "Not every good in the set originates, and the value of the set "
                    + "is not given: the share of s.6(3) cannot be computed.", Citations.SETS_SHARE, named, null));
            return finish(bom, pack, DeterminationStatus.INSUFFICIENT_DATA, reasons, missing,
                    "Give the value of the set to decide whether the non-originating goods are within the share of s.6(3).");
        }
        for (Basis b : bases) {
            if (RegionalValueContent.atMostShareOf(withUndetermined, maxShare, b.value())) {
                reasons.add(new Reason(ReasonCode.SET_RULE, Outcome.PASS, "The goods in the set that are not shown to originate are worth "
                        + withUndetermined.toPlainString() + ", " + share(withUndetermined, b.value(), RoundingMode.DOWN) + "% of the set's "
                        + b.name() + " " + b.value().toPlainString() + ": not more than " + maxShare.stripTrailingZeros().toPlainString()
                        + "%, so the set originates despite them.", Citations.SETS_SHARE, named, null));
                return finish(bom, pack, DeterminationStatus.ORIGINATING, reasons, missing, "The set is originating: its non-originating goods are "
                        + "within the share of s.6(3).");
            }
        }
        boolean knownFails = bases.stream().noneMatch(b -> RegionalValueContent.atMostShareOf(known, maxShare, b.value()));
        if (knownFails) {
            for (Basis b : bases) {
                reasons.add(new Reason(ReasonCode.SET_RULE, Outcome.FAIL, "The non-originating goods in the set are worth " + known.toPlainString()
                        + ", " + share(known, b.value(), RoundingMode.UP) + "% of the set's " + b.name() + " " + b.value().toPlainString()
                        + ": more than " + maxShare.stripTrailingZeros().toPlainString() + "%.", Citations.SETS_SHARE,
                        nonOriginating.stream().map(Material::label).toList(), null));
            }
            if (bases.size() == 1) {
                reasons.add(new Reason(ReasonCode.SET_RULE, Outcome.NOT_APPLICABLE, "The share was computed on the " + bases.get(0).name()
                        + " only: the submission gives no " + (bases.get(0).name().equals("net cost") ? "transaction value" : "net cost") + ".",
                        Citations.SETS_VALUE, List.of(), null));
            }
            return finish(bom, pack, DeterminationStatus.NOT_ORIGINATING, reasons, missing, "The set is not originating: not every good in it "
                    + "originates, and the non-originating goods exceed the share of s.6(3).");
        }
        for (Material m : undetermined) {
            missing.add(new MissingData(m.field("origin"), "the origin of " + m.label() + ", a good in the set: with it counted as non-originating "
                    + "the set exceeds the share of s.6(3), without it the set is within it"));
        }
        reasons.add(new Reason(ReasonCode.SET_RULE, Outcome.INSUFFICIENT_DATA, "The set is within the share of s.6(3) only if "
                + undetermined.stream().map(Material::label).reduce((a, b) -> a + ", " + b).orElse("") + " originate: give their origin.",
                Citations.SETS_SHARE, undetermined.stream().map(Material::label).toList(), null));
        return finish(bom, pack, DeterminationStatus.INSUFFICIENT_DATA, reasons, missing,
                "Whether the set originates depends on goods in it whose origin is undetermined.");
    }

    private record Basis(String name, BigDecimal value) {
    }

    private static Optional<BigDecimal> netCost(Good good) {
        return good.netCostBasis().filter(v -> v.signum() > 0);
    }

    private static BigDecimal sum(List<Material> goods) {
        return goods.stream().map(Material::valueInRegionalValueContent).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Displayed shares never round a failure down to the limit nor a pass up past it. */
    private static String share(BigDecimal part, BigDecimal whole, RoundingMode mode) {
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 2, mode).stripTrailingZeros().toPlainString();
    }

    private static Evaluation finish(BillOfMaterials bom, RulePack pack, DeterminationStatus status, List<Reason> reasons,
                                     List<MissingData> missing, String summary) {
        List<Reason> all = new ArrayList<>(reasons);
        all.add(new Reason(ReasonCode.ORIGIN_DETERMINED, status == DeterminationStatus.ORIGINATING ? Outcome.PASS
                : status == DeterminationStatus.NOT_ORIGINATING ? Outcome.FAIL : Outcome.INSUFFICIENT_DATA, summary, Citations.SETS, List.of(), null));
        return new Evaluation(bom.reference(), bom.asOf(), pack.ref(), status, null, null, List.of(), all,
                status == DeterminationStatus.INSUFFICIENT_DATA ? missing : List.of(), null, false);
    }
}
