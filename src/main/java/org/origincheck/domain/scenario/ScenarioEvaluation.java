package org.origincheck.domain.scenario;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MissingData;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.evaluation.Outcome;
import org.origincheck.domain.evaluation.Reason;
import org.origincheck.domain.evaluation.ReasonCode;
import org.origincheck.domain.rules.RulePack;

/**
 * Evaluates a bill of materials as if a scenario were the law: the same engine on the scenario's overlay of the pack in
 * force, then the scenario's own conditions. A condition the good definitely fails makes it NOT_ORIGINATING whatever
 * else is missing (it is one more requirement); one that depends on a fact the submission lacks makes an originating
 * good INSUFFICIENT_DATA, asking for that fact. The first reason always says that the answer is a scenario's, not the law's.
 */
public final class ScenarioEvaluation {

    private ScenarioEvaluation() {
    }

    public static Evaluation evaluate(OriginEngine engine, BillOfMaterials bom, RulePack overlay, Scenario scenario) {
        Evaluation e = MultiLevelEvaluation.evaluate(engine, bom, overlay).evaluation();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason(ReasonCode.SCENARIO_APPLIED, Outcome.INFO, "Evaluated under scenario " + scenario.id() + " (\"" + scenario.title()
                + "\"), " + labelText(scenario.label()) + ", not the law in force: " + scenario.summary(), citation(scenario), List.of(), null));
        reasons.addAll(e.reasons());
        List<MissingData> missing = new ArrayList<>(e.missingData());
        DeterminationStatus status = e.status();
        boolean failed = false, undetermined = false;
        for (OriginCap cap : scenario.conditions()) {
            OriginCap.Outcome outcome = cap.test(bom);
            Outcome reasonOutcome = switch (outcome.result()) {
                case PASS -> Outcome.PASS;
                case FAIL -> Outcome.FAIL;
                case UNDETERMINED -> Outcome.INSUFFICIENT_DATA;
            };
            reasons.add(new Reason(ReasonCode.SCENARIO_CONDITION, reasonOutcome, cap.description() + ": " + outcome.message(), citation(scenario),
                    outcome.materials(), null));
            if (outcome.result() == OriginCap.Result.FAIL) {
                failed = true;
            } else if (outcome.result() == OriginCap.Result.UNDETERMINED) {
                undetermined = true;
                for (String field : outcome.undecidedFields()) {
                    missing.add(new MissingData(field, "decides condition " + cap.id() + " of scenario " + scenario.id() + ": " + cap.description()));
                }
            }
        }
        if (failed) {
            status = DeterminationStatus.NOT_ORIGINATING;
        } else if (undetermined && status == DeterminationStatus.ORIGINATING) {
            status = DeterminationStatus.INSUFFICIENT_DATA;
        }
        // Facts only matter while the answer depends on them: a failed condition decides the good, whatever else is missing.
        List<MissingData> asked = status == DeterminationStatus.INSUFFICIENT_DATA ? missing : failed ? List.of() : e.missingData();
        return new Evaluation(e.reference(), e.asOf(), overlay.ref(), status, status == DeterminationStatus.ORIGINATING ? e.originCriterion() : null,
                e.productRule(), e.regionalValueContent(), reasons, asked,
                e.automotive(), e.provisional());
    }

    private static String labelText(Scenario.Label label) {
        return switch (label) {
            case PROPOSAL -> "a proposal";
            case REPORTED_OR_STAKEHOLDER_PROPOSAL -> "a reported or stakeholder proposal";
            case STRESS_TEST -> "a stress test";
        };
    }

    /** A scenario is no law to cite: the citation names it and says so; its file and the proposal's sources are in GET /api/v1/scenarios. */
    private static String citation(Scenario scenario) {
        return "Scenario " + scenario.id() + " (" + labelText(scenario.label()) + ", not law)";
    }
}
