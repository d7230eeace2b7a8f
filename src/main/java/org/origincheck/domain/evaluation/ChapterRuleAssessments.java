package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;
import org.origincheck.domain.rules.ChapterRule;
import org.origincheck.domain.rules.Question;

/**
 * The chapter rules of Annex 4-B that are conditions on the good (GN 11(o) chapter 61 rules 2-4, chapter 62 rules 3-6,
 * chapter 63 rule 2): "a good of this chapter containing sewing thread of headings 5204, 5401 or 5508 ... shall be considered
 * originating only if such sewing thread is both formed and finished in the territory". Each is met, not met or undetermined
 * for the alternative it is attached to; a missing declaration is asked only where it can decide the alternative (the
 * caller's {@code ask}), and only of the materials (or the good) the rule is about.
 */
final class ChapterRuleAssessments {

    private ChapterRuleAssessments() {
    }

    static Verdict chapterRule(EvaluationSubject subject, AlternativeUnderTest alternative, ChapterRule rule, boolean ask, Findings findings) {
        return chapterRule(subject, alternative.label(), rule, ask, findings);
    }

    /**
     * Criterion C (Art. 4.2(c)) for a good of chapters 61-63: "shall be considered originating only if" is read as binding
     * a good produced exclusively from originating materials too (an originating thread may not have been finished in the
     * territory), so the chapter rules that are conditions on the good are tested there as well. This is the conservative
     * reading: where one fails, criterion C is not met and the product-specific rule (criterion B, with any alternative
     * that is not subject to that chapter rule) decides. Null when the good's rule carries no such chapter rule.
     */
    static Verdict forExclusivelyOriginating(EvaluationSubject subject, Findings findings) {
        if (!subject.hasProductRule()) {
            return null;
        }
        java.util.Set<ChapterRule> rules = new java.util.LinkedHashSet<>();
        for (org.origincheck.domain.rules.RuleAlternative alternative : subject.rule().get().alternatives()) {
            for (org.origincheck.domain.rules.Proviso proviso : alternative.provisos()) {
                if (proviso instanceof org.origincheck.domain.rules.Proviso.ChapterRuleCondition c
                        && c.rule().kind() != ChapterRule.Kind.CLASSIFYING_COMPONENT) {
                    rules.add(c.rule());
                }
            }
        }
        if (rules.isEmpty()) {
            return null;
        }
        Verdict all = Verdict.MET;
        for (ChapterRule rule : rules) {
            all = all.and(chapterRule(subject, (String) null, rule, true, findings));
        }
        return all;
    }

