package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Idempotent retries (also concurrent ones), the CSV upload, and the JUnit XML and text reports. */
@QuarkusTest
class IdempotencyAndFormatsTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.actAsSubmitter();
    }

    private static String bom(String partNumber, int value) {
        return """
                {"asOf":"2026-07-01","good":{"partNumber":"%s","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"8402.90","origin":"NON_ORIGINATING","value":%d}]}""".formatted(partNumber, value);
    }

    private long rows(String partNumber) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select count(*) from determination where part_number = ?")) {
            q.setString(1, partNumber);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void shouldReturnTheFirstDeterminationWhenARequestIsRetriedWithItsKey() throws Exception {
        String part = "IDEM-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response first = given().header("Idempotency-Key", key).contentType("application/json").body(bom(part, 5)).post("/api/v1/determinations");
        Response retry = given().header("Idempotency-Key", key).contentType("application/json").body(bom(part, 5)).post("/api/v1/determinations");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(rows(part)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAKeyReusedWithAnotherBody() throws Exception {
        String part = "IDEM-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType("application/json").body(bom(part, 5)).post("/api/v1/determinations").then().statusCode(201);
        JsonPath problem = given().header("Idempotency-Key", key).contentType("application/json").body(bom(part, 6))
                .post("/api/v1/determinations").then().statusCode(422).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).containsExactly("Idempotency-Key");
        assertThat(rows(part)).isEqualTo(1);
    }

    @Test
    void shouldKeepKeysApartBetweenTenants() throws Exception {
        String part = "IDEM-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String a = given().header("Idempotency-Key", key).contentType("application/json").body(bom(part, 5)).post("/api/v1/determinations")
                .then().statusCode(201).extract().path("id");
        TestTokens.anonymous();
        String b = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.SUBMITTER)).header("Idempotency-Key", key).contentType("application/json").body(bom(part, 5)).post("/api/v1/determinations")
                .then().statusCode(201).extract().path("id");
        assertThat(b).isNotEqualTo(a);
        assertThat(rows(part)).isEqualTo(2);
    }

    @Test
    void shouldStoreOneDeterminationWhenRetriesRaceEachOther() throws Exception {
        String part = "RACE-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        TestTokens.anonymous();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> given().header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                        .contentType("application/json").body(bom(part, 5)).post("/api/v1/determinations"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> result : pool.invokeAll(calls)) {
                Response response = result.get();
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
                ids.add(response.path("id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(part)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMalformedKey() {
        given().header("Idempotency-Key", "x".repeat(201)).contentType("application/json").body(bom("K", 5))
                .post("/api/v1/determinations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldEvaluateACsvBillOfMaterialsAndStoreItAsReceived() throws Exception {
        String csv = "partNumber,description,hsCode,origin,countryOfOrigin,value,kind\n"
                + "DRUM-01,\"Drum, tubes\",8402.90,NON_ORIGINATING,DE,30000.00,DIRECT\n"
                + "PLATE-03,Steel plate,7208.51,ORIGINATING,US,22000.00,\n";
        String part = "CSV-" + UUID.randomUUID();
        Response created = given().contentType("text/csv").body(csv)
                .post("/api/v1/determinations?asOf=2026-07-01&partNumber=" + part + "&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100000&netCost=90000");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(created.jsonPath().getString("status")).isEqualTo("ORIGINATING");
        assertThat(created.jsonPath().getString("productRule.id")).isEqualTo("GN11o-84-3");
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select submission, submission_media_type from determination where part_number = ?")) {
            q.setString(1, part);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(csv);
                assertThat(r.getString(2)).isEqualTo("text/csv");
            }
        }
    }

    @Test
    void shouldNameTheLineAndColumnOfEveryCsvError() {
        String csv = "partNumber,hsCode,origin,value\n"
                + "OK-1,7208.51,ORIGINATING,10\n"
                + "BAD-2,7208.51,MAYBE,10\n"
                + "BAD-3,72AB.51,ORIGINATING,1.000,50\n";
        JsonPath problem = given().contentType("text/csv").body(csv)
                .post("/api/v1/determinations?asOf=2026-07-01&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.field", String.class)).contains("line 3, column origin", "line 4");
        JsonPath unknownColumn = given().contentType("text/csv").body("partNumber,origin,value,colour\nA,ORIGINATING,1,red\n")
                .post("/api/v1/determinations?asOf=2026-07-01&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100")
                .then().statusCode(400).extract().jsonPath();
        assertThat(unknownColumn.getList("errors.field", String.class)).contains("line 1, column colour");
        JsonPath badHs = given().contentType("text/csv").body("partNumber,hsCode,origin,value\nA,72AB.51,ORIGINATING,1\n")
                .post("/api/v1/determinations?asOf=2026-07-01&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100")
                .then().statusCode(400).extract().jsonPath();
        assertThat(badHs.getList("errors.field", String.class)).contains("line 2, column hsCode");
        JsonPath badGood = given().contentType("text/csv").body("partNumber,hsCode,origin,value\nA,7208.51,ORIGINATING,1\n")
                .post("/api/v1/determinations?asOf=2026-07-01&hsCode=8402.11&producerCountry=CN&currency=USD&transactionValue=100")
                .then().statusCode(400).extract().jsonPath();
        assertThat(badGood.getList("errors.field", String.class)).contains("producerCountry (query parameter)");
    }

    @Test
    void shouldAnswerAJUnitReportWithOneTestCasePerTestApplied() throws Exception {
        Response created = given().accept("application/xml").contentType("application/json").body(bom("XML-" + UUID.randomUUID(), 50))
                .post("/api/v1/determinations");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/xml");
        assertThat(created.header("OriginCheck-Status")).isEqualTo("NOT_ORIGINATING");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(created.asString())));
        var suite = (org.w3c.dom.Element) xml.getElementsByTagName("testsuite").item(0);
        int cases = xml.getElementsByTagName("testcase").getLength();
        int failures = xml.getElementsByTagName("failure").getLength();
        assertThat(cases).isGreaterThan(3);
        assertThat(failures).isGreaterThan(0);
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases);
        assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(failures);
        assertThat(created.asString()).contains("ORIGIN_DETERMINED").contains("name=\"status\" value=\"NOT_ORIGINATING\"");

        String id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        String again = given().accept("application/xml").get("/api/v1/determinations/" + id).then().statusCode(200).extract().asString();
        assertThat(again).isEqualTo(created.asString());
        String text = given().accept("text/plain").get("/api/v1/determinations/" + id).then().statusCode(200).extract().asString();
        assertThat(text).contains("status: NOT_ORIGINATING").contains("FAIL").contains("ORIGIN_DETERMINED");
        String json = given().get("/api/v1/determinations/" + id).then().statusCode(200).contentType("application/json").extract().asString();
        assertThat(json).startsWith("{");
    }
}
