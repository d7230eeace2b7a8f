package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeterminationApiTest {

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.origincheck.security.TestTokens.actAsSubmitter();
    }

    @Inject
    DataSource dataSource;

    private static String example() throws Exception {
        return Files.readString(Path.of("examples/boiler-bom.json"));
    }

    private static String create(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/determinations")
                .then().statusCode(201).extract().jsonPath().getString("id");
    }

    @Test
    void shouldListNewestFirstWithFiltersAndPages() throws Exception {
        String part = "LIST-" + UUID.randomUUID();
        String originating = example().replace("BLR-8402-11", part);
        String notOriginating = originating.replace("\"value\": 30000.00", "\"value\": 60000.00");
        String first = create(originating);
        String second = create(notOriginating);
        String third = create(originating);

        JsonPath all = given().queryParam("partNumber", part).when().get("/api/v1/determinations").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.id")).containsExactly(third, second, first);
        assertThat(all.getLong("totalItems")).isEqualTo(3);

        JsonPath failing = given().queryParam("partNumber", part).queryParam("status", "NOT_ORIGINATING")
                .when().get("/api/v1/determinations").then().statusCode(200).extract().jsonPath();
        assertThat(failing.getList("items.id")).containsExactly(second);

        JsonPath page = given().queryParam("partNumber", part).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/determinations").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(first);
        assertThat(page.getInt("totalPages")).isEqualTo(2);

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(given().queryParam("partNumber", part).queryParam("from", today).queryParam("to", today)
                .when().get("/api/v1/determinations").then().statusCode(200).extract().jsonPath().getList("items")).hasSize(3);
        assertThat(given().queryParam("partNumber", part).queryParam("to", "2020-01-01")
                .when().get("/api/v1/determinations").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void shouldRejectInvalidListParametersWithAProblem() {
        Response response = given().queryParam("size", 0).when().get("/api/v1/determinations").then().extract().response();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).contains("size");
        assertThat(given().queryParam("status", "PERHAPS").when().get("/api/v1/determinations").then().extract().statusCode())
                .isBetween(400, 404);
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownDetermination() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid")) {
            Response response = given().when().get("/api/v1/determinations/" + id).then().extract().response();
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getString("detail")).contains(id);
        }
    }

    @Test
    void shouldEvaluateWithoutStoring() throws Exception {
        long before = rows();
        JsonPath answer = given().contentType("application/json").body(example()).when().post("/api/v1/evaluations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("status")).isEqualTo("ORIGINATING");
        assertThat(answer.getString("originCriterion")).isEqualTo("B");
        assertThat(answer.getMap("$")).doesNotContainKeys("id", "createdAt");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void shouldDescribeTheLoadedRulePack() throws Exception {
        JsonPath packs = given().when().get("/api/v1/rule-packs").then().statusCode(200).extract().jsonPath();
        assertThat(packs.getString("[0].id")).isEqualTo("usmca");
        assertThat(packs.getString("[0].sha256")).matches("[0-9a-f]{64}");
        assertThat(packs.getString("[0].effectiveFrom")).isEqualTo("2020-07-01");
        assertThat(packs.getList("[0].sourceDocuments.id", String.class)).contains("sor-2020-155", "htsus-gn11");
        assertThat(packs.getList("[0].parameters.name", String.class)).contains("de_minimis.max_share_percent");
        String created = given().contentType("application/json").body(example()).when().post("/api/v1/evaluations")
                .then().extract().jsonPath().getString("rulePack.sha256");
        assertThat(created).isEqualTo(packs.getString("[0].sha256"));
    }

    @Test
    void shouldServeTheProductRuleWithItsTextAndStructure() {
        JsonPath rule = given().queryParam("hsCode", "840211").queryParam("asOf", "2026-07-01")
                .when().get("/api/v1/product-rules").then().statusCode(200).extract().jsonPath();
        assertThat(rule.getString("status")).isEqualTo("FOUND");
        assertThat(rule.getString("rules[0].id")).isEqualTo("GN11o-84-3");
        assertThat(rule.getString("rules[0].text")).startsWith("(A) A change to subheadings 8402.11 through 8402.20");
        assertThat(rule.getString("rules[0].alternatives[1].tariffShift.from[0].provisions[0]")).isEqualTo("8402.90");
        assertThat(rule.getInt("rules[0].alternatives[1].regionalValueContent.transactionValue[0].value")).isEqualTo(60);

        JsonPath needsEndUse = given().queryParam("hsCode", "8708.40").when().get("/api/v1/product-rules").then().statusCode(200).extract().jsonPath();
        assertThat(needsEndUse.getString("status")).isEqualTo("NEEDS_MORE_DATA");
        assertThat(needsEndUse.getString("missingField")).isEqualTo("good.endUse");
        assertThat(needsEndUse.getList("rules.id", String.class))
                .containsExactlyInAnyOrder("SOR13-8708.40-1", "SOR13-8708.40-2", "GN11o-trans-87-8708-40-other");

        assertThat(given().queryParam("hsCode", "8708.40").queryParam("endUse", "HEAVY_TRUCK_OE").queryParam("asOf", "2027-07-01")
                .when().get("/api/v1/product-rules").then().statusCode(200).extract().jsonPath().getString("rules[0].id"))
                .isEqualTo("SOR13-8708.40-2");

        // A rule that states conditions in words lists each question: id, the words of the law, and who answers it.
        JsonPath described = given().queryParam("hsCode", "3206.49").when().get("/api/v1/product-rules").then().statusCode(200).extract().jsonPath();
        assertThat(described.getList("rules[0].questions.id", String.class)).containsExactly(
                "3206.49:pigments-or-preparations-based-on-cadmium-compounds",
                "3206.49:pigments-and-preparations-based-on-hexacyanoferrates-bedff2c6", "3206.49:any-other-good");
        assertThat(described.getList("rules[0].questions.about", String.class)).containsExactly("GOOD", "GOOD", "MATERIAL");
        assertThat(described.getString("rules[0].questions[0].words"))
                .isEqualTo("pigments or preparations based on cadmium compounds of subheading 3206.49");
        assertThat(described.getString("rules[0].alternatives[2].appliesWhen[0].question"))
                .isEqualTo("3206.49:pigments-or-preparations-based-on-cadmium-compounds");
        assertThat(described.getBoolean("rules[0].alternatives[2].appliesWhen[0].answer")).isFalse();

        Response none = given().queryParam("hsCode", "6403.99").when().get("/api/v1/product-rules").then().extract().response();
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");

        Response bad = given().queryParam("hsCode", "84").when().get("/api/v1/product-rules").then().extract().response();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.jsonPath().getString("errors[0].field")).isEqualTo("hsCode");
    }

    @Test
    void shouldRefuseToChangeOrDeleteStoredDeterminationsEvenInTheDatabase() throws Exception {
        String id = create(example());
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update determination set status = 'ORIGINATING' where id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from determination where id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        }
        assertThat(given().when().get("/api/v1/determinations/" + id).then().statusCode(200).extract().jsonPath().getString("id")).isEqualTo(id);
    }

    @Test
    void shouldPublishTheOpenApiDescriptionWithExamplesAndHealth() {
        String openapi = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/api/v1/determinations", "/api/v1/evaluations", "/api/v1/rule-packs", "/api/v1/product-rules",
                "BomSubmission", "Problem", "PO-4411");
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private long rows() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery("select count(*) from determination")) {
            r.next();
            return r.getLong(1);
        }
    }
}
