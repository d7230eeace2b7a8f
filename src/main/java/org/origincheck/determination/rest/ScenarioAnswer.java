package org.origincheck.determination.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MissingData;
import org.origincheck.domain.evaluation.OriginCriterion;
import org.origincheck.domain.evaluation.Reason;
import org.origincheck.domain.evaluation.RvcEntry;
import org.origincheck.domain.rules.RulePackRef;
import org.origincheck.domain.scenario.Scenario;

/** One scenario's answer beside the determination under the law in force (never stored). */
@Schema(name = "ScenarioAnswer", description = "The answer as if the scenario were law. A scenario is a proposal or stress test, not law.")
public record ScenarioAnswer(
        @Schema(description = "The scenario id (GET /api/v1/scenarios)") String id,
        String title,
        @Schema(description = "PROPOSAL, REPORTED_OR_STAKEHOLDER_PROPOSAL or STRESS_TEST: never law") Scenario.Label label,
        @Schema(description = "The overlay evaluated: the base pack's id, its version with '+scenario.<id>', and the overlay's own digest")
        RulePackRef rulePack,
        DeterminationStatus status,
        OriginCriterion originCriterion,
        List<RvcEntry> regionalValueContent,
        @Schema(description = "SCENARIO_APPLIED first, then every test as under the law, with the scenario's conditions (SCENARIO_CONDITION)")
        List<Reason> reasons,
        List<MissingData> missingData) {

    public static ScenarioAnswer of(Scenario scenario, Evaluation e) {
        return new ScenarioAnswer(scenario.id(), scenario.title(), scenario.label(), e.rulePack(), e.status(), e.originCriterion(),
                e.regionalValueContent(), e.reasons(), e.missingData());
    }
}
