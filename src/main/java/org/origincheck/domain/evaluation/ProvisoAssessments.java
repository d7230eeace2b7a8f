package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;
import org.origincheck.domain.rules.Proviso;

/**
 * The provisos of an alternative other than its regional value content ("..., provided that ..."): each is met, not met,
 * or undetermined. A proviso's missing fact is asked only where it can decide the alternative (its shift and RVC do not
 * already fail), so a good that fails the shift is never asked for a declaration or a weight that cannot change that.
 */
final class ProvisoAssessments {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProvisoAssessments() {
    }

    static Verdict provisos(EvaluationSubject subject, AlternativeUnderTest alternative, boolean ask, Findings findings) {
        Verdict all = Verdict.MET;
        for (Proviso proviso : alternative.alternative().provisos()) {
            Verdict verdict;
            if (proviso instanceof Proviso.Declared declared) {
                verdict = declared(subject, alternative, declared, ask, findings);
            } else if (proviso instanceof Proviso.OriginatingShareByWeight share) {
                verdict = originatingShare(subject, alternative, share, ask, findings);
            } else if (proviso instanceof Proviso.ChapterRuleCondition chapterRule) {
                verdict = ChapterRuleAssessments.chapterRule(subject, alternative, chapterRule.rule(), ask, findings);
            } else if (proviso instanceof Proviso.NotSubjectToChapterRules) {
                verdict = Verdict.MET; // the loader left those chapter rules off this alternative
            } else {
                throw new IllegalStateException("no assessment for " + proviso);
            }
            all = all.and(verdict);
        }
        return all;
    }

