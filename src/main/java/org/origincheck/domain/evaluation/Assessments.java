package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.origincheck.domain.automotive.PartSchedule;
import org.origincheck.domain.evaluation.PartThresholds;
import org.origincheck.domain.automotive.PartsRuleForListedParts;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.rules.DeMinimisExclusion;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;
import org.origincheck.domain.rules.RvcMethod;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ShiftOutcome;
import org.origincheck.domain.dated.Threshold;

/**
 * The legal tests, one method each, written once and called by both engines. Each records its reasons
 * (with citations) and returns a verdict; the engines decide which tests apply and how the verdicts
 * combine into the Art. 4.2 criteria.
 */
public final class Assessments {

    /** Reasons list at most this many material names; the message always gives the full count. */
    static final int MAX_LISTED = 50;

    /** Art. 4.2(d) for a part of Table B-F: whether its part threshold binds is unsettled, so the result is always reviewed. */
    public static final String PARTS_RULE_LISTED_PART = "PARTS_RULE_4_2_D_LISTED_PART";

    /** The answers a declaration can take. */
    static final List<String> YES_NO = List.of("true", "false");

    private Assessments() {
    }

    private static String quoted(org.origincheck.domain.rules.Question question) {
        return "\"" + question.words() + "\" (question " + question.id() + ")";
    }

    /**
     * The steps every engine takes before the rules of origin themselves: which product rule applies, whether
     * the bill of materials can be read, how each material is treated, and the vehicle's class. One place, so
     * the Drools adapter and the plain-Java reference cannot drift apart here.
     */
    public static void preliminaries(EvaluationSubject subject, Findings findings) {
        ruleSelection(subject, findings);
        billOfMaterials(subject, findings);
        materialTreatment(subject, findings);
        AutomotiveAssessments.classification(subject, findings);
    }

    /** Which trade the rule's text is for, and why it is this good's (DirectionOfTrade); empty for a rule for all trade. */
    private static String tradeOf(ProductRule rule, org.origincheck.domain.bom.Good good) {
        if (rule.trade() == null) {
            return "";
        }
        String imported = good.importingCountry() == null && good.importedFrom() == null ? ""
                : ", the good being imported" + (good.importingCountry() == null ? "" : " into " + good.importingCountry())
                + (good.importedFrom() == null ? "" : " from " + good.importedFrom());
        return ", in its text for " + rule.trade().words() + imported;
    }

    /** The reason saying which product rule applies to a good of {@code good}'s code and trade on {@code asOf}, and its text. */
    static Reason ruleSelected(ProductRule rule, Good good, java.time.LocalDate asOf) {
        return new Reason(ReasonCode.PRODUCT_RULE_SELECTED, Outcome.INFO,
                "Product-specific rule " + rule.id() + " for " + rule.hsScope() + " applies to "
                        + good.hsCode().formatted() + " on " + asOf + tradeOf(rule, good) + ": " + rule.text(),
                rule.citation(), List.of(), null);
    }

