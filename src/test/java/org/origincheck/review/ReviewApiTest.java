package org.origincheck.review;

import static org.origincheck.security.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/** Every review transition, the refusals, the audit export, the queue, and certifications (content and PDF). */
@QuarkusTest
class ReviewApiTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }


    /** The example boiler with a dearer drum and no net cost: 61% TV against 60%, within the 2-point margin, so it waits for review. */
    private static String thin() throws Exception {
        String body = Files.readString(Path.of("examples/boiler-bom.json")).replace("PO-4411", "REVIEW-" + UUID.randomUUID())
                .replace("\"value\": 30000.00", "\"value\": 31000.00").replaceAll(",\\s*\"netCost\": 90000.00", "");
        return as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
    }

    private static String notOriginating() {
        String body = """
                {"asOf":"2026-07-01","good":{"partNumber":"NO-%s","description":"boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"8402.90","origin":"NON_ORIGINATING","value":60}]}""".formatted(UUID.randomUUID());
        return as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
    }

    private static String clearlyOriginating() {
        String body = """
                {"asOf":"2026-07-01","good":{"partNumber":"OK-%s","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"7208.51","origin":"NON_ORIGINATING","value":20}]}""".formatted(UUID.randomUUID());
        return as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
    }

    private static JsonPath act(String id, String json, int status) {
        return as(Roles.REVIEWER).contentType("application/json").body(json).post("/api/v1/determinations/" + id + "/review-actions")
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath review(String id) {
        return as(Roles.AUDITOR).get("/api/v1/determinations/" + id + "/review").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldApplyThePolicyWhenADeterminationIsMade() throws Exception {
        assertThat(review(clearlyOriginating()).getString("state")).isEqualTo("APPROVED");
        JsonPath auto = review(clearlyOriginating());
        assertThat(auto.getString("events[0].action")).isEqualTo("AUTO_APPROVED");
        assertThat(auto.getString("events[0].actor")).isEqualTo("review policy");
        JsonPath thin = review(thin());
        assertThat(thin.getString("state")).isEqualTo("PENDING_REVIEW");
        assertThat(thin.getString("events[0].justification")).contains("by less than 2 points");
        assertThat(review(notOriginating()).getString("state")).isEqualTo("PENDING_REVIEW");
    }

    @Test
    void shouldWalkEveryTransitionAndKeepEveryEvent() throws Exception {
        String approved = thin();
        assertThat(act(approved, "{\"action\":\"APPROVE\",\"justification\":\"checked the supplier declarations\"}", 200).getString("state")).isEqualTo("APPROVED");
        act(approved, "{\"action\":\"APPROVE\"}", 409);
        act(approved, "{\"action\":\"REJECT\",\"justification\":\"too late to reject this\"}", 409);
        assertThat(act(approved, "{\"action\":\"COMMENT\",\"justification\":\"supplier audit due in May\"}", 200).getString("state")).isEqualTo("APPROVED");

        String rejected = notOriginating();
        assertThat(act(rejected, "{\"action\":\"REJECT\",\"justification\":\"BOM incomplete, resubmit\"}", 200).getString("state")).isEqualTo("REJECTED");
        JsonPath overridden = act(rejected, """
                {"action":"OVERRIDE","overrideStatus":"ORIGINATING","overrideCriterion":"B",
                 "justification":"M1 is originating per the supplier's certification of 2026-05-02 (file 88-12)"}""", 200);
        assertThat(overridden.getString("state")).isEqualTo("OVERRIDDEN");
        assertThat(overridden.getString("engineStatus")).as("the engine's result is never altered").isEqualTo("NOT_ORIGINATING");
        assertThat(overridden.getString("conclusion")).isEqualTo("ORIGINATING");
        assertThat(overridden.getString("conclusionCriterion")).isEqualTo("B");
        assertThat(overridden.getList("events.action")).containsExactly("REVIEW_REQUIRED", "REJECT", "OVERRIDE");
        assertThat(overridden.getList("events.fromState")).containsExactly(null, "PENDING_REVIEW", "REJECTED");
        assertThat(overridden.getString("events[2].actor")).isEqualTo("test-reviewer");
        String stored = as(Roles.AUDITOR).get("/api/v1/determinations/" + rejected).then().statusCode(200).extract().path("status");
        assertThat(stored).isEqualTo("NOT_ORIGINATING");
    }

    @Test
    void shouldRefuseActionsWithoutWhatTheyNeed() throws Exception {
        String id = thin();
        assertThat(act(id, "{\"action\":\"REJECT\"}", 400).getList("errors.field", String.class)).contains("justification");
        assertThat(act(id, "{\"action\":\"OVERRIDE\",\"justification\":\"short\"}", 400).getList("errors.field", String.class))
                .contains("justification", "overrideStatus");
        assertThat(act(id, "{\"action\":\"OVERRIDE\",\"overrideStatus\":\"ORIGINATING\",\"justification\":\"a justification long enough\"}", 400)
                .getList("errors.field", String.class)).contains("overrideCriterion");
        assertThat(act(id, "{\"action\":\"COMMENT\"}", 400).getList("errors.field", String.class)).contains("justification");
        assertThat(act(id, "{\"action\":\"AUTO_APPROVED\"}", 400).getList("errors.field", String.class)).contains("action");
        act(id, "{\"action\":\"LAUNCH\"}", 400);
        as(Roles.SUBMITTER).contentType("application/json").body("{\"action\":\"APPROVE\"}").post("/api/v1/determinations/" + id + "/review-actions")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.REVIEWER)).contentType("application/json")
                .body("{\"action\":\"APPROVE\"}").post("/api/v1/determinations/" + id + "/review-actions").then().statusCode(404);
        assertThat(review(id).getString("state")).as("nothing recorded by refused actions").isEqualTo("PENDING_REVIEW");
        assertThat(review(id).getList("events")).hasSize(1);
    }

    @Test
    void shouldNotLetTheSubmitterReviewItsOwnDetermination() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER, Roles.REVIEWER);
        String body = Files.readString(Path.of("examples/boiler-bom.json")).replace("PO-4411", "SELF-" + UUID.randomUUID())
                .replace("\"value\": 30000.00", "\"value\": 31000.00").replaceAll(",\\s*\"netCost\": 90000.00", "");
        String id = given().header("Authorization", "Bearer " + token).contentType("application/json").body(body).post("/api/v1/determinations")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"action\":\"APPROVE\"}")
                .post("/api/v1/determinations/" + id + "/review-actions").then().statusCode(409);
        given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"action\":\"COMMENT\",\"justification\":\"note\"}")
                .post("/api/v1/determinations/" + id + "/review-actions").then().statusCode(200);
    }

    @Test
    void shouldExportTheTimelineForAnAuditor() throws Exception {
        String id = thin();
        act(id, "{\"action\":\"COMMENT\",\"justification\":\"=HYPERLINK(\\\"x\\\") \\\"quoted\\\", with comma\\nsecond line\"}", 200);
        Response csv = as(Roles.AUDITOR).get("/api/v1/determinations/" + id + "/review/timeline.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.get(0)).startsWith("determination_id,seq,at,actor,action");
        assertThat(csv.asString()).contains("\"COMMENT\"").contains("\"'=HYPERLINK(\"\"x\"\") \"\"quoted\"\", with comma\nsecond line\"");
    }

    @Test
    void shouldRefuseToChangeOrDeleteEvidence() throws Exception {
        thin();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("update review_event set actor = 'x'", "delete from review_event", "delete from certification where true")) {
                try {
                    s.executeUpdate(sql);
                    if (!sql.contains("certification")) {
                        throw new AssertionError("the database accepted: " + sql);
                    }
                } catch (SQLException expected) {
                    assertThat(expected.getMessage()).contains("evidence");
                }
            }
        }
    }

    @Test
    void shouldListTheQueueWithItsFilters() throws Exception {
        String pending = thin();
        String approved = clearlyOriginating();
        JsonPath queue = as(Roles.REVIEWER).get("/api/v1/review-queue?state=PENDING_REVIEW&size=200").then().statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.id")).contains(pending).doesNotContain(approved);
        assertThat(queue.getList("items.reviewState", String.class)).containsOnly("PENDING_REVIEW");
        JsonPath byHs = as(Roles.AUDITOR).get("/api/v1/review-queue?hsCode=8402&status=ORIGINATING&size=200").then().statusCode(200).extract().jsonPath();
        assertThat(byHs.getList("items.hsCode", String.class)).allMatch(h -> h.startsWith("8402"));
        JsonPath search = as(Roles.AUDITOR).get("/api/v1/review-queue?q=OK-").then().statusCode(200).extract().jsonPath();
        assertThat(search.getLong("total")).isPositive();
        as(Roles.SUBMITTER).get("/api/v1/review-queue").then().statusCode(403);
        JsonPath other = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.REVIEWER))
                .get("/api/v1/review-queue?size=200").then().statusCode(200).extract().jsonPath();
        assertThat(other.getList("items.id")).doesNotContain(pending, approved);
    }

    private static final String CERTIFY = """
            {"certifierRole":"PRODUCER",
             "certifier":{"name":"Calderas del Norte SA de CV","title":"Trade compliance manager","address":"Av. Industrial 100, Monterrey, NL, MX","telephone":"+52 81 5555 0100","email":"origin@calderas.example"},
             "exporter":{"name":"Calderas del Norte SA de CV","address":"Av. Industrial 100, Monterrey, NL, MX","email":"export@calderas.example"},
             "producerStatement":"AVAILABLE_UPON_REQUEST",
             "importer":{"name":"Steam Plant Supply LLC","address":"1 Harbor Rd, Houston, TX, US","email":"imports@steam.example"},
             "blanketFrom":"2026-07-01","blanketTo":"2027-06-30","signatory":"Ana Torres"}""";

    @Test
    void shouldCertifyOnlyAnApprovedOriginatingDetermination() throws Exception {
        String pending = thin();
        Response refused = as(Roles.REVIEWER).contentType("application/json").body(CERTIFY).post("/api/v1/determinations/" + pending + "/certifications");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.asString()).contains("PENDING_REVIEW");
        String notOriginating = notOriginating();
        act(notOriginating, "{\"action\":\"REJECT\",\"justification\":\"not originating, confirmed\"}", 200);
        assertThat(as(Roles.REVIEWER).contentType("application/json").body(CERTIFY).post("/api/v1/determinations/" + notOriginating + "/certifications")
                .then().statusCode(409).extract().asString()).contains("NOT_ORIGINATING");

        act(pending, "{\"action\":\"APPROVE\"}", 200);
        assertThat(as(Roles.REVIEWER).contentType("application/json").body(CERTIFY.replace("2027-06-30", "2027-07-01"))
                .post("/api/v1/determinations/" + pending + "/certifications").then().statusCode(400).extract().jsonPath()
                .getList("errors.field", String.class)).contains("blanketTo");
        assertThat(as(Roles.REVIEWER).contentType("application/json").body(CERTIFY.replace("\"signatory\":\"Ana Torres\"", "\"signatory\":\" \""))
                .post("/api/v1/determinations/" + pending + "/certifications").then().statusCode(400).extract().jsonPath()
                .getList("errors.field", String.class)).contains("signatory");

        Response issued = as(Roles.REVIEWER).contentType("application/json").body(CERTIFY).post("/api/v1/determinations/" + pending + "/certifications");
        assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(201);
        JsonPath c = issued.jsonPath();
        assertThat(c.getString("element1CertifierRole")).isEqualTo("PRODUCER");
        assertThat(c.getString("element2Certifier.name")).isEqualTo("Calderas del Norte SA de CV");
        assertThat(c.getString("element4Producer")).isEqualTo("AVAILABLE_UPON_REQUEST");
        assertThat(c.getString("element6Description")).isEqualTo("Watertube steam boiler, 50 t/h");
        assertThat(c.getString("element6HsCode")).isEqualTo("8402.11");
        assertThat(c.getString("element7OriginCriterion")).isEqualTo("B");
        assertThat(c.getString("element8BlanketPeriod.to")).isEqualTo("2027-06-30");
        assertThat(c.getString("element9Signature.signatory")).isEqualTo("Ana Torres");
        assertThat(c.getString("element9Signature.statement")).startsWith("I certify that the goods described in this document qualify as originating");
        assertThat(c.getString("determinationId")).isEqualTo(pending);

        String location = issued.header("Location");
        assertThat(as(Roles.AUDITOR).get(location).then().statusCode(200).extract().asString()).isEqualTo(issued.asString());
        byte[] pdf = as(Roles.AUDITOR).accept("application/pdf").get(location).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(1000);
        given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.AUDITOR)).get(location).then().statusCode(404);
    }

    @Test
    void shouldCertifyAGoodAnOfficerOverrodeToOriginatingWithTheOfficersCriterion() {
        String id = notOriginating();
        act(id, """
                {"action":"OVERRIDE","overrideStatus":"ORIGINATING","overrideCriterion":"C",
                 "justification":"all materials proven originating by supplier certifications on file"}""", 200);
        JsonPath c = as(Roles.REVIEWER).contentType("application/json").body(CERTIFY).post("/api/v1/determinations/" + id + "/certifications")
                .then().statusCode(201).extract().jsonPath();
        assertThat(c.getString("element7OriginCriterion")).isEqualTo("C");
        assertThat(c.getString("element6Description")).isEqualTo("boiler");
    }
}