    /** The producer's declaration decides it; the question carries the law's words. */
    private static Verdict declared(EvaluationSubject subject, AlternativeUnderTest alternative, Proviso.Declared proviso, boolean ask,
                                    Findings findings) {
        Boolean answer = proviso.question().answerIn(subject.good().declarations());
        String citation = "SOR/2020-155 s.3(6); " + alternative.citation();
        if (answer == null) {
            if (ask) {
                findings.missing(new MissingData("good.declarations." + proviso.question().id(), "alternative " + alternative.label()
                        + " of the rule is met only \"provided that " + proviso.words() + "\"; declare whether it is so",
                        proviso.question().id(), proviso.words(), Assessments.YES_NO));
                findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.INSUFFICIENT_DATA, "Alternative " + alternative.label()
                        + " requires \"" + proviso.words() + "\" (question " + proviso.question().id() + "), which the producer declares in"
                        + " good.declarations; it is not declared.", citation, List.of(), alternative.label()));
            }
            return Verdict.UNDETERMINED;
        }
        findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, answer ? Outcome.PASS : Outcome.FAIL, "Alternative " + alternative.label()
                + " requires \"" + proviso.words() + "\"; the producer declares that it is " + (answer ? "so." : "not so."),
                citation, List.of(), alternative.label()));
        return answer ? Verdict.MET : Verdict.NOT_MET;
    }

    /**
     * Of the materials listed in the BOM and classified in the proviso's provisions, the originating ones must weigh at least
     * the share stated. A material whose origin is unknown counts as non-originating (USMCA Art. 4.5, as elsewhere). A missing
     * weight is asked only when some weight could change the answer: if the share holds (or fails) with every unweighed
     * originating material at nothing and every unweighed non-originating one without limit (or the reverse), it is decided.
     */
    private static Verdict originatingShare(EvaluationSubject subject, AlternativeUnderTest alternative, Proviso.OriginatingShareByWeight proviso,
                                            boolean ask, Findings findings) {
        String citation = "SOR/2020-155 s.3(6); " + alternative.citation();
        BigDecimal originating = BigDecimal.ZERO;
        BigDecimal nonOriginating = BigDecimal.ZERO;
        List<Material> unweighedOriginating = new ArrayList<>();
        List<Material> unweighedNonOriginating = new ArrayList<>();
        List<Material> unclassified = new ArrayList<>();
        List<String> counted = new ArrayList<>();
        // Origin as the subject decided it (an intermediate material's own determination included).
        java.util.Set<Integer> nonOriginatingLines = new java.util.HashSet<>();
        subject.nonOriginatingMaterials().forEach(m -> nonOriginatingLines.add(m.index()));
        for (Material m : subject.materials()) {
            if (!m.kind().subjectToTariffShift()) {
                continue; // indirect materials and packing are not "materials of" a heading in the good
            }
            Match in = HsRange.anyContains(proviso.materials(), m.hsCode());
            if (in == Match.NO) {
                continue;
            }
            if (in == Match.UNKNOWN) {
                unclassified.add(m);
                continue;
            }
            counted.add(m.label());
            boolean non = nonOriginatingLines.contains(m.index());
            if (m.weight() == null) {
                (non ? unweighedNonOriginating : unweighedOriginating).add(m);
            } else if (non) {
                nonOriginating = nonOriginating.add(m.weight());
            } else {
                originating = originating.add(m.weight());
            }
        }
        BigDecimal required = proviso.atLeastPercent();
        String rule = "\"" + proviso.words() + "\"";
        if (!unclassified.isEmpty()) {
            if (ask) {
                for (Material m : unclassified) {
                    findings.missing(m.field("hsCode"), "classify " + m.label() + " precisely enough to tell whether it is one of the materials of "
                            + rule + " (alternative " + alternative.label() + ")");
                }
                findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.INSUFFICIENT_DATA, "Alternative " + alternative.label()
                        + " requires " + rule + "; whether some materials are of those provisions cannot be told from their classification.",
                        citation, Assessments.labels(unclassified), alternative.label()));
            }
            return Verdict.UNDETERMINED;
        }
        // Lowest share: unweighed originating materials weigh nothing, unweighed non-originating ones without limit; highest: the reverse.
        BigDecimal known = originating.add(nonOriginating);
        BigDecimal lowest = !unweighedNonOriginating.isEmpty() ? BigDecimal.ZERO
                : known.signum() > 0 ? share(originating, known) : unweighedOriginating.isEmpty() ? null : HUNDRED;
        BigDecimal highest = !unweighedOriginating.isEmpty() ? HUNDRED
                : known.signum() > 0 ? share(originating, known) : unweighedNonOriginating.isEmpty() ? null : BigDecimal.ZERO;
        if (counted.isEmpty() || lowest == null || highest == null) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.FAIL, "Alternative " + alternative.label() + " requires " + rule
                    + "; the bill of materials lists no such material with a weight, so the share is not shown.", citation, counted, alternative.label()));
            return Verdict.NOT_MET;
        }
        if (lowest.compareTo(required) >= 0) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.PASS, "Alternative " + alternative.label() + " requires " + rule
                    + "; the originating ones weigh " + (unweighedOriginating.isEmpty() ? "" : "at least ")
                    + Percentages.against(lowest, required) + "% of those materials" + (unweighedOriginating.isEmpty() ? "." : ", whatever the unweighed originating ones weigh."),
                    citation, counted, alternative.label()));
            return Verdict.MET;
        }
        if (highest.compareTo(required) < 0) {
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.FAIL, "Alternative " + alternative.label() + " requires " + rule
                    + "; the originating ones weigh " + (unweighedNonOriginating.isEmpty() ? "" : "at most ")
                    + Percentages.against(highest, required) + "% of those materials, less than " + required.stripTrailingZeros().toPlainString() + "%"
                    + (unweighedNonOriginating.isEmpty() ? "." : ", whatever the unweighed non-originating ones weigh."),
                    citation, counted, alternative.label()));
            return Verdict.NOT_MET;
        }
        if (ask) {
            List<Material> unweighed = new ArrayList<>(unweighedOriginating);
            unweighed.addAll(unweighedNonOriginating);
            for (Material m : Assessments.inBomOrder(unweighed)) {
                findings.missing(m.field("weight"), "kilograms; alternative " + alternative.label() + " requires " + rule
                        + ", and the share depends on the weight of " + m.label());
            }
            findings.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISO, Outcome.INSUFFICIENT_DATA, "Alternative " + alternative.label() + " requires "
                    + rule + "; the share depends on the weight of materials the submission does not weigh.", citation,
                    Assessments.labels(unweighed), alternative.label()));
        }
        return Verdict.UNDETERMINED;
    }

    private static BigDecimal share(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, MathContext.DECIMAL64);
    }

}