    public static void ruleSelection(EvaluationSubject subject, Findings findings) {
        RuleLookup lookup = subject.lookup();
        if (lookup instanceof RuleLookup.Found found && !found.rule().isApplicable()) {
            ProductRule rule = found.rule();
            findings.missing("productRule", "rule " + rule.id() + " (" + rule.citation() + ") could not be encoded from its legal text ("
                    + rule.parseNote() + ") and awaits manual review");
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_NEEDS_REVIEW, Outcome.INSUFFICIENT_DATA,
                    "Product-specific rule " + rule.id() + " for " + rule.hsScope() + " applies, but its text could not be encoded ("
                            + rule.parseNote() + "); a compliance officer must apply it by hand: " + rule.text(),
                    rule.citation(), List.of(), null));
        } else if (lookup instanceof RuleLookup.Found) {
            findings.add(subject.ruleSelected());
        } else if (lookup instanceof RuleLookup.NeedsDeclarations needs) {
            ProductRule rule = needs.rule();
            for (org.origincheck.domain.rules.Question question : needs.questions()) {
                findings.missing(new MissingData("good.declarations." + question.id(), "rule " + rule.id() + " states its alternatives for goods"
                        + " described in words; declare whether the good is " + quoted(question), question.id(), question.words(), YES_NO));
            }
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_NEEDS_DATA, Outcome.INSUFFICIENT_DATA, "Product-specific rule " + rule.id()
                    + " for " + rule.hsScope() + " applies, but which of its alternatives apply depends on what the good is, which the law"
                    + " states in words: " + String.join("; ", needs.questions().stream().map(Assessments::quoted).toList())
                    + ". The producer answers in good.declarations: " + rule.text(), rule.citation(), List.of(), null));
        } else if (lookup instanceof RuleLookup.NeedsMoreData needs) {
            findings.missing(needs.field(), needs.message(), needs.legalText());
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_NEEDS_DATA, Outcome.INSUFFICIENT_DATA, needs.message(),
                    "USMCA Annex 4-B; SOR/2020-155 Schedule 1", List.of(), null));
        } else if (lookup instanceof RuleLookup.NotFound notFound) {
            findings.missing("good.hsCode", notFound.message());
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_NOT_FOUND, Outcome.INSUFFICIENT_DATA, notFound.message()
                    + "; only criteria A and C can be decided without one", "USMCA Annex 4-B; SOR/2020-155 Schedule 1",
                    List.of(), null));
        }
    }

    /**
     * A good that is not claimed wholly obtained is produced from materials: with none listed (or only indirect
     * materials and packing), "exclusively from originating materials" and every shift would hold vacuously,
     * so the engine asks for the materials instead of answering originating.
     */
    public static void billOfMaterials(EvaluationSubject subject, Findings findings) {
        boolean anyCounted = subject.materials().stream().anyMatch(m -> m.kind().countedForExclusivelyOriginating());
        if (!anyCounted && subject.good().whollyObtained() == null) {
            findings.noMaterialsListed();
            findings.missing("materials", "list the materials used to produce the good (or claim it wholly obtained with good.whollyObtained)");
            findings.add(new Reason(ReasonCode.BILL_OF_MATERIALS, Outcome.INSUFFICIENT_DATA,
                    "No material physically incorporated in the good is listed; a good that is not wholly obtained cannot be shown to originate without its materials.",
                    Citations.ORIGINATING_GOODS_SHIFT_OR_MATERIALS, List.of(), null));
        }
    }

    /** Informs the officer how non-direct materials were treated, so nothing is silently disregarded. */
    public static void materialTreatment(EvaluationSubject subject, Findings findings) {
        // One pass over the materials, not one per kind: a multi-level BOM is hundreds of small evaluations.
        java.util.Map<MaterialKind, List<Material>> byKind = new java.util.EnumMap<>(MaterialKind.class);
        for (Material m : subject.materials()) {
            if (m.kind() != MaterialKind.DIRECT) {
                byKind.computeIfAbsent(m.kind(), k -> new ArrayList<>()).add(m);
            }
        }
        for (java.util.Map.Entry<MaterialKind, List<Material>> entry : byKind.entrySet()) {
            MaterialKind kind = entry.getKey();
            List<Material> ofKind = entry.getValue();
            String treatment = switch (kind) {
                case INDIRECT -> "considered originating wherever produced, and not counted as non-originating value";
                case RETAIL_PACKAGING -> "(declared classified with the good) disregarded for the tariff shift and the s.5(1) de minimis, counted at their own origin in the regional value content";
                case SHIPPING_PACKING -> "disregarded in determining origin";
                case ACCESSORY -> "(declared delivered with the good, not invoiced separately, customary in type, quantity and value) disregarded for the tariff shift and the s.5(1) de minimis, counted at their own origin in the regional value content";
                default -> "";
            };
            findings.add(new Reason(ReasonCode.MATERIAL_TREATMENT, Outcome.INFO,
                    ofKind.size() + " material(s) of kind " + kind + " " + treatment + ".", kind.citation(),
                    labels(ofKind), null));
        }
    }

    public static Verdict whollyObtained(EvaluationSubject subject, List<Material> nonOriginatingDirect, Findings findings) {
        nonOriginatingDirect = inBomOrder(nonOriginatingDirect);
        Good good = subject.good();
        if (good.whollyObtained() == null) {
            findings.add(new Reason(ReasonCode.WHOLLY_OBTAINED, Outcome.NOT_APPLICABLE,
                    "The producer does not claim the good wholly obtained or produced.",
                    Citations.WHOLLY_OBTAINED, List.of(), null));
            return Verdict.NOT_MET;
        }
        if (!nonOriginatingDirect.isEmpty()) {
            findings.add(new Reason(ReasonCode.WHOLLY_OBTAINED, Outcome.FAIL, "The good is claimed wholly obtained ("
                    + good.whollyObtained() + ") but " + nonOriginatingDirect.size()
                    + " direct material(s) are non-originating or of unknown origin.",
                    good.whollyObtained().citation(), labels(nonOriginatingDirect), null));
            return Verdict.NOT_MET;
        }
        findings.add(new Reason(ReasonCode.WHOLLY_OBTAINED, Outcome.PASS, "The producer declares the good wholly obtained or produced ("
                + good.whollyObtained() + ") and no direct material is non-originating.",
                good.whollyObtained().citation(), List.of(), null));
        return Verdict.MET;
    }

    /**
     * Criterion C, and for a good of chapters 61-63 the chapter rules that are conditions on the good
     * ({@link ChapterRuleAssessments#forExclusivelyOriginating}).
     */
    public static Verdict exclusivelyOriginating(EvaluationSubject subject, List<Material> offending, Findings findings) {
        Verdict verdict = exclusivelyOriginating(offending, findings);
        if (verdict != Verdict.MET) {
            return verdict;
        }
        Verdict chapterRules = ChapterRuleAssessments.forExclusivelyOriginating(subject, findings);
        return chapterRules == null ? verdict : verdict.and(chapterRules);
    }

    public static Verdict exclusivelyOriginating(List<Material> offending, Findings findings) {
        offending = inBomOrder(offending);
        if (offending.isEmpty()) {
            findings.add(new Reason(ReasonCode.EXCLUSIVELY_ORIGINATING_MATERIALS, Outcome.PASS,
                    "Every material is originating (indirect materials count as originating; packing for shipment is disregarded).",
                    OriginCriterion.C.citation(), List.of(), null));
            return Verdict.MET;
        }
        findings.add(new Reason(ReasonCode.EXCLUSIVELY_ORIGINATING_MATERIALS, Outcome.FAIL,
                offending.size() + " material(s) are non-originating or of unknown origin, so the good is not produced exclusively from originating materials.",
                OriginCriterion.C.citation(), labels(offending), null));
        return Verdict.NOT_MET;
    }

    /**
     * The change in tariff classification for one alternative, then the s.5(1) de minimis for the
     * materials that fail it. Materials whose classification is missing or too coarse are tried both ways:
     * if the answer depends on them, the verdict is UNDETERMINED and their codes are asked for.
     */
    public static ShiftAssessment tariffShift(EvaluationSubject subject, AlternativeUnderTest alternative,
                                              List<MaterialShiftResult> notAllowed, Findings findings) {
        List<Material> failing = new ArrayList<>();
        List<Material> undetermined = new ArrayList<>();
        for (MaterialShiftResult result : notAllowed) {
            if (result.outcome() == ShiftOutcome.UNDETERMINED) {
                undetermined.add(result.material());
            } else if (result.outcome().fails()) {
                failing.add(result.material());
            }
        }
        failing = inBomOrder(failing);
        undetermined = inBomOrder(undetermined);
        String label = alternative.label();
        String required = alternative.tariffShift().describe();
        String citation = alternative.citation();
        org.origincheck.domain.rules.Question component = alternative.classifyingComponent();
        if (component != null) {
            List<Material> disregarded = subject.materialsSubjectToTariffShift().stream()
                    .filter(m -> Boolean.FALSE.equals(component.answerIn(m.declarations()))).toList();
            if (!disregarded.isEmpty()) {
                findings.add(new Reason(ReasonCode.TARIFF_SHIFT, Outcome.INFO, "The rule applies only to the component that determines the"
                        + " tariff classification of the good; the producer declares that " + String.join(", ", labels(inBomOrder(disregarded)))
                        + " are not part of it, so they are not tested (SOR/2020-155 s.5(9)).", citation, labels(inBomOrder(disregarded)), label));
            }
        }
        if (failing.isEmpty() && undetermined.isEmpty()) {
            findings.add(new Reason(ReasonCode.TARIFF_SHIFT, Outcome.PASS,
                    "Every non-originating material undergoes the required change in tariff classification (" + required + ").", citation, List.of(), label));
            return new ShiftAssessment(alternative, Verdict.MET, failing, undetermined);
        }
        if (!failing.isEmpty()) {
            findings.add(new Reason(ReasonCode.TARIFF_SHIFT, Outcome.FAIL, failing.size()
                    + " non-originating material(s) do not undergo the required change in tariff classification (" + required + "): "
                    + describeMaterials(failing) + ".", citation, labels(failing), label));
        }
        if (!undetermined.isEmpty()) {
            for (Material material : undetermined) {
                if (alternative.undeterminedOnlyByOthers(material)) {
                    // "more than one of the following": the other materials' classifications decide it, so those are asked.
                    for (Material other : subject.nonOriginatingMaterials()) {
                        if (other.subjectToTariffShift() && (other.hsCode() == null
                                || !alternative.tariffShift().exceptMoreThanOne().classifies(other.hsCode()))) {
                            findings.missing(other.field("hsCode"), "classify the material precisely enough to tell whether it is in one of the"
                                    + " groups of \"except from more than one of the following\" (alternative " + label + ")");
                        }
                    }
                    continue;
                }
                if (alternative.undeterminedOnlyByComponent(material)) {
                    // Chapter rule 1 (61, 63) / 2 (62): only the materials of the classifying component are tested.
                    findings.missing(new MissingData(material.field("declarations." + component.id()), "the material does not undergo the"
                            + " required change (alternative " + label + "), but the rule applies only to the component that determines the"
                            + " tariff classification of the good; declare whether this material is part of that component",
                            component.id(), component.words(), YES_NO));
                    continue;
                }
                List<org.origincheck.domain.rules.Question> asked = alternative.tariffShift()
                        .unanswered(alternative.good(), material.hsCode(), material.declarations());
                if (material.hsCode() != null && !asked.isEmpty()) {
                    // The classification is precise enough: what the rule needs is a fact it states in words.
                    for (org.origincheck.domain.rules.Question question : asked) {
                        findings.missing(new MissingData(material.field("declarations." + question.id()), "the rule names materials"
                                + " by words (alternative " + label + "); declare whether this material is " + quoted(question),
                                question.id(), question.words(), YES_NO));
                    }
                    continue;
                }
                findings.missing(material.field("hsCode"), material.hsCode() == null
                        ? "the material is non-originating and has no HS code, so the tariff shift cannot be tested"
                        : "classify the material to 8 digits: the rule distinguishes tariff items");
            }
            findings.add(new Reason(ReasonCode.TARIFF_SHIFT, Outcome.INSUFFICIENT_DATA, undetermined.size()
                    + " non-originating material(s) lack a classification precise enough, or a declaration about a condition the rule states in words,"
                    + " to test the required change in tariff classification (" + required + ").",
                    citation, labels(undetermined), label));
        }
        Verdict optimistic = failing.isEmpty() ? Verdict.MET : deMinimis(subject, failing, label, findings, true);
        Verdict verdict;
        if (undetermined.isEmpty()) {
            verdict = optimistic;
        } else {
            List<Material> all = new ArrayList<>(failing);
            all.addAll(undetermined);
            Verdict pessimistic = deMinimis(subject, all, label, findings, failing.isEmpty());
            verdict = pessimistic == Verdict.MET ? Verdict.MET : optimistic == Verdict.NOT_MET ? Verdict.NOT_MET : Verdict.UNDETERMINED;
        }
        return new ShiftAssessment(alternative, verdict, failing, undetermined);
    }

    /**
     * SOR/2020-155 s.5(6) for goods of chapters 50-60: the failing non-originating materials weigh at most 10% of the
     * good, of which elastomeric content at most 7%. At or under 7% the elastomeric limit holds whatever the content, so
     * it is asked for only between 7% and 10%. Chapters 61-63 (s.5(7)-(9), the component that determines classification)
     * are not evaluated here.
     */
    static Verdict deMinimisByWeight(EvaluationSubject subject, List<Material> failing, String label, Findings findings, boolean report) {
        Good good = subject.good();
        String citation = Citations.DE_MINIMIS_TEXTILES;
        List<Material> unweighed = failing.stream().filter(m -> m.weight() == null).toList();
        if (good.weight() == null || !unweighed.isEmpty()) {
            if (report) {
                if (good.weight() == null) {
                    findings.missing("good.weight", "kilograms; the de minimis by weight of SOR/2020-155 s.5(6) compares the failing materials' weight with the good's");
                }
                for (Material m : unweighed) {
                    findings.missing("materials[" + m.index() + "].weight", "kilograms; " + m.label() + " fails the shift and the de minimis by weight of SOR/2020-155 s.5(6) needs its weight");
                }
                findings.add(new Reason(ReasonCode.TARIFF_SHIFT_DE_MINIMIS, Outcome.INSUFFICIENT_DATA,
                        "The value de minimis does not apply to a good of chapters 50-63 (s.5(3)(l)); the de minimis by weight of s.5(6) needs the weight of the good and of each failing material.",
                        citation, labels(failing), label));
            }
            return Verdict.UNDETERMINED;
        }
        BigDecimal failingWeight = failing.stream().map(Material::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sharePercent = failingWeight.multiply(BigDecimal.valueOf(100)).divide(good.weight(), java.math.MathContext.DECIMAL64);
        BigDecimal max = subject.pack().parameters().value(Parameters.TEXTILE_DE_MINIMIS_WEIGHT, subject.asOf());
        BigDecimal maxElastomeric = subject.pack().parameters().value(Parameters.TEXTILE_DE_MINIMIS_ELASTOMERIC, subject.asOf());
        // Shown against the nearer of the two limits: only there can rounding put it on the wrong side.
        String shown = Percentages.against(sharePercent, sharePercent.subtract(max).abs().compareTo(sharePercent.subtract(maxElastomeric).abs()) <= 0
                ? max : maxElastomeric);
        Verdict verdict;
        String message;
        if (sharePercent.compareTo(max) > 0) {
            verdict = Verdict.NOT_MET;
            message = "The non-originating materials that fail the shift weigh " + shown + "% of the good, more than " + max.stripTrailingZeros().toPlainString() + "% (s.5(6)(a)).";
        } else if (sharePercent.compareTo(maxElastomeric) <= 0) {
            verdict = Verdict.MET;
            message = "The non-originating materials that fail the shift weigh " + shown + "% of the good, not more than " + max.stripTrailingZeros().toPlainString()
                    + "%; their elastomeric content cannot exceed " + maxElastomeric.stripTrailingZeros().toPlainString()
                    + "% whatever it is, so the shift is met under the de minimis by weight (s.5(6)(a)).";
        } else {
            verdict = Verdict.UNDETERMINED;
            message = "The non-originating materials that fail the shift weigh " + shown + "% of the good, not more than " + max.stripTrailingZeros().toPlainString()
                    + "%, but more than " + maxElastomeric.stripTrailingZeros().toPlainString() + "%: whether their elastomeric content exceeds "
                    + maxElastomeric.stripTrailingZeros().toPlainString() + "% of the good's weight decides it (s.5(6)(a)), and the submission does not state it.";
            // No submission field carries elastomeric content yet: the reason says what decides it, and the answer stays open.
        }
        if (report) {
            findings.add(new Reason(ReasonCode.TARIFF_SHIFT_DE_MINIMIS, verdict.outcome(), message, citation, labels(failing), label));
        }
        return verdict;
    }

    /**
     * SOR/2020-155 s.5(7) and (9) for a good of chapters 61-63 whose rule is limited to the component that determines its
     * classification: the failing materials are materials of that component (the others are disregarded before the shift),
     * and the component weighs no more than the good. So failing materials weighing more than 10% of the good weigh more than
     * 10% of the component: the de minimis cannot excuse them, whatever the component weighs. Otherwise (null) the component's
     * weight decides, which the submission does not carry, and the caller asks as before.
     */
    private static Verdict componentDeMinimisExceeded(EvaluationSubject subject, List<Material> failing, String label, Findings findings,
                                                      boolean report) {
        Good good = subject.good();
        int chapter = Integer.parseInt(good.hsCode().chapter());
        if (chapter < 61 || chapter > 63 || good.weight() == null || good.weight().signum() <= 0 || failing.isEmpty()
                || failing.stream().anyMatch(m -> m.weight() == null)) {
            return null;
        }
        BigDecimal failingWeight = failing.stream().map(Material::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sharePercent = failingWeight.multiply(BigDecimal.valueOf(100)).divide(good.weight(), java.math.MathContext.DECIMAL64);
        BigDecimal max = subject.pack().parameters().value(Parameters.TEXTILE_DE_MINIMIS_WEIGHT, subject.asOf());
        if (sharePercent.compareTo(max) <= 0) {
            return null;
        }
        if (report) {
            findings.add(new Reason(ReasonCode.TARIFF_SHIFT_DE_MINIMIS, Outcome.FAIL, "The non-originating materials of the component that"
                    + " determines the tariff classification that fail the shift weigh " + Percentages.against(sharePercent, max)
                    + "% of the whole good, so more than " + max.stripTrailingZeros().toPlainString() + "% of that component, which weighs no"
                    + " more than the good (s.5(7)(a), s.5(9)).", "SOR/2020-155 s.5(7) and s.5(9)", labels(failing), label));
        }
        return Verdict.NOT_MET;
    }

    /** SOR/2020-155 s.5(1) and (3): the value of failing materials at most 10% of TV or total cost. */
    static Verdict deMinimis(EvaluationSubject subject, List<Material> failing, String label, Findings findings, boolean report) {
        Good good = subject.good();
        List<String> excludedBy = new ArrayList<>();
        List<Material> excluded = new ArrayList<>();
        for (DeMinimisExclusion exclusion : subject.pack().deMinimisExclusions()) {
            if (exclusion.weightBased() && exclusion.coversGood(good.hsCode()) && Integer.parseInt(good.hsCode().chapter()) <= 60) {
                return deMinimisByWeight(subject, failing, label, findings, report);
            }
            if (exclusion.weightBased() && exclusion.coversGood(good.hsCode())) {
                Verdict exceeded = componentDeMinimisExceeded(subject, failing, label, findings, report);
                if (exceeded != null) {
                    return exceeded;
                }
                if (report) {
                    findings.missing("materials[].weight", "goods of chapters 50-63 use the de minimis by weight of s.5(6)-(10), which this version does not evaluate");
                    findings.add(new Reason(ReasonCode.TARIFF_SHIFT_DE_MINIMIS, Outcome.INSUFFICIENT_DATA,
                            "The value de minimis does not apply to a good of chapters 50-63; the weight-based de minimis (s.5(6)-(10)) is not evaluated yet, so the failing materials cannot be excused.",
                            exclusion.citation(), labels(failing), label));
                }
                return Verdict.UNDETERMINED;
            }
            for (Material material : failing) {
                if (exclusion.covers(good.hsCode(), material.hsCode())) {
                    excluded.add(material);
                    List<String> conditions = exclusion.conditionsFor(good.hsCode(), material.hsCode());
                    excludedBy.add(exclusion.citation() + ", " + (material.hsCode() == null ? "an unclassified material" : "a material of " + material.hsCode())
                            + " in a good of " + good.hsCode()
                            + (conditions.isEmpty() ? "" : " (applied although the codes cannot show the condition: "
                            + String.join("; ", conditions) + ")"));
                }
            }
        }
        if (!excluded.isEmpty()) {
            if (report) {
                findings.add(new Reason(ReasonCode.TARIFF_SHIFT_DE_MINIMIS, Outcome.FAIL,
                        "The de minimis rule does not apply to " + excluded.size() + " of the failing material(s): "
                                + String.join("; ", excludedBy.stream().distinct().toList()) + ".",
                        Citations.DE_MINIMIS_EXCLUSIONS, labels(excluded), label));
            }
            return Verdict.NOT_MET;
        }
        BigDecimal failingValue = sum(failing);
        BigDecimal share = subject.deMinimisShare();
        Verdict verdict = shareVerdict(good, failingValue, share);
        if (report) {
            String message = switch (verdict) {
                case MET -> "The non-originating materials that fail the shift are worth " + failingValue + " " + good.currency()
                        + ", not more than " + share + "% of " + basesText(good) + ": the shift is met under the de minimis rule (their value still counts in any RVC).";
                case NOT_MET -> "The non-originating materials that fail the shift are worth " + failingValue + " " + good.currency()
                        + ", more than " + share + "% of " + basesText(good) + ".";
                case UNDETERMINED -> "The de minimis rule needs the transaction value or the total cost of the good to compare the failing materials' value ("
                        + failingValue + ") against.";
            };
            if (verdict == Verdict.UNDETERMINED) {
                findings.missing("good.transactionValue", "needed (or good.costs.totalCost) to apply the de minimis rule of SOR/2020-155 s.5(1)");
            }
            findings.add(new Reason(ReasonCode.TARIFF_SHIFT_DE_MINIMIS, verdict.outcome(), message, Citations.DE_MINIMIS,
                    labels(failing), label));
        }
        return verdict;
    }

    /**
     * Whether {@code value} is at most {@code share}% of the good's transaction value or total cost. Net cost
     * never exceeds total cost, so a value within the share of net cost is within the share of total cost:
     * net cost is used as that lower bound when total cost is not given, and only to say yes.
     */
    static Verdict shareVerdict(Good good, BigDecimal value, BigDecimal share) {
        Optional<BigDecimal> tv = good.transactionValueBasis();
        Optional<BigDecimal> tc = good.totalCost();
        Optional<BigDecimal> nc = good.netCostBasis();
        if (tv.isPresent() && RegionalValueContent.atMostShareOf(value, share, tv.get())) return Verdict.MET;
        if (tc.isPresent() && RegionalValueContent.atMostShareOf(value, share, tc.get())) return Verdict.MET;
        if (tc.isEmpty() && nc.isPresent() && nc.get().signum() > 0 && RegionalValueContent.atMostShareOf(value, share, nc.get())) {
            return Verdict.MET;
        }
        // As with the RVC methods, a basis the producer did not give is not available; with none at all
        // the answer would be a guess.
        return tv.isEmpty() && tc.isEmpty() && nc.isEmpty() ? Verdict.UNDETERMINED : Verdict.NOT_MET;
    }

    private static String basesText(Good good) {
        List<String> bases = new ArrayList<>();
        good.transactionValueBasis().ifPresent(v -> bases.add("the transaction value " + v));
        good.totalCost().ifPresent(v -> bases.add("the total cost " + v));
        if (good.totalCost().isEmpty()) {
            good.netCostBasis().ifPresent(v -> bases.add("the net cost " + v + " (a lower bound of total cost)"));
        }
        return String.join(" or ", bases);
    }

    /** The alternative's RVC by every method it offers and the good has a basis for; then the s.5(4) de minimis. */
    public static Verdict regionalValueContent(EvaluationSubject subject, AlternativeUnderTest alternative, Findings findings) {
        return rvcAgainst(subject, "PRODUCT_RULE", alternative.label(), alternative.regionalValueContent(),
                alternative.citation(), true, findings);
    }

    private static Verdict rvcAgainst(EvaluationSubject subject, String requirement, String label, RvcRequirement rvc,
                                      String citation, boolean deMinimisApplies, Findings findings) {
        Good good = subject.good();
        BigDecimal vnm = subject.valueOfNonOriginatingMaterials();
        boolean anyComputed = false;
        boolean anyMet = false;
        List<String> missingBases = new ArrayList<>();
        for (RvcMethod method : RvcMethod.values()) {
            ReasonCode code = method == RvcMethod.TRANSACTION_VALUE ? ReasonCode.RVC_TRANSACTION_VALUE : ReasonCode.RVC_NET_COST;
            if (!rvc.offers(method)) {
                if (method == RvcMethod.TRANSACTION_VALUE) {
                    findings.add(new Reason(ReasonCode.RVC_METHOD_UNAVAILABLE, Outcome.NOT_APPLICABLE,
                            "The rule offers no transaction value method, so only the net cost method may be used.",
                            Citations.INDIRECT_AND_PACKING, List.of(), label));
                }
                continue;
            }
            Optional<BigDecimal> threshold = rvc.threshold(method, subject.asOf());
            if (threshold.isEmpty()) {
                continue;
            }
            Optional<BigDecimal> basis = method == RvcMethod.TRANSACTION_VALUE ? good.transactionValueBasis() : good.netCostBasis();
            if (basis.isEmpty() || basis.get().signum() <= 0) {
                missingBases.add(method == RvcMethod.TRANSACTION_VALUE ? "good.transactionValue" : "good.netCost");
                findings.add(new Reason(ReasonCode.RVC_METHOD_UNAVAILABLE, Outcome.NOT_APPLICABLE, "The "
                        + (method == RvcMethod.TRANSACTION_VALUE ? "transaction value" : "net cost")
                        + " method was not computed: the submission gives no "
                        + (method == RvcMethod.TRANSACTION_VALUE ? "transaction value" : "net cost (or total and excluded costs)") + ".",
                        method.citation(), List.of(), label));
                continue;
            }
            anyComputed = true;
            BigDecimal b = basis.get();
            BigDecimal t = threshold.get();
            boolean met = RegionalValueContent.meets(b, vnm, t);
            anyMet |= met;
            BigDecimal value = RegionalValueContent.percentage(b, vnm);
            BigDecimal pointsShort = RegionalValueContent.pointsShort(b, vnm, t);
            BigDecimal over = RegionalValueContent.nonOriginatingValueOver(b, vnm, t);
            findings.add(new RvcEntry(requirement, label, method, value, t, met, b, vnm, pointsShort, over,
                    method.citation() + "; " + citation));
            String methodName = (label == null ? "Art. 4.2(d): r" : "R") + "egional value content by the "
                    + (method == RvcMethod.TRANSACTION_VALUE ? "transaction value" : "net cost");
            // Shown to one decimal as the official examples print them, never rounded onto the other side of the threshold; shortfalls up.
            String message = met
                    ? methodName + " method is " + Percentages.against(value, t) + "% (basis " + b + ", non-originating " + vnm
                    + "), not less than the " + t + "% required."
                    : methodName + " method is " + Percentages.against(value, t) + "% (basis " + b + ", non-originating " + vnm
                    + "), below the " + t + "% required: " + display(pointsShort, java.math.RoundingMode.UP) + " points short; "
                    + over.setScale(2, java.math.RoundingMode.UP)
                    + " " + good.currency() + " of non-originating value would have to be replaced by originating value.";
            findings.add(new Reason(code, met ? Outcome.PASS : Outcome.FAIL, message, method.citation() + "; " + citation,
                    List.of(), label));
        }
        if (anyMet) {
            return Verdict.MET;
        }
        if (deMinimisApplies) {
            Verdict deMinimis = shareVerdict(good, vnm, subject.deMinimisShare());
            if (deMinimis == Verdict.MET) {
                findings.add(new Reason(ReasonCode.RVC_DE_MINIMIS, Outcome.PASS, "All non-originating materials are worth " + vnm
                        + ", not more than " + subject.deMinimisShare() + "% of " + basesText(good)
                        + ": the regional value content requirement need not be met.", Citations.RVC_DE_MINIMIS, List.of(), label));
                return Verdict.MET;
            }
        }
        if (!anyComputed) {
            for (String field : missingBases) {
                findings.missing(field, "needed to calculate the regional value content the product-specific rule requires");
            }
            if (missingBases.isEmpty()) {
                findings.missing("asOf", "the rule has no threshold in force on " + subject.asOf());
            }
            return Verdict.UNDETERMINED;
        }
        return Verdict.NOT_MET;
    }

    /**
     * An alternative is met when its shift, its RVC and each of its provisos ("provided that ...") are. A proviso's missing
     * fact is asked only when the shift and RVC do not already fail, since then it cannot change the answer.
     */
    public static Verdict alternative(EvaluationSubject subject, AlternativeUnderTest alternative, Verdict shift, Verdict rvc, Findings findings) {
        Verdict verdict = shift.and(rvc);
        Verdict provisos = Verdict.MET;
        if (!alternative.alternative().provisos().isEmpty()) {
            provisos = ProvisoAssessments.provisos(subject, alternative, verdict != Verdict.NOT_MET, findings);
            verdict = verdict.and(provisos);
        }
        String parts = (alternative.requiresTariffShift() ? "tariff shift " + shift : "no change in tariff classification required")
                + (alternative.requiresRegionalValueContent() ? ", regional value content " + rvc : "")
                + (alternative.alternative().provisos().isEmpty() ? "" : ", proviso " + provisos);
        findings.add(new Reason(ReasonCode.PRODUCT_RULE_ALTERNATIVE, verdict.outcome(), "Alternative " + alternative.label()
                + (verdict == Verdict.MET ? " is met" : verdict == Verdict.NOT_MET ? " is not met" : " cannot be decided") + " (" + parts + ").",
                "SOR/2020-155 s.3(6); " + alternative.citation(), List.of(), alternative.label()));
        return verdict;
    }

    public static Verdict productRule(Verdict anyAlternative, ProductRule rule, Findings findings) {
        findings.add(new Reason(ReasonCode.PRODUCT_RULE_MET, anyAlternative.outcome(), anyAlternative == Verdict.MET
                ? "Each non-originating material satisfies the product-specific rule " + rule.id() + "."
                : anyAlternative == Verdict.NOT_MET ? "No alternative of the product-specific rule " + rule.id() + " is met."
                : "Whether the product-specific rule " + rule.id() + " is met depends on missing data.",
                OriginCriterion.B.citation() + "; " + rule.citation(), List.of(), null));
        findings.criterion(OriginCriterion.B, anyAlternative);
        return anyAlternative;
    }

    /**
     * Art. 4.2(d): the shift fails only because the good and its non-originating materials share a
     * subheading (or an undivided heading), the materials being provided for as parts of the good
     * (s.3(5)); then 60% TV / 50% NC suffices. Not for chapters 61-63, nor where the law makes a
     * specific RVC the only way to originate (e.g. SOR/2020-155 s.14(2), s.15(4)). The TV method is
     * offered unless the good's rule states its RVC by net cost only (s.7(6)). The unassembled-good branch
     * (s.3(4)(b)) needs a fact the BOM does not carry and is not evaluated.
     */
    public static Verdict partsRule(EvaluationSubject subject, List<ShiftAssessment> shifts, Findings findings) {
        if (subject.isApparelOrMadeUpTextile()) {
            findings.add(new Reason(ReasonCode.PARTS_RULE_4_2_D, Outcome.NOT_APPLICABLE,
                    "Art. 4.2(d) is not available for goods of chapters 61 through 63.", Citations.PARTS_RULE, List.of(), null));
            return Verdict.NOT_MET;
        }
        ProductRule rule = subject.rule().orElseThrow();
        if (rule.partsRuleUnavailable() != null) {
            findings.add(new Reason(ReasonCode.PARTS_RULE_4_2_D, Outcome.NOT_APPLICABLE,
                    "Art. 4.2(d) is not available for this good: " + rule.partsRuleUnavailable(), Citations.PARTS_RULE, List.of(), null));
            return Verdict.NOT_MET;
        }
        Good good = subject.good();
        List<Material> concerned = null;
        for (ShiftAssessment shift : shifts.stream().sorted(java.util.Comparator.comparing(s -> s.alternative().label())).toList()) {
            if (shift.verdict() == Verdict.MET || !shift.undetermined().isEmpty() || shift.failing().isEmpty()) {
                continue;
            }
            if (shift.failing().stream().allMatch(m -> sameProvision(good, m))) {
                concerned = shift.failing();
                break;
            }
        }
        if (concerned == null) {
            findings.add(new Reason(ReasonCode.PARTS_RULE_4_2_D, Outcome.NOT_APPLICABLE,
                    "Art. 4.2(d) does not apply: the shift does not fail only because materials share the good's subheading (or undivided heading).",
                    Citations.PARTS_RULE, List.of(), null));
            return Verdict.NOT_MET;
        }
        List<Material> notParts = concerned.stream().filter(m -> Boolean.FALSE.equals(m.partOfGood())).toList();
        if (!notParts.isEmpty()) {
            findings.add(new Reason(ReasonCode.PARTS_RULE_4_2_D, Outcome.NOT_APPLICABLE,
                    "Art. 4.2(d) does not apply: " + notParts.size() + " of the materials in the good's own subheading are declared not to be parts of the good.",
                    Citations.PARTS_RULE, labels(notParts), null));
            return Verdict.NOT_MET;
        }
        findings.add(new Reason(ReasonCode.PARTS_RULE_4_2_D, Outcome.INFO, concerned.size()
                + " non-originating material(s) are classified in the good's own subheading (or undivided heading), so Art. 4.2(d) is tested.",
                Citations.PARTS_RULE, labels(concerned), null));
        boolean netCostOnly = rule.alternatives().stream().anyMatch(a -> a.regionalValueContent() != null)
                && rule.alternatives().stream().noneMatch(a -> a.regionalValueContent() != null
                && a.regionalValueContent().offers(RvcMethod.TRANSACTION_VALUE));
        Threshold tv = netCostOnly ? null : Threshold.constant(subject.pack().effectiveFrom(),
                subject.pack().parameters().value(Parameters.PARTS_RULE_TV, subject.asOf()));
        Threshold nc = Threshold.constant(subject.pack().effectiveFrom(),
                subject.pack().parameters().value(Parameters.PARTS_RULE_NC, subject.asOf()));
        String requirement = "PARTS_RULE_4_2_D";
        String citation = Citations.PARTS_RULE;
        PartThresholds listed = subject.partThresholds();
        if (listed.applies() && !listed.schedule().mandatory() && subject.automotiveRules() != null) {
            // The law does not settle whether the part thresholds bind Art. 4.2(d): the pack's option decides, and the
            // requirement is marked so the review policy never approves it automatically (rules/usmca/README.md).
            PartSchedule schedule = listed.schedule();
            BigDecimal ownNc = nc.on(subject.asOf()).orElse(null);
            BigDecimal ownTv = tv == null ? null : tv.on(subject.asOf()).orElse(null);
            BigDecimal partNc = schedule.netCost().on(subject.asOf()).orElse(null);
            BigDecimal partTv = schedule.transactionValue() == null ? null : schedule.transactionValue().on(subject.asOf()).orElse(null);
            boolean partThreshold = subject.automotiveRules().partsRuleForListedParts() == PartsRuleForListedParts.PART_THRESHOLD;
            requirement = PARTS_RULE_LISTED_PART;
            citation = Citations.PARTS_RULE + "; " + schedule.citation();
            if (partThreshold) {
                nc = higher(subject, nc, partNc);
                tv = tv == null || partTv == null ? null : higher(subject, tv, partTv);
            }
            findings.add(new Reason(ReasonCode.PARTS_RULE_4_2_D, Outcome.INFO, "The good is " + schedule.description()
                    + ". Art. 4.2(d) by itself requires " + describe(ownNc, ownTv) + " (s.3(4)(a)(ii)); the part's own threshold is "
                    + describe(partNc, partTv) + " (" + schedule.citation() + "). Whether the part threshold binds Art. 4.2(d) is not settled by "
                    + "the regulation; this pack applies " + (partThreshold ? "the part threshold where higher" : "Art. 4.2(d)'s own threshold")
                    + " (option partsRuleForListedParts " + subject.automotiveRules().partsRuleForListedParts() + "), and the determination is reviewed.",
                    citation, List.of(), null));
        }
        Verdict rvc = rvcAgainst(subject, requirement, null, new RvcRequirement(tv, nc), citation, true, findings);
        List<Material> undeclared = concerned.stream().filter(m -> m.partOfGood() == null).toList();
        Verdict parts = undeclared.isEmpty() ? Verdict.MET : Verdict.UNDETERMINED;
        if (parts == Verdict.UNDETERMINED && rvc != Verdict.NOT_MET) {
            for (Material material : undeclared) {
                findings.missing(material.field("partOfGood"),
                        "Art. 4.2(d) applies only to materials provided for as parts of the good in the HS (SOR/2020-155 s.3(4)-(5)): say whether this one is");
            }
            findings.add(new Reason(ReasonCode.PARTS_RULE_4_2_D, Outcome.INSUFFICIENT_DATA,
                    "Art. 4.2(d) could decide origin, but it applies only if these materials are provided for as parts of the good; the submission does not say (materials[].partOfGood).",
                    Citations.PARTS_RULE, labels(undeclared), null));
        }
        Verdict verdict = rvc.and(parts);
        findings.criterion(OriginCriterion.D, verdict);
        return verdict;
    }

    private static Threshold higher(EvaluationSubject subject, Threshold own, BigDecimal part) {
        BigDecimal value = own.on(subject.asOf()).orElse(null);
        if (part == null || value == null || part.compareTo(value) <= 0) {
            return own;
        }
        return Threshold.constant(subject.pack().effectiveFrom(), part);
    }

    private static String describe(BigDecimal netCost, BigDecimal transactionValue) {
        return (netCost == null ? "no net cost threshold" : netCost.stripTrailingZeros().toPlainString() + "% by the net cost method")
                + (transactionValue == null ? "" : " or " + transactionValue.stripTrailingZeros().toPlainString() + "% by the transaction value method");
    }

    private static boolean sameProvision(Good good, Material material) {
        if (material.hsCode() == null) {
            return false;
        }
        if (good.hsCode().isUndividedHeading()) {
            return material.hsCode().heading().equals(good.hsCode().heading());
        }
        return material.hsCode().subheading().equals(good.hsCode().subheading());
    }

    // One comparator for every call: built per call, its lambdas were a measurable share of a sub-assembly's evaluation.
    private static final java.util.Comparator<Material> BOM_ORDER = java.util.Comparator.comparingInt(Material::index);

    /** Rule engines collect facts in their own order; reasons list materials in the order of the BOM. */
    static List<Material> inBomOrder(List<Material> materials) {
        List<Material> sorted = new ArrayList<>(materials);
        sorted.sort(BOM_ORDER);
        return sorted;
    }

    static BigDecimal sum(List<Material> materials) {
        BigDecimal total = BigDecimal.ZERO;
        for (Material material : materials) {
            total = total.add(material.value());
        }
        return total;
    }

    static List<String> labels(List<Material> materials) {
        int listed = Math.min(materials.size(), MAX_LISTED);
        String[] labels = new String[listed];
        for (int i = 0; i < listed; i++) {
            labels[i] = materials.get(i).label();
        }
        return List.of(labels);
    }

    private static String describeMaterials(List<Material> materials) {
        List<String> parts = materials.stream().limit(10)
                .map(m -> m.label() + " (" + (m.hsCode() == null ? "no HS code" : m.hsCode().formatted()) + ", " + m.origin() + ")")
                .toList();
        String text = String.join(", ", parts);
        return materials.size() > 10 ? text + " and " + (materials.size() - 10) + " more" : text;
    }

    private static String display(BigDecimal value, java.math.RoundingMode mode) {
        return value.setScale(2, mode).stripTrailingZeros().toPlainString();
    }
}
