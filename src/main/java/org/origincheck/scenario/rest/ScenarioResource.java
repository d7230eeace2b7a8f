package org.origincheck.scenario.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.domain.scenario.OriginCap;
import org.origincheck.domain.scenario.Scenario;
import org.origincheck.domain.scenario.ScenarioChange;
import org.origincheck.scenario.ScenarioService;
import org.origincheck.security.Caller;
import org.origincheck.security.Roles;

@Path("/api/v1/scenarios")
@SecurityRequirement(name = "bearer")
@Tag(name = "Scenarios", description = "Proposed or hypothetical changes to the rules of origin (never law), beside the law in force")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR, Roles.ADMIN})
public class ScenarioResource {

    private final ScenarioService scenarios;
    private final Caller caller;

    public ScenarioResource(ScenarioService scenarios, Caller caller) {
        this.scenarios = scenarios;
        this.caller = caller;
    }

    @Schema(name = "Scenario", description = "A scenario pack: an overlay on its base pack. label says what it is; none is law.")
    public record ScenarioView(String id, String title, String basePack, Scenario.Label label, String summary,
                               List<Scenario.ProposalSource> sources, List<Change> changes, List<Condition> conditions, String file,
                               @Schema(description = "SHA-256 of the scenario file") String sha256) {

        static ScenarioView of(Scenario s) {
            return new ScenarioView(s.id(), s.title(), s.basePack(), s.label(), s.summary(), s.sources(),
                    s.changes().stream().map(Change::of).toList(), s.conditions().stream().map(Condition::of).toList(), s.file(), s.digest());
        }
    }

    @Schema(name = "ScenarioChange", description = "kind PARAMETER (name, value), PRODUCT_RULE_RVC (rules, netCost, transactionValue), "
            + "PART_SCHEDULE (schedule, netCost, transactionValue) or WAGE_FLOOR (country, amount in its currency)")
    public record Change(String kind, String description, String name, BigDecimal value, List<String> rules, String schedule,
                         BigDecimal netCost, BigDecimal transactionValue, String country, BigDecimal amount) {

        static Change of(ScenarioChange c) {
            if (c instanceof ScenarioChange.ParameterValue p) {
                return new Change("PARAMETER", p.description(), p.name(), p.value(), null, null, null, null, null, null);
            }
            if (c instanceof ScenarioChange.ProductRuleRvc r) {
                return new Change("PRODUCT_RULE_RVC", r.description(), null, null, r.rules(), null, r.netCost(), r.transactionValue(), null, null);
            }
            if (c instanceof ScenarioChange.PartScheduleRvc s) {
                return new Change("PART_SCHEDULE", s.description(), null, null, null, s.schedule(), s.netCost(), s.transactionValue(), null, null);
            }
            ScenarioChange.WageFloorChange w = (ScenarioChange.WageFloorChange) c;
            return new Change("WAGE_FLOOR", w.description(), null, null, null, null, null, null, w.country(), w.amount());
        }
    }

    @Schema(name = "ScenarioCondition", description = "A cap on the value of non-originating materials of the named origins (and HS provisions, if any)")
    public record Condition(String id, String description, List<String> countries, List<String> materials, BigDecimal maxPercent,
                            List<OriginCap.Basis> percentOf) {

        static Condition of(OriginCap c) {
            return new Condition(c.id(), c.description(), c.countries().stream().sorted().toList(),
                    c.materials().stream().map(Object::toString).toList(), c.maxPercent(), c.percentOf());
        }
    }

    @GET
    @Operation(operationId = "listScenarios", summary = "The scenario packs loaded: id, title, base pack, label (never law), what each changes, and the source of the proposal",
            description = "Name them in a submission's scenarios[] (POST /api/v1/evaluations or /determinations) to see each one's answer beside the "
                    + "law in force, or run one over the stored determinations with POST /api/v1/scenario-runs. Format: docs/scenarios.md.")
    public List<ScenarioView> list() {
        caller.tenant();
        return scenarios.all().stream().map(ScenarioView::of).toList();
    }
}
