package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input answers a 4xx problem document that names the field, and nothing is stored.
 */
@QuarkusTest
class BadInputTest {

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.origincheck.security.TestTokens.actAsSubmitter();
    }

    private static final String GOOD = """
            {"hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100}""";

    @Inject
    DataSource dataSource;

    static String bom(String good, String materials) {
        return "{\"asOf\":\"2026-07-01\",\"good\":" + good + ",\"materials\":" + materials + "}";
    }

    static String material(String override) {
        return "[{\"partNumber\":\"M1\",\"hsCode\":\"7208.51\",\"origin\":\"NON_ORIGINATING\",\"value\":10" + override + "}]";
    }

    static Stream<Arguments> badSubmissions() {
        return Stream.of(
                Arguments.of("empty body", "", 400, "$"),
                Arguments.of("not JSON", "this is not json", 400, "$"),
                Arguments.of("JSON array", "[1,2]", 400, "$"),
                Arguments.of("trailing tokens", bom(GOOD, "[]") + " {}", 400, "$"),
                Arguments.of("truncated JSON", bom(GOOD, "[]").substring(0, 40), 400, "good.hsCode"),
                Arguments.of("NaN literal", bom(GOOD.replace("100", "NaN"), "[]"), 400, "good"),
                Arguments.of("unknown field (typo)", bom(GOOD.replace("\"transactionValue\"", "\"transactionvalue\""), "[]"), 400, "good.transactionvalue"),
                Arguments.of("duplicate key", bom(GOOD.replace("\"currency\":\"USD\"", "\"currency\":\"USD\",\"currency\":\"CAD\""), "[]"), 400, "good"),
                Arguments.of("missing good", "{\"materials\":[]}", 400, "good"),
                Arguments.of("good is a string", "{\"good\":\"x\"}", 400, "good"),
                Arguments.of("HS code with letters", bom(GOOD.replace("8402.11", "84AB.11"), "[]"), 400, "good.hsCode"),
                Arguments.of("HS code of 7 digits", bom(GOOD.replace("8402.11", "8402111"), "[]"), 400, "good.hsCode"),
                Arguments.of("HS code of 12 digits", bom(GOOD.replace("8402.11", "840211000000"), "[]"), 400, "good.hsCode"),
                Arguments.of("missing HS code", bom(GOOD.replace("\"hsCode\":\"8402.11\",", ""), "[]"), 400, "good.hsCode"),
                Arguments.of("producer outside USMCA", bom(GOOD.replace("MX", "CN"), "[]"), 400, "good.producerCountry"),
                Arguments.of("lower-case currency", bom(GOOD.replace("USD", "usd"), "[]"), 400, "good.currency"),
                Arguments.of("zero transaction value", bom(GOOD.replace("100", "0"), "[]"), 400, "good.transactionValue"),
                Arguments.of("absurd transaction value", bom(GOOD.replace("100", "1e400"), "[]"), 400, "good.transactionValue"),
                Arguments.of("transaction value as text", bom(GOOD.replace("100", "\"a lot\""), "[]"), 400, "good.transactionValue"),
                Arguments.of("unknown end use", bom(GOOD.replace("}", ",\"endUse\":\"SPACESHIP\"}"), "[]"), 400, "good.endUse"),
                Arguments.of("invalid date", bom(GOOD, "[]").replace("2026-07-01", "2026-02-30"), 400, "asOf"),
                Arguments.of("excluded costs above total", bom(GOOD.replace("}", ",\"costs\":{\"totalCost\":10,\"excludedCosts\":12}}"), "[]"), 400, "good.costs.excludedCosts"),
                Arguments.of("net cost contradicting costs", bom(GOOD.replace("}", ",\"netCost\":9,\"costs\":{\"totalCost\":10,\"excludedCosts\":2}}"), "[]"), 400, "good.netCost"),
                Arguments.of("negative material value", bom(GOOD, material("").replace("\"value\":10", "\"value\":-10")), 400, "materials[0].value"),
                Arguments.of("negative material weight", bom(GOOD, material(",\"weight\":-1")), 400, "materials[0].weight"),
                Arguments.of("zero weight of the good", bom(GOOD.replace("}", ",\"weight\":0}"), "[]"), 400, "good.weight"),
                Arguments.of("material without value", bom(GOOD, material("").replace(",\"value\":10", "")), 400, "materials[0].value"),
                Arguments.of("unknown origin status", bom(GOOD, material("").replace("NON_ORIGINATING", "MAYBE")), 400, "materials[0].origin"),
                Arguments.of("unknown material kind", bom(GOOD, material(",\"kind\":\"GIFT\"")), 400, "materials[0].kind"),
                Arguments.of("material HS code of 4 digits", bom(GOOD, material("").replace("7208.51", "7208")), 400, "materials[0].hsCode"),
                Arguments.of("null material", bom(GOOD, "[null]"), 400, "materials[0]"),
                Arguments.of("materials is an object", bom(GOOD, "{}"), 400, "materials"),
                Arguments.of("unknown rule pack", bom(GOOD, "[]").replace("{\"asOf\"", "{\"rulePack\":\"nafta\",\"asOf\""), 400, "rulePack"),
                Arguments.of("deep nesting", "{\"good\":" + "[".repeat(200) + "]".repeat(200) + "}", 400, "good"),
                Arguments.of("huge description", bom(GOOD.replace("}", ",\"description\":\"" + "x".repeat(2_000_000) + "\"}"), "[]"), 400, "good.description"),
                Arguments.of("date before USMCA", bom(GOOD, "[]").replace("2026-07-01", "2019-12-31"), 422, "asOf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void shouldAnswerAProblemNamingTheFieldAndStoreNothing(String name, String body, int status, String field) throws Exception {
        long before = rows();
        Response response = given().contentType("application/json").body(body)
                .when().post("/api/v1/determinations").then().extract().response();
        assertThat(response.statusCode()).as(name + ": " + response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = response.jsonPath().getList("errors.field");
        assertThat(fields).as(name + ": " + response.asString()).contains(field);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL");
        assertThat(rows()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void shouldRefuseMoreMaterialsThanTheLimit() throws Exception {
        long before = rows();
        String one = "{\"hsCode\":\"7208.51\",\"origin\":\"ORIGINATING\",\"value\":1}";
        String materials = "[" + String.join(",", java.util.Collections.nCopies(50_001, one)) + "]";
        Response response = given().contentType("application/json").body(bom(GOOD, materials))
                .when().post("/api/v1/determinations").then().extract().response();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("errors[0].field")).isEqualTo("materials");
        assertThat(response.jsonPath().getString("errors[0].message")).contains("at most 50000 materials");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void shouldAnswer413ForABodyOverTheLimit() {
        byte[] body = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        Response response = given().contentType("application/json").body(body)
                .when().post("/api/v1/determinations").then().extract().response();
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains("at most 16777216");
    }

    @Test
    void shouldAnswer415ForAnotherMediaType() {
        Response response = given().contentType("text/plain").body("hello")
                .when().post("/api/v1/determinations").then().extract().response();
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void shouldAnswer405ForAnUnsupportedMethod() {
        Response response = given().when().delete("/api/v1/determinations/" + java.util.UUID.randomUUID()).then().extract().response();
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private long rows() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery("select count(*) from determination")) {
            r.next();
            return r.getLong(1);
        }
    }
}