    private static Verdict chapterRule(EvaluationSubject subject, String label, ChapterRule rule, boolean ask, Findings findings) {
        if (rule.kind() == ChapterRule.Kind.CLASSIFYING_COMPONENT) {
            return Verdict.MET; // applied in the tariff shift (AlternativeUnderTest.shiftOf)
        }
        String citation = rule.citation();
        if (!rule.inForceOn(subject.asOf())) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.NOT_APPLICABLE, "Chapter rule " + rule.number() + " of chapter "
                    + rule.chapter() + " is in force from " + rule.effectiveFrom() + ", after the date of the determination ("
                    + subject.asOf() + ").", citation, List.of(), label));
            return Verdict.MET;
        }
        if (in(rule.notForGoods(), subject.good().hsCode()) == Match.YES) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.NOT_APPLICABLE, "Chapter rule " + rule.number() + " of chapter "
                    + rule.chapter() + " \"shall not apply\" to a good of " + subject.good().hsCode() + ".", citation, List.of(), label));
            return Verdict.MET;
        }
        Boolean applies = applies(subject, rule.appliesTo());
        if (Boolean.FALSE.equals(applies)) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.NOT_APPLICABLE, "Chapter rule " + rule.number() + " of chapter "
                    + rule.chapter() + " does not apply to this good (\"" + rule.appliesTo().question().words() + "\": "
                    + !rule.appliesTo().appliesWhen() + ").", citation, List.of(), label));
            return Verdict.MET;
        }
        // Where the alternative already fails, nothing this rule needs is asked (nor reported).
        Findings own = ask ? findings : new Findings();
        Verdict requirement = switch (rule.kind()) {
            case MATERIALS_FORMED_AND_FINISHED -> materials(subject, label, rule, own);
            case POCKET_BAG_FABRIC -> pocket(subject, label, rule, own);
            case CLASSIFYING_COMPONENT -> Verdict.MET;
        };
        if (applies == null && requirement != Verdict.MET) {
            // Whether the rule applies decides it: asked beside the rule's own facts.
            Question q = rule.appliesTo().question();
            own.missing(new MissingData("good.declarations." + q.id(), "chapter rule " + rule.number() + " of chapter " + rule.chapter()
                    + " applies to this good only " + (rule.appliesTo().appliesWhen() ? "if" : "unless") + " \"" + q.words()
                    + "\"; declare whether it is so", q.id(), q.words(), Assessments.YES_NO));
            own.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.INSUFFICIENT_DATA, "Whether chapter rule " + rule.number() + " of chapter "
                    + rule.chapter() + " applies depends on whether \"" + q.words() + "\" (question " + q.id() + "), which is not declared.",
                    citation, List.of(), label));
            requirement = Verdict.UNDETERMINED;
        }
        return requirement;
    }

    /** Whether a code is in the provisions; a material without a code may be in any of them. */
    private static Match in(List<HsRange> ranges, org.origincheck.domain.hs.HsCode code) {
        return code == null ? Match.UNKNOWN : HsRange.anyContains(ranges, code);
    }

    /** The answer to the rule's applicability question: null when it is not declared and can matter. */
    private static Boolean applies(EvaluationSubject subject, ChapterRule.Applicability applicability) {
        if (applicability == null) {
            return true;
        }
        if (!applicability.goods().isEmpty() && in(applicability.goods(), subject.good().hsCode()) != Match.YES) {
            return true;
        }
        if (!applicability.materials().isEmpty() && subject.materials().stream()
                .noneMatch(m -> in(applicability.materials(), m.hsCode()) != Match.NO)) {
            return !applicability.appliesWhen(); // a good is not made of a fabric its bill of materials does not list
        }
        Boolean answer = applicability.question().answerIn(subject.good().declarations());
        return answer == null ? null : answer == applicability.appliesWhen();
    }

    /** Every material of the rule's provisions the bill of materials lists, whatever its origin, carries the declaration. */
    private static Verdict materials(EvaluationSubject subject, String label, ChapterRule rule, Findings findings) {
        Question q = rule.question();
        List<Material> not = new ArrayList<>();
        List<Material> undeclared = new ArrayList<>();
        List<Material> unclassified = new ArrayList<>();
        List<Material> declared = new ArrayList<>();
        for (Material m : subject.materials()) {
            if (!m.kind().subjectToTariffShift()) {
                continue; // indirect materials and packing are not contained in the good
            }
            Match in = in(rule.materials(), m.hsCode());
            if (in == Match.NO) {
                continue;
            }
            if (in == Match.UNKNOWN) {
                unclassified.add(m);
                continue;
            }
            Boolean answer = q.answerIn(m.declarations());
            (answer == null ? undeclared : answer ? declared : not).add(m);
        }
        String citation = rule.citation();
        String provisions = String.join(", ", rule.materials().stream().map(HsRange::toString).toList());
        if (!not.isEmpty()) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.FAIL, "Chapter rule " + rule.number() + " of chapter " + rule.chapter()
                    + ": the good contains materials of " + provisions + " and is originating only if \"" + q.words()
                    + "\"; the producer declares that it is not so for " + String.join(", ", Assessments.labels(not)) + ".",
                    citation, Assessments.labels(not), label));
            return Verdict.NOT_MET;
        }
        if (!undeclared.isEmpty() || !unclassified.isEmpty()) {
            for (Material m : undeclared) {
                findings.missing(new MissingData(m.field("declarations." + q.id()), "chapter rule " + rule.number() + " of chapter "
                        + rule.chapter() + " applies to this material (of " + provisions + "); declare whether \"" + q.words() + "\"",
                        q.id(), rule.text(), Assessments.YES_NO));
            }
            for (Material m : unclassified) {
                findings.missing(m.field("hsCode"), "classify the material precisely enough to tell whether it is of " + provisions
                        + " (chapter rule " + rule.number() + " of chapter " + rule.chapter() + ")");
            }
            List<Material> open = new ArrayList<>(undeclared);
            open.addAll(unclassified);
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.INSUFFICIENT_DATA, "Chapter rule " + rule.number() + " of chapter "
                    + rule.chapter() + ": a good containing materials of " + provisions + " is originating only if \"" + q.words()
                    + "\"; it is not declared (question " + q.id() + ") for " + String.join(", ", Assessments.labels(Assessments.inBomOrder(open))) + ".",
                    citation, Assessments.labels(Assessments.inBomOrder(open)), label));
            return Verdict.UNDETERMINED;
        }
        findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.PASS, "Chapter rule " + rule.number() + " of chapter " + rule.chapter()
                + (declared.isEmpty() ? ": the bill of materials lists no material of " + provisions + "."
                : ": the producer declares \"" + q.words() + "\" for " + String.join(", ", Assessments.labels(declared)) + "."),
                citation, Assessments.labels(declared), label));
        return Verdict.MET;
    }

    /** "if a good of this chapter contains a pocket or pockets, the pocket bag fabric must be formed and finished ...". */
    private static Verdict pocket(EvaluationSubject subject, String label, ChapterRule rule, Findings findings) {
        Question contains = rule.condition();
        Question fabric = rule.question();
        Boolean hasPocket = contains.answerIn(subject.good().declarations());
        Boolean fabricOk = fabric.answerIn(subject.good().declarations());
        String head = "Chapter rule " + rule.number() + " of chapter " + rule.chapter() + ": ";
        if (Boolean.FALSE.equals(hasPocket)) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.PASS, head + "the producer declares that the good does not contain a pocket.",
                    rule.citation(), List.of(), label));
            return Verdict.MET;
        }
        if (Boolean.TRUE.equals(fabricOk)) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.PASS, head + "the producer declares that \"" + fabric.words() + "\".",
                    rule.citation(), List.of(), label));
            return Verdict.MET;
        }
        if (Boolean.TRUE.equals(hasPocket) && Boolean.FALSE.equals(fabricOk)) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.FAIL, head + "the good contains a pocket and the producer declares that"
                    + " it is not so that \"" + fabric.words() + "\".", rule.citation(), List.of(), label));
            return Verdict.NOT_MET;
        }
        if (hasPocket == null) {
            findings.missing(new MissingData("good.declarations." + contains.id(), head + "declare whether \"" + contains.words() + "\"",
                    contains.id(), rule.text(), Assessments.YES_NO));
        }
        if (fabricOk == null) {
            findings.missing(new MissingData("good.declarations." + fabric.id(), head + "if the good contains a pocket, declare whether \""
                    + fabric.words() + "\"", fabric.id(), rule.text(), Assessments.YES_NO));
        }
        findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.INSUFFICIENT_DATA, head + "\"" + rule.text() + "\"; whether the good"
                + " contains a pocket, or its pocket bag fabric meets that, is not declared.", rule.citation(), List.of(), label));
        return Verdict.UNDETERMINED;
    }
}
