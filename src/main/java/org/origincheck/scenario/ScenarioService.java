package org.origincheck.scenario;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.scenario.Scenario;
import org.origincheck.domain.scenario.ScenarioEvaluation;
import org.origincheck.rulepack.ScenarioRegistry;

/** Evaluates bills of materials under scenario packs, beside (never instead of) the law in force. Stores nothing. */
@ApplicationScoped
public class ScenarioService {

    private final ScenarioRegistry registry;
    private final OriginEngine engine;

    public ScenarioService(ScenarioRegistry registry, OriginEngine engine) {
        this.registry = registry;
        this.engine = engine;
    }

    public List<Scenario> all() {
        return registry.all();
    }

    public Optional<Scenario> find(String id) {
        return registry.find(id);
    }

    /**
     * The scenarios named, each checked against the pack the submission is evaluated under; every unknown or inapplicable id
     * is a 400 naming {@code scenarios[i]}. Called before anything is stored.
     */
    public List<Scenario> check(List<String> ids, RulePack base) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Scenario> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Optional<Scenario> scenario = registry.find(id);
            if (scenario.isEmpty()) {
                errors.add(new Problem.FieldError("scenarios[" + i + "]", "no scenario with this id is loaded; see GET /api/v1/scenarios"));
            } else if (!scenario.get().basePack().equals(base.id())) {
                errors.add(new Problem.FieldError("scenarios[" + i + "]", "applies to rule pack '" + scenario.get().basePack()
                        + "', not '" + base.id() + "' under which the submission is evaluated"));
            } else if (found.contains(scenario.get())) {
                errors.add(new Problem.FieldError("scenarios[" + i + "]", "is named twice"));
            } else {
                found.add(scenario.get());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return found;
    }

    /** The scenario's overlay on this version of its base pack (its version and digest identify a scenario run's rules). */
    public RulePack overlay(Scenario scenario, RulePack base) {
        return registry.overlay(scenario, base);
    }

    /** The bill of materials as if the scenario were law on its asOf, under the given version of the scenario's base pack. */
    public Evaluation evaluate(BillOfMaterials bom, RulePack base, Scenario scenario) {
        return ScenarioEvaluation.evaluate(engine, bom, registry.overlay(scenario, base), scenario);
    }
}
