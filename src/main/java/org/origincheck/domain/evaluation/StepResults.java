package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of the law record for the later steps of the same good: the materials that do not plainly undergo the
 * change (for the de minimis), each alternative's tariff-shift and RVC results (for the alternative), each alternative's
 * verdict (for the product-specific rule). The DRL's rules of one step record here and the next step's rules read it, instead
 * of inserting a fact per result and joining or accumulating over them: in a session of 625 goods (a level of issue 15's BOM)
 * each inserted fact and accumulate was built per good (docs/benchmarks.md, branch i15h). A later step reads a complete record
 * because the engine runs the steps' agenda groups in the law's order ({@link LegalStep}), each after the one before has fired
 * every rule; nothing here is read by a rule's conditions, so the rules engine never needs to know it changed. One per good.
 */
public final class StepResults {

    private final List<MaterialShiftResult> materialsNotAllowed = new ArrayList<>();
    private final List<ShiftAssessment> shifts = new ArrayList<>();
    private final List<RvcVerdict> rvcs = new ArrayList<>();
    private final List<Verdict> alternativeVerdicts = new ArrayList<>();

    /** A non-originating material that does not plainly undergo the change an alternative requires (the tariff-shift step). */
    public void materialNotAllowed(MaterialShiftResult result) {
        materialsNotAllowed.add(result);
    }

    /** The materials recorded as not plainly undergoing the change {@code alternative} requires, in the order recorded. */
    public List<MaterialShiftResult> materialsNotAllowed(AlternativeUnderTest alternative) {
        List<MaterialShiftResult> out = new ArrayList<>();
        for (MaterialShiftResult result : materialsNotAllowed) {
            if (result.alternative() == alternative) {
                out.add(result);
            }
        }
        return out;
    }

    /** An alternative's tariff-shift result after the de minimis (the de minimis step). */
    public void shift(ShiftAssessment assessment) {
        shifts.add(assessment);
    }

    /** Every alternative's tariff-shift result, for the parts rule of Art. 4.2(d). */
    public List<ShiftAssessment> shifts() {
        return shifts;
    }

    /** The tariff-shift result of {@code alternative}; the de minimis step records one for every alternative that requires a shift. */
    public Verdict shiftOf(AlternativeUnderTest alternative) {
        for (ShiftAssessment shift : shifts) {
            if (shift.alternative() == alternative) {
                return shift.verdict();
            }
        }
        throw new IllegalStateException("no tariff-shift result recorded for alternative " + alternative.label() + ": the steps ran out of order");
    }

    /** An alternative's regional value content result (the RVC step). */
    public void rvc(RvcVerdict verdict) {
        rvcs.add(verdict);
    }

    /** The RVC result of {@code alternative}; the RVC step records one for every alternative that requires one. */
    public Verdict rvcOf(AlternativeUnderTest alternative) {
        for (RvcVerdict rvc : rvcs) {
            if (rvc.alternative() == alternative) {
                return rvc.verdict();
            }
        }
        throw new IllegalStateException("no regional value content result recorded for alternative " + alternative.label()
                + ": the steps ran out of order");
    }

    /** Whether one alternative of the product-specific rule is met (the alternatives step). */
    public void alternative(Verdict verdict) {
        alternativeVerdicts.add(verdict);
    }

    /** The verdicts of the good's alternatives, for the product-specific rule: met when any one is. */
    public List<Verdict> alternativeVerdicts() {
        return alternativeVerdicts;
    }
}
