package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.ShiftOutcome;

/**
 * The plain-Java reference: the same legal tests as the Drools rules, applied in straight-line code.
 * It is the oracle the engine is checked against (property tests) and the baseline it is measured
 * against (benchmarks) and the golden cases' second opinion; it lives with the tests because the service runs
 * only the Drools rules.
 */
public final class ReferenceOriginEngine implements OriginEngine {

    @Override
    public Evaluation evaluate(BillOfMaterials bom, RulePack pack) {
        EvaluationSubject subject = new EvaluationSubject(bom, pack);
        Findings findings = new Findings();
        Assessments.preliminaries(subject, findings);

        List<Material> shiftTested = new ArrayList<>();
        List<Material> preventingC = new ArrayList<>();
        for (Material material : bom.materials()) {
            if (material.subjectToTariffShift()) {
                shiftTested.add(material);
            }
            if (material.preventsExclusivelyOriginating()) {
                preventingC.add(material);
            }
        }
        findings.criterion(OriginCriterion.A, Assessments.whollyObtained(subject, shiftTested, findings));
        findings.criterion(OriginCriterion.C, Assessments.exclusivelyOriginating(subject, preventingC, findings));

        if (subject.hasProductRule()) {
            ProductRule rule = subject.rule().get();
            List<ShiftAssessment> shifts = new ArrayList<>();
            List<Verdict> alternatives = new ArrayList<>();
            for (AlternativeUnderTest alternative : AlternativeUnderTest.of(rule, bom.good().hsCode(), shiftTested)) {
                Verdict shift = Verdict.MET;
                if (alternative.requiresTariffShift()) {
                    List<MaterialShiftResult> notAllowed = new ArrayList<>();
                    for (Material material : shiftTested) {
                        ShiftOutcome outcome = alternative.shiftOf(material);
                        if (outcome != ShiftOutcome.ALLOWED) {
                            notAllowed.add(new MaterialShiftResult(alternative, material, outcome));
                        }
                    }
                    ShiftAssessment assessment = Assessments.tariffShift(subject, alternative, notAllowed, findings);
                    shifts.add(assessment);
                    shift = assessment.verdict();
                }
                Verdict rvc = alternative.requiresRegionalValueContent()
                        ? Assessments.regionalValueContent(subject, alternative, findings)
                        : Verdict.MET;
                alternatives.add(Assessments.alternative(subject, alternative, shift, rvc, findings));
            }
            Verdict productRule = Assessments.productRule(Verdict.anyOf(alternatives), rule, findings);
            if (productRule != Verdict.MET) {
                Assessments.partsRule(subject, shifts, findings);
            }
        }
        AutomotiveAssessments.vehicleRequirements(subject, findings);
        return findings.conclude(subject);
    }
}
