package org.origincheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.origincheck.config.DevSigningKeyConfigSourceFactory;

/**
 * Every endpoint x every role x own and other tenant: who may do what, and that another tenant's data
 * is not found (404), never merely forbidden (which would confirm it exists).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String BOM = """
            {"asOf":"2026-07-01","good":{"partNumber":"MATRIX-1","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
             "materials":[{"partNumber":"M1","hsCode":"7208.51","origin":"NON_ORIGINATING","value":10}]}""";
    private static final String CSV = "partNumber,hsCode,origin,value\nM1,7208.51,NON_ORIGINATING,10\n";
    private static final String CSV_QUERY = "?asOf=2026-07-01&partNumber=MATRIX-CSV&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100";

    /** The callers: each role alone in tenant A, and no token at all. */
    private static final List<String> CALLERS = List.of("submitter", "reviewer", "auditor", "admin", "anonymous");

    private static String ownId;
    private static String otherTenantId;
    private static String ownCertification;
    private static String otherCertification;
    private static final String CERTIFY = """
            {"certifierRole":"EXPORTER","certifier":{"name":"Exporter SA","title":"Export manager","address":"Monterrey, MX","telephone":"+52 81 5555 0100","email":"x@example.com"},
             "exporterStatement":"SAME_AS_CERTIFIER","producerStatement":"VARIOUS","importerStatement":"UNKNOWN","description":"Watertube boiler","signatory":"A. Officer"}""";

    @org.junit.jupiter.api.BeforeEach
    void storeOneDeterminationPerTenant() {
        TestTokens.anonymous();
        if (ownId != null) {
            return;
        }
        ownId = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER))
                .contentType("application/json").body(BOM).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        otherTenantId = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.SUBMITTER))
                .contentType("application/json").body(BOM).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        ownCertification = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.REVIEWER))
                .contentType("application/json").body(CERTIFY).post("/api/v1/determinations/" + ownId + "/certifications").then().statusCode(201).extract().path("id");
        otherCertification = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.REVIEWER))
                .contentType("application/json").body(CERTIFY).post("/api/v1/determinations/" + otherTenantId + "/certifications").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void reset() {
        TestTokens.anonymous();
    }

    private static RequestSpecification as(String caller) {
        RequestSpecification request = given();
        return caller.equals("anonymous") ? request : request.header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, caller));
    }

    /** endpoint name, request, and the expected status for submitter, reviewer, auditor, admin, anonymous. */
    static Stream<Arguments> matrix() {
        Map<String, Function<RequestSpecification, Response>> endpoints = new java.util.LinkedHashMap<>();
        Map<String, int[]> expected = new java.util.LinkedHashMap<>();
        endpoints.put("POST /api/v1/determinations (JSON)", r -> r.contentType("application/json").body(BOM).post("/api/v1/determinations"));
        expected.put("POST /api/v1/determinations (JSON)", new int[] {201, 403, 403, 403, 401});
        endpoints.put("POST /api/v1/determination-batches", r -> r.contentType("application/x-ndjson")
                .body(BOM.replace("\n", " ").getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/determination-batches"));
        expected.put("POST /api/v1/determination-batches", new int[] {200, 403, 403, 403, 401});
        endpoints.put("POST /api/v1/determinations (CSV)", r -> r.contentType("text/csv").body(CSV).post("/api/v1/determinations" + CSV_QUERY));
        expected.put("POST /api/v1/determinations (CSV)", new int[] {201, 403, 403, 403, 401});
        endpoints.put("GET /api/v1/determinations/{own}", r -> r.get("/api/v1/determinations/" + ownId));
        expected.put("GET /api/v1/determinations/{own}", new int[] {200, 200, 200, 403, 401});
        endpoints.put("GET /api/v1/determinations/{other tenant's}", r -> r.get("/api/v1/determinations/" + otherTenantId));
        expected.put("GET /api/v1/determinations/{other tenant's}", new int[] {404, 404, 404, 403, 401});
        endpoints.put("GET /api/v1/determinations", r -> r.get("/api/v1/determinations"));
        expected.put("GET /api/v1/determinations", new int[] {200, 200, 200, 403, 401});
        endpoints.put("POST /api/v1/evaluations", r -> r.contentType("application/json").body(BOM).post("/api/v1/evaluations"));
        expected.put("POST /api/v1/evaluations", new int[] {200, 403, 403, 403, 401});
        endpoints.put("GET /api/v1/determinations/{own}/review", r -> r.get("/api/v1/determinations/" + ownId + "/review"));
        expected.put("GET /api/v1/determinations/{own}/review", new int[] {200, 200, 200, 403, 401});
        endpoints.put("GET /api/v1/determinations/{other tenant's}/review", r -> r.get("/api/v1/determinations/" + otherTenantId + "/review"));
        expected.put("GET /api/v1/determinations/{other tenant's}/review", new int[] {404, 404, 404, 403, 401});
        endpoints.put("POST /api/v1/determinations/{own}/review-actions", r -> r.contentType("application/json")
                .body("{\"action\":\"COMMENT\",\"justification\":\"matrix\"}").post("/api/v1/determinations/" + ownId + "/review-actions"));
        expected.put("POST /api/v1/determinations/{own}/review-actions", new int[] {403, 200, 403, 403, 401});
        endpoints.put("POST /api/v1/determinations/{other tenant's}/review-actions", r -> r.contentType("application/json")
                .body("{\"action\":\"COMMENT\",\"justification\":\"matrix\"}").post("/api/v1/determinations/" + otherTenantId + "/review-actions"));
        expected.put("POST /api/v1/determinations/{other tenant's}/review-actions", new int[] {403, 404, 403, 403, 401});
        endpoints.put("GET /api/v1/determinations/{own}/review/timeline.csv", r -> r.get("/api/v1/determinations/" + ownId + "/review/timeline.csv"));
        expected.put("GET /api/v1/determinations/{own}/review/timeline.csv", new int[] {403, 200, 200, 403, 401});
        endpoints.put("GET /api/v1/review-queue", r -> r.get("/api/v1/review-queue"));
        expected.put("GET /api/v1/review-queue", new int[] {403, 200, 200, 403, 401});
        // Another certifier role than the one issued before each test, so that it is not refused as a duplicate.
        endpoints.put("POST /api/v1/determinations/{own}/certifications", r -> r.contentType("application/json").body(CERTIFY.replace("\"EXPORTER\"", "\"IMPORTER\""))
                .post("/api/v1/determinations/" + ownId + "/certifications"));
        expected.put("POST /api/v1/determinations/{own}/certifications", new int[] {403, 201, 403, 403, 401});
        endpoints.put("GET /api/v1/certifications/{own}", r -> r.get("/api/v1/certifications/" + ownCertification));
        expected.put("GET /api/v1/certifications/{own}", new int[] {200, 200, 200, 403, 401});
        endpoints.put("GET /api/v1/certifications/{other tenant's}", r -> r.get("/api/v1/certifications/" + otherCertification));
        expected.put("GET /api/v1/certifications/{other tenant's}", new int[] {404, 404, 404, 403, 401});
        endpoints.put("GET /api/v1/determinations/{own}/certifications", r -> r.get("/api/v1/determinations/" + ownId + "/certifications"));
        expected.put("GET /api/v1/determinations/{own}/certifications", new int[] {200, 200, 200, 403, 401});
        endpoints.put("GET /api/v1/determinations/{other tenant's}/certifications", r -> r.get("/api/v1/determinations/" + otherTenantId + "/certifications"));
        expected.put("GET /api/v1/determinations/{other tenant's}/certifications", new int[] {404, 404, 404, 403, 401});
        endpoints.put("POST /api/v1/certifications/{other tenant's}/revocation", r -> r.contentType("application/json").body("{\"reason\":\"matrix\"}")
                .post("/api/v1/certifications/" + otherCertification + "/revocation"));
        expected.put("POST /api/v1/certifications/{other tenant's}/revocation", new int[] {403, 404, 403, 403, 401});
        endpoints.put("GET /api/v1/determinations/{own} (PDF)", r -> r.accept("application/pdf").get("/api/v1/determinations/" + ownId));
        expected.put("GET /api/v1/determinations/{own} (PDF)", new int[] {200, 200, 200, 403, 401});
        endpoints.put("GET /api/v1/determinations/{other tenant's} (PDF)", r -> r.accept("application/pdf").get("/api/v1/determinations/" + otherTenantId));
        expected.put("GET /api/v1/determinations/{other tenant's} (PDF)", new int[] {404, 404, 404, 403, 401});
        endpoints.put("GET /api/v1/review-queue (CSV)", r -> r.accept("text/csv").get("/api/v1/review-queue"));
        expected.put("GET /api/v1/review-queue (CSV)", new int[] {403, 200, 200, 403, 401});
        endpoints.put("GET /api/v1/rule-packs", r -> r.get("/api/v1/rule-packs"));
        expected.put("GET /api/v1/rule-packs", new int[] {200, 200, 200, 200, 401});
        endpoints.put("GET /api/v1/product-rules", r -> r.get("/api/v1/product-rules?hsCode=8402.11"));
        expected.put("GET /api/v1/product-rules", new int[] {200, 200, 200, 200, 401});
        endpoints.put("GET /api/v1/scenarios", r -> r.get("/api/v1/scenarios"));
        expected.put("GET /api/v1/scenarios", new int[] {200, 200, 200, 200, 401});
        endpoints.put("POST /api/v1/scenario-runs", r -> r.contentType("application/json").body("{\"scenario\":\"de-minimis-15\",\"filter\":{\"partNumber\":\"MATRIX-1\"}}")
                .post("/api/v1/scenario-runs"));
        expected.put("POST /api/v1/scenario-runs", new int[] {403, 202, 403, 202, 401});
        List<Arguments> out = new ArrayList<>();
        endpoints.forEach((name, call) -> {
            for (int i = 0; i < CALLERS.size(); i++) {
                out.add(Arguments.of(name, CALLERS.get(i), call, expected.get(name)[i]));
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void shouldAllowOnlyWhatTheRoleMayDoInItsOwnTenant(String endpoint, String caller, Function<RequestSpecification, Response> call, int status) {
        Response response = call.apply(as(caller));
        assertThat(response.statusCode()).as(endpoint + " as " + caller + ": " + response.asString()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        if (status < 300) {
            assertThat(response.asString()).as("own tenant's data only").doesNotContain(otherTenantId);
        }
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void shouldListOnlyTheCallersTenant() {
        List<String> seenByA = as("auditor").get("/api/v1/determinations?size=200").then().statusCode(200).extract().path("items.id");
        List<String> seenByB = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.AUDITOR))
                .get("/api/v1/determinations?size=200").then().statusCode(200).extract().path("items.id");
        assertThat(seenByA).contains(ownId).doesNotContain(otherTenantId);
        assertThat(seenByB).contains(otherTenantId).doesNotContain(ownId);
    }

    @Test
    void shouldNotLetACorePartReferToAnotherTenantsDetermination() throws IOException {
        String vehicle = Files.readString(Path.of("examples/passenger-vehicle-bom.json")).replace(
                "\"partNumber\": \"BODY-1\", \"netCost\": 2900.00, \"valueOfNonOriginatingMaterials\": 0.00",
                "\"partNumber\": \"BODY-1\", \"determinationId\": \"" + otherTenantId + "\"");
        Response response = as("submitter").contentType("application/json").body(vehicle).post("/api/v1/evaluations");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("automotive.coreParts.parts[2].determinationId");
    }

    @Test
    void shouldRefuseTokensThatAreForgedExpiredWithoutTenantOrFromAnotherIssuer() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("mallory").groups(Set.of(Roles.SUBMITTER))
                .claim("tenant", TestTokens.TENANT).sign(generator.generateKeyPair().getPrivate());
        String expired = Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("late").groups(Set.of(Roles.SUBMITTER))
                .claim("tenant", TestTokens.TENANT).issuedAt(java.time.Instant.now().minus(Duration.ofHours(3)))
                .expiresAt(java.time.Instant.now().minus(Duration.ofHours(2))).sign();
        String otherIssuer = Jwt.issuer("https://elsewhere.example").audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("x").groups(Set.of(Roles.SUBMITTER))
                .claim("tenant", TestTokens.TENANT).sign();
        String otherAudience = Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience("another-client").subject("x").groups(Set.of(Roles.SUBMITTER))
                .claim("tenant", TestTokens.TENANT).sign();
        String badTenant = TestTokens.token("ac\"me", Roles.SUBMITTER);
        given().header("Authorization", "Bearer " + badTenant).get("/api/v1/determinations").then().statusCode(403);
        for (String token : List.of(forged, expired, otherIssuer, otherAudience, "not-a-jwt")) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/determinations").then().statusCode(401);
        }
        String noTenant = TestTokens.token(null, Roles.SUBMITTER);
        Response response = given().header("Authorization", "Bearer " + noTenant).get("/api/v1/determinations");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.asString()).contains("tenant");
    }

    @Test
    void shouldRecordWhoSubmittedEachDetermination() {
        String id = as("submitter").contentType("application/json").body(BOM).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        assertThat(id).isNotBlank();
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.origincheck.determination.DeterminationRecord.<org.origincheck.determination.DeterminationRecord>findById(java.util.UUID.fromString(id)).submittedBy))
                .isEqualTo("test-submitter");
    }
}
