package org.origincheck.redetermination;

import org.origincheck.scenario.ScenarioService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.origincheck.api.ApiException;
import org.origincheck.determination.DeterminationService;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.Reason;
import org.origincheck.domain.evaluation.ReasonCode;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.scenario.Scenario;

/**
 * One stored determination under a scenario, for a scenario run: its status under the law in force on the same date and
 * under the scenario (so a change is the scenario's effect, not that of a newer pack or another date), and why it changes:
 * the scenario's reasons that the law's answer does not have.
 */
@ApplicationScoped
public class ScenarioItems {

    private static final int MAX_REASONS = 5;

    private final ScenarioService scenarios;
    private final DeterminationService determinations;
    private final ObjectMapper mapper;

    public ScenarioItems(ScenarioService scenarios, DeterminationService determinations, ObjectMapper mapper) {
        this.scenarios = scenarios;
        this.determinations = determinations;
        this.mapper = mapper;
    }

    /** {@code reasons}: JSON list of {code, outcome, message}. */
    public record Outcome(String lawStatus, String status, String criterion, String chapter, BigDecimal value, String currency, String reasons) {
    }

    public record ReasonView(ReasonCode code, org.origincheck.domain.evaluation.Outcome outcome, String message, List<String> materials) {
    }

    public Outcome evaluate(BillOfMaterials bom, String rulePack, String scenarioId) {
        Scenario scenario = scenarios.find(scenarioId).orElseThrow(() -> ApiException.unprocessable("scenario",
                "scenario '" + scenarioId + "' is no longer loaded"));
        RulePack base = determinations.selectPack(rulePack, bom.asOf());
        scenarios.check(List.of(scenarioId), base);
        Evaluation law = determinations.evaluate(bom, rulePack);
        Evaluation under = scenarios.evaluate(bom, base, scenario);
        Set<String> known = new HashSet<>();
        law.reasons().forEach(r -> known.add(key(r)));
        List<ReasonView> why = under.reasons().stream()
                .filter(r -> r.code() != ReasonCode.SCENARIO_APPLIED && !known.contains(key(r)))
                .filter(r -> r.outcome() != org.origincheck.domain.evaluation.Outcome.INFO)
                .limit(MAX_REASONS).map(r -> new ReasonView(r.code(), r.outcome(), r.message(), r.materials())).toList();
        BigDecimal value = bom.good().transactionValueBasis().or(() -> bom.good().netCostBasis()).orElse(null);
        try {
            return new Outcome(law.status().name(), under.status().name(), under.originCriterion() == null ? null : under.originCriterion().name(),
                    bom.good().hsCode() == null ? null : bom.good().hsCode().chapter(), value, bom.good().currency(), mapper.writeValueAsString(why));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(Reason r) {
        return r.code() + "\u0000" + r.outcome() + "\u0000" + r.message();
    }

    /**
     * After the worker's own update of a chunk: old_status becomes the law's status on the same date, and changed is
     * recomputed against it. {@code results}: the worker's rows, {determinationId, state, status, criterion, error, Outcome}.
     */
    public void record(Connection connection, UUID job, List<Object[]> results) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update redetermination_item set old_status = coalesce(?, old_status), "
                + "changed = (new_status is not null and new_status <> coalesce(?, old_status)), chapter = ?, good_value = ?, currency = ?, reasons = ? "
                + "where job_id = ? and determination_id = ?")) {
            for (Object[] r : results) {
                Outcome o = (Outcome) r[5];
                update.setString(1, o == null ? null : o.lawStatus());
                update.setString(2, o == null ? null : o.lawStatus());
                update.setString(3, o == null ? null : o.chapter());
                update.setBigDecimal(4, o == null ? null : o.value());
                update.setString(5, o == null ? null : o.currency());
                update.setString(6, o == null ? null : o.reasons());
                update.setObject(7, job);
                update.setObject(8, r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
