package org.origincheck.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.scenario.Scenario;
import org.origincheck.rulepack.ScenarioRegistry;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Scenario packs over HTTP: the list, a submission's scenarios[] beside the law's answer (never stored), the 400 for an
 * unknown id with nothing stored, a cap that depends on a missing country of origin, and a scenario run over a tenant's
 * stored determinations (summary, changes as JSON and CSV, roles and tenant isolation).
 */
@QuarkusTest
class ScenarioApiTest {

    private final String tenant = "scen-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    private RequestSpecification as(String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(tenant, roles));
    }

    /** Aluminium powder of 76.03 with non-originating scrap of 76.02 worth {@code scrap}% of a transaction value of 100 (SOR s.5 Example 1). */
    private static String powder(String partNumber, String scrapCountry, String scrap, String scenarios) {
        return """
                {"asOf":"2026-07-01",%s"good":{"partNumber":"%s","hsCode":"7603.10","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"SCRAP","hsCode":"7602.00","origin":"NON_ORIGINATING"%s,"value":%s},
                              {"partNumber":"INGOT","hsCode":"7601.10","origin":"ORIGINATING","value":50}]}"""
                .formatted(scenarios == null ? "" : "\"scenarios\":" + scenarios + ",", partNumber,
                        scrapCountry == null ? "" : ",\"countryOfOrigin\":\"" + scrapCountry + "\"", scrap);
    }

    @Test
    void shouldListTheScenariosEachLabelledAndSourcedNoneAsLaw() {
        TestTokens.anonymous();
        given().get("/api/v1/scenarios").then().statusCode(401);
        JsonPath list = as(Roles.AUDITOR).get("/api/v1/scenarios").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("id", String.class)).contains("auto-rvc-85", "lvc-wage-floor-higher", "cn-aluminum-zero", "cn-content-cap-10", "de-minimis-15");
        assertThat(list.getList("label", String.class)).isSubsetOf("PROPOSAL", "REPORTED_OR_STAKEHOLDER_PROPOSAL", "STRESS_TEST");
        assertThat(list.getList("basePack", String.class)).containsOnly("usmca");
        assertThat(list.getList("sources.source.flatten()", String.class)).allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(list.getString("find { it.id == 'auto-rvc-85' }.changes.find { it.kind == 'PART_SCHEDULE' }.schedule")).isEqualTo("CORE_PART");
        assertThat(list.getString("find { it.id == 'cn-aluminum-zero' }.conditions[0].materials[0]")).isEqualTo("76");
    }

    @Test
    void shouldAnswerEachScenarioBesideTheLawWithoutStoringIt() {
        String body = powder("P-ALU", "CN", "8", "[\"cn-aluminum-zero\",\"de-minimis-15\"]");
        JsonPath created = as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations")
                .then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("status")).isEqualTo("ORIGINATING");
        assertThat(created.getString("scenarios[0].id")).isEqualTo("cn-aluminum-zero");
        assertThat(created.getString("scenarios[0].status")).isEqualTo("NOT_ORIGINATING");
        assertThat(created.getString("scenarios[0].rulePack.version")).endsWith("+scenario.cn-aluminum-zero");
        assertThat(created.getString("scenarios[0].rulePack.sha256")).isNotEqualTo(created.getString("rulePack.sha256"));
        assertThat(created.getString("scenarios[0].reasons[0].code")).isEqualTo("SCENARIO_APPLIED");
        assertThat(created.getString("scenarios[1].status")).isEqualTo("ORIGINATING");
        String fetched = as(Roles.AUDITOR).get("/api/v1/determinations/" + created.getString("id")).then().statusCode(200).extract().asString();
        assertThat(fetched).as("the stored determination is the law's only").doesNotContain("scenario");

        JsonPath evaluated = as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/evaluations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(evaluated.getList("scenarios.status", String.class)).containsExactly("NOT_ORIGINATING", "ORIGINATING");
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations?size=200").then().extract().jsonPath().getInt("totalItems")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownScenarioNamingItAndStoreNothing() {
        as(Roles.SUBMITTER).contentType("application/json").body(powder("P-X", "CN", "8", "[\"de-minimis-15\",\"no-such-scenario\"]"))
                .post("/api/v1/determinations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scenarios[1]"));
        as(Roles.SUBMITTER).contentType("application/json").body(powder("P-X", "CN", "8", "[\"no-such-scenario\"]"))
                .post("/api/v1/evaluations").then().statusCode(400).body("errors[0].field", equalTo("scenarios[0]"));
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations").then().extract().jsonPath().getInt("totalItems")).as("nothing stored").isZero();
    }

    @Inject
    ScenarioRegistry registry;

    @Inject
    OriginEngine engine;

    /**
     * Issue 18: the scenarios' answers are computed before the determination is stored. A scenario whose evaluation fails
     * (here made to fail on purpose) answers a problem and leaves nothing stored, not even the Idempotency-Key; before, the
     * determination was stored first and the request then failed with a 500, so a retry stored a second one.
     */
    @Test
    void shouldStoreNothingWhenAScenarioFailsToEvaluate() {
        QuarkusMock.installMockForType(new ScenarioService(registry, engine) {
            @Override
            public Evaluation evaluate(BillOfMaterials bom, RulePack base, Scenario scenario) {
                throw new IllegalStateException("scenario evaluation failed on purpose");
            }
        }, ScenarioService.class);
        as(Roles.SUBMITTER).contentType("application/json").header("Idempotency-Key", "scenario-fails-" + tenant)
                .body(powder("P-FAIL", "CN", "8", "[\"cn-aluminum-zero\"]"))
                .post("/api/v1/determinations")
                .then().statusCode(500).contentType("application/problem+json");
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations").then().extract().jsonPath().getInt("totalItems")).as("nothing stored").isZero();
        // Without scenarios the same submission is stored: the failure was the scenario's alone, and the key was not taken.
        as(Roles.SUBMITTER).contentType("application/json").header("Idempotency-Key", "scenario-fails-" + tenant)
                .body(powder("P-FAIL", "CN", "8", null))
                .post("/api/v1/determinations").then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations").then().extract().jsonPath().getInt("totalItems")).isEqualTo(1);
    }

    @Test
    void shouldAskForTheCountryOfOriginOnlyWhenTheCapDependsOnIt() {
        JsonPath unknown = as(Roles.SUBMITTER).contentType("application/json").body(powder("P-U", null, "8", "[\"cn-aluminum-zero\"]"))
                .post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
        assertThat(unknown.getString("status")).isEqualTo("ORIGINATING");
        assertThat(unknown.getString("scenarios[0].status")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(unknown.getList("scenarios[0].missingData.field", String.class)).containsExactly("materials[0].countryOfOrigin");
        JsonPath regional = as(Roles.SUBMITTER).contentType("application/json").body(powder("P-U", "DE", "8", "[\"cn-aluminum-zero\"]"))
                .post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
        assertThat(regional.getString("scenarios[0].status")).isEqualTo("ORIGINATING");
        assertThat(regional.getList("scenarios[0].missingData")).isEmpty();
    }

    @Test
    void shouldRunAScenarioOverTheStoredDeterminationsAndListWhatChanges() throws Exception {
        String chinese = as(Roles.SUBMITTER).contentType("application/json").body(powder("P-CN", "CN", "8", null))
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        as(Roles.SUBMITTER).contentType("application/json").body(powder("P-DE", "DE", "8", null))
                .post("/api/v1/determinations").then().statusCode(201);
        // An older determination of the same part number is left out by default: the portfolio counts each part once.
        as(Roles.SUBMITTER).contentType("application/json").body(powder("P-DE", "CN", "8", null))
                .post("/api/v1/determinations").then().statusCode(201);
        as(Roles.SUBMITTER).contentType("application/json").body(powder("P-DE", "DE", "8", null))
                .post("/api/v1/determinations").then().statusCode(201);

        as(Roles.SUBMITTER).contentType("application/json").body("{\"scenario\":\"cn-aluminum-zero\"}").post("/api/v1/scenario-runs").then().statusCode(403);
        as(Roles.ADMIN).contentType("application/json").body("{\"scenario\":\"nope\"}").post("/api/v1/scenario-runs")
                .then().statusCode(400).body("errors[0].field", equalTo("scenario"));
        var started = as(Roles.REVIEWER).contentType("application/json").body("{\"scenario\":\"cn-aluminum-zero\",\"filter\":{\"hsCode\":\"76\"}}")
                .post("/api/v1/scenario-runs").then().statusCode(202).extract();
        String run = started.path("id");
        assertThat(started.header("Location")).endsWith("/api/v1/scenario-runs/" + run);
        JsonPath progress = null;
        for (int i = 0; i < 300; i++) {
            progress = as(Roles.AUDITOR).get("/api/v1/scenario-runs/" + run).then().statusCode(200).extract().jsonPath();
            if ("DONE".equals(progress.getString("state"))) break;
            Thread.sleep(100);
        }
        assertThat(progress.getString("state")).isEqualTo("DONE");
        assertThat(progress.getInt("total")).isEqualTo(2);
        assertThat(progress.getLong("failed")).isZero();
        assertThat(progress.getLong("changed")).isEqualTo(1);
        assertThat(progress.getString("summary.byStatusChange[0].from")).isEqualTo("ORIGINATING");
        assertThat(progress.getString("summary.byStatusChange[0].to")).isEqualTo("NOT_ORIGINATING");
        assertThat(progress.getString("summary.byChapter[0].chapter")).isEqualTo("76");
        assertThat(progress.getLong("summary.byChapter[0].stopQualifying")).isEqualTo(1);
        assertThat(progress.getDouble("summary.byValue[0].valueStopQualifying")).isEqualTo(100.0);

        JsonPath changes = as(Roles.REVIEWER).get("/api/v1/scenario-runs/" + run + "/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("items.determinationId", String.class)).containsExactly(chinese);
        assertThat(changes.getString("items[0].lawStatus")).isEqualTo("ORIGINATING");
        assertThat(changes.getString("items[0].scenarioStatus")).isEqualTo("NOT_ORIGINATING");
        assertThat(changes.getList("items[0].reasons.code", String.class)).containsExactly("SCENARIO_CONDITION");
        String csv = as(Roles.AUDITOR).accept("text/csv").get("/api/v1/scenario-runs/" + run + "/changes").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).startsWith(chinese + ",\"P-CN\",760310,\"76\",100").contains("SCENARIO_CONDITION FAIL");

        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations/" + chinese).then().extract().<String>path("status")).as("original untouched").isEqualTo("ORIGINATING");
        given().header("Authorization", "Bearer " + TestTokens.token("someone-else", Roles.ADMIN)).get("/api/v1/scenario-runs/" + run).then().statusCode(404);
        // A scenario run is not a re-determination.
        as(Roles.ADMIN).get("/api/v1/redeterminations/" + run).then().statusCode(404);
    }
}
