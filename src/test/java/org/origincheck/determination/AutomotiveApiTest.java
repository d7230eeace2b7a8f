package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The automotive facts over the API: the documented vehicle example, core parts given as stored
 * determinations, and the automotive input errors, each a problem naming its field.
 */
@QuarkusTest
class AutomotiveApiTest {

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.origincheck.security.TestTokens.actAsSubmitter();
    }

    private static String vehicleExample() throws IOException {
        return Files.readString(Path.of("examples/passenger-vehicle-bom.json"));
    }

    private static String suspension(int nonOriginatingValue) {
        return """
                {"asOf":"2026-07-01","good":{"partNumber":"SUSP-1","hsCode":"8708.80","endUse":"PASSENGER_VEHICLE_OE","producerCountry":"MX",
                 "currency":"USD","netCost":1000},
                 "materials":[{"partNumber":"SHOCKS","hsCode":"8708.80","origin":"NON_ORIGINATING","value":%d}]}""".formatted(nonOriginatingValue);
    }

    @Test
    void shouldDetermineTheDocumentedVehicleExampleWithEveryAutomotiveTest() throws IOException {
        JsonPath answer = given().contentType("application/json").body(vehicleExample())
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("status")).isEqualTo("ORIGINATING");
        assertThat(answer.getString("automotive.vehicleClass")).isEqualTo("PASSENGER_VEHICLE");
        assertThat(answer.getString("automotive.coreParts.outcome")).isEqualTo("PASS");
        assertThat(answer.getDouble("automotive.coreParts.tracedIntoVehicleVnm")).isEqualTo(1140.0);
        assertThat(answer.getString("automotive.steelAndAluminum.outcome")).isEqualTo("PASS");
        assertThat(answer.getDouble("automotive.laborValueContent.total")).isEqualTo(52.5);
        assertThat(answer.getDouble("automotive.laborValueContent.plants[1].averageBaseHourlyWage")).isEqualTo(320.0);
        List<String> codes = answer.getList("reasons.code");
        assertThat(codes).contains("AUTOMOTIVE_CLASSIFICATION", "CORE_PARTS", "CORE_PARTS_ROLL_UP", "STEEL_AND_ALUMINUM", "LABOR_VALUE_CONTENT");
    }

    @Test
    void shouldAcceptACorePartAsAStoredDeterminationOfThatPart() throws IOException {
        String passing = given().contentType("application/json").body(suspension(200))
                .when().post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        String failing = given().contentType("application/json").body(suspension(300))
                .when().post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        // The part's schedule and threshold are kept as columns of its row, the same as in its answer (issue 12).
        JsonPath passingAnswer = given().get("/api/v1/determinations/" + passing).then().statusCode(200).extract().jsonPath();
        DeterminationRecord row = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> DeterminationRecord.<DeterminationRecord>findById(java.util.UUID.fromString(passing)));
        assertThat(row.partSchedule).isNotNull().isEqualTo(passingAnswer.getString("automotive.thresholds.schedule"));
        assertThat(row.partNetCostThreshold).isEqualByComparingTo(passingAnswer.getString("automotive.thresholds.netCost"));
        // A non-originating result waits for review; until an officer settles it, it is not relied on.
        JsonPath pending = given().contentType("application/json").body(withSuspension(failing))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
        assertThat(pending.getString("status")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(pending.getList("missingData.field", String.class)).contains("automotive.coreParts.parts[4].determinationId");
        org.origincheck.security.TestTokens.anonymous();
        given().header("Authorization", "Bearer " + org.origincheck.security.TestTokens.token(org.origincheck.security.TestTokens.TENANT,
                        org.origincheck.security.Roles.REVIEWER)).contentType("application/json").body("{\"action\":\"APPROVE\"}")
                .post("/api/v1/determinations/" + failing + "/review-actions").then().statusCode(200);
        org.origincheck.security.TestTokens.actAsSubmitter();

        JsonPath withOriginating = given().contentType("application/json").body(withSuspension(passing))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
        assertThat(withOriginating.getString("status")).isEqualTo("ORIGINATING");
        assertThat(withOriginating.getString("automotive.coreParts.parts[4].determinationId")).isEqualTo(passing);
        assertThat(withOriginating.getString("automotive.coreParts.parts[4].outcome")).isEqualTo("PASS");

        JsonPath withNonOriginating = given().contentType("application/json").body(withSuspension(failing))
                .when().post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
        assertThat(withNonOriginating.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(withNonOriginating.getString("automotive.coreParts.parts[4].outcome")).isEqualTo("FAIL");
    }

    private static String withSuspension(String determinationId) throws IOException {
        return vehicleExample().replace(
                "{ \"category\": \"SUSPENSION_SYSTEM\", \"partNumber\": \"SUSP-IH\", \"netCost\": 1200.00, \"valueOfNonOriginatingMaterials\": 240.00 }",
                "{ \"category\": \"SUSPENSION_SYSTEM\", \"partNumber\": \"SUSP-1\", \"determinationId\": \"%s\" }".formatted(determinationId));
    }

    static Stream<Arguments> badAutomotiveInput() throws IOException {
        String example = vehicleExample();
        return Stream.of(
                Arguments.of("unknown stored determination", example.replace("\"partNumber\": \"BODY-1\", \"netCost\": 2900.00, \"valueOfNonOriginatingMaterials\": 0.00",
                        "\"partNumber\": \"BODY-1\", \"determinationId\": \"00000000-0000-0000-0000-000000000000\""), "automotive.coreParts.parts[2].determinationId"),
                Arguments.of("unknown core part category", example.replace("\"BODY_AND_CHASSIS\"", "\"WHEELS\""), "automotive.coreParts.parts[2].category"),
                Arguments.of("negative part VNM", example.replace("\"valueOfNonOriginatingMaterials\": 760.00", "\"valueOfNonOriginatingMaterials\": -1"),
                        "automotive.coreParts.parts[0].valueOfNonOriginatingMaterials"),
                Arguments.of("table that does not exist", example.replace("\"coreParts\": {", "\"declaredTables\": [\"Z\"], \"coreParts\": {"), "automotive.declaredTables[0]"),
                Arguments.of("purchase without HS code", example.replace("\"hsCode\": \"7208.39\", \"value\": 200000.00", "\"value\": 200000.00"),
                        "automotive.steelAndAluminum.purchases[1].hsCode"),
                Arguments.of("purchase without origin", example.replace("\"value\": 200000.00, \"originating\": false", "\"value\": 200000.00"),
                        "automotive.steelAndAluminum.purchases[1].originating"),
                Arguments.of("period ending before it begins", example.replace("\"periodTo\": \"2025-12-31\"", "\"periodTo\": \"2024-12-31\""),
                        "automotive.steelAndAluminum.periodTo"),
                Arguments.of("plant outside USMCA", example.replace("\"country\": \"US\"", "\"country\": \"DE\""), "automotive.laborValueContent.plants[0].country"),
                Arguments.of("plant listed twice", example.replace("\"id\": \"ENG-MX\"", "\"id\": \"ASSY-US\""), "automotive.laborValueContent.plants[1].id"),
                Arguments.of("plant without wage data", example.replace("\"averageBaseHourlyWage\": 28.00", "\"note\": 1").replace(", \"note\": 1", ""),
                        "automotive.laborValueContent.plants[0]"),
                Arguments.of("wage given both ways", example.replace("\"averageBaseHourlyWage\": 28.00", "\"averageBaseHourlyWage\": 28.00, \"baseWages\": 100, \"directProductionHours\": 4"),
                        "automotive.laborValueContent.plants[0]"),
                Arguments.of("assembly plant without wage data", example.replace("\"assemblyPlant\": { \"plantId\": \"ENG-MX\"", "\"assemblyPlant\": { \"plantId\": \"ENG-CA\""),
                        "automotive.laborValueContent.assemblyPlant.plantId"),
                Arguments.of("negative capacity", example.replace("\"engineCapacity\": 150000", "\"engineCapacity\": -5"),
                        "automotive.laborValueContent.assemblyPlant.engineCapacity"),
                Arguments.of("unknown roll-up option", example.replace("\"coreParts\": {", "\"corePartsRollUp\": \"SOMETIMES\", \"coreParts\": {"), "automotive.corePartsRollUp"),
                Arguments.of("unknown vehicle body type", example.replace("\"bodyType\": \"STANDARD\"", "\"bodyType\": \"LIMOUSINE\""), "good.vehicle.bodyType"),
                Arguments.of("zero passenger capacity", example.replace("\"bodyType\": \"STANDARD\"", "\"bodyType\": \"STANDARD\", \"passengerCapacity\": 0"),
                        "good.vehicle.passengerCapacity"),
                Arguments.of("unknown automotive field", example.replace("\"coreParts\": {", "\"coreparts\": {}, \"coreParts\": {"), "automotive.coreparts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAutomotiveInput")
    void shouldAnswerAProblemNamingTheAutomotiveField(String why, String body, String field) {
        JsonPath problem = given().contentType("application/json").body(body)
                .when().post("/api/v1/determinations").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).as(why).contains(field);
        // Wage and cost figures are commercially sensitive: a problem names the field, never echoes the figure.
        assertThat(problem.prettify()).doesNotContain("3200000").doesNotContain("28.00").doesNotContain("50000000");
    }

    @Test
    void shouldDocumentTheVehicleExampleInOpenApi() {
        String document = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(document).contains("\"Automotive\"", "\"LaborValueContent\"", "\"CoreParts\"", "passenger vehicle with core parts");
    }
}
