package org.origincheck.api;

import static org.origincheck.security.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The findings of the outside attack (issue 14), each reproduced as the attacker sent it. Every test here failed
 * on the code before its fix.
 */
@QuarkusTest
class AttackFindingsTest {

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }


    private static String originating(String... roles) {
        String body = """
                {"asOf":"2026-07-01","good":{"partNumber":"ATK-%s","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"7208.51","origin":"NON_ORIGINATING","value":20}]}""".formatted(UUID.randomUUID());
        return as(roles).contentType("application/json").body(body).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
    }

    private static String certify(String description, String name, String address, String signatory) {
        return """
                {"certifierRole":"PRODUCER",
                 "certifier":{"name":"%2$s","title":"%2$s","address":"%3$s","telephone":"+52 81 5555 0100","email":"origin@calderas.example"},
                 "exporter":{"name":"%2$s","address":"%3$s","email":"export@calderas.example"},
                 "producerStatement":"AVAILABLE_UPON_REQUEST",
                 "importer":{"name":"%2$s","address":"%3$s","email":"imports@steam.example"},
                 "description":"%1$s","signatory":"%4$s"}""".formatted(description, name, address, signatory);
    }

    /** Finding 1: the largest certification accepted still renders as a PDF; one character more is refused before it is stored. */
    @Test
    void shouldBoundEveryCertificationFieldSoThePdfCostIsBounded() {
        String id = originating(Roles.SUBMITTER);
        String widest = certify("W".repeat(1000), "N".repeat(200), "A".repeat(500), "S".repeat(200));
        Response issued = as(Roles.REVIEWER).contentType("application/json").body(widest).post("/api/v1/determinations/" + id + "/certifications");
        assertThat(issued.statusCode()).as(issued.asString()).isEqualTo(201);
        byte[] pdf = as(Roles.AUDITOR).accept("application/pdf").get("/api/v1/certifications/" + issued.jsonPath().getString("id"))
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

        JsonPath tooLong = as(Roles.REVIEWER).contentType("application/json").body(certify("W".repeat(1001), "N", "A", "S"))
                .post("/api/v1/determinations/" + id + "/certifications").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(tooLong.getList("errors.field", String.class)).contains("description");
        JsonPath longName = as(Roles.REVIEWER).contentType("application/json").body(certify("d", "N".repeat(201), "A", "S"))
                .post("/api/v1/determinations/" + id + "/certifications").then().statusCode(400).extract().jsonPath();
        assertThat(longName.getList("errors.field", String.class)).contains("certifier.name", "importer.name", "exporter.name");
        JsonPath longJustification = as(Roles.REVIEWER).contentType("application/json")
                .body("{\"action\":\"COMMENT\",\"justification\":\"" + "j".repeat(4001) + "\"}")
                .post("/api/v1/determinations/" + id + "/review-actions").then().statusCode(400).extract().jsonPath();
        assertThat(longJustification.getList("errors.field", String.class)).contains("justification");
    }

    /** Finding 5: the subject that submitted a determination may not certify it. */
    @Test
    void shouldRefuseACertificationByTheSubmitter() {
        String id = originating(Roles.SUBMITTER, Roles.REVIEWER);
        Response own = as(Roles.SUBMITTER, Roles.REVIEWER).contentType("application/json").body(certify("d", "N", "A", "S"))
                .post("/api/v1/determinations/" + id + "/certifications");
        assertThat(own.statusCode()).as(own.asString()).isEqualTo(409);
        assertThat(own.contentType()).startsWith("application/problem+json");
    }

    /** Finding 3: characters PostgreSQL cannot store (NUL, lone surrogates) are a 400 naming the field, wherever they arrive. */
    @Test
    void shouldRefuseCharactersPostgresCannotStore() {
        String bom = """
                {"reference":"R%s","good":{"partNumber":"P%s","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},"materials":[]}""";
        JsonPath nul = as(Roles.SUBMITTER).contentType("application/json").body(bom.formatted("1", "\\u0000"))
                .post("/api/v1/determinations").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(nul.getList("errors.field", String.class)).contains("good.partNumber");
        JsonPath surrogate = as(Roles.SUBMITTER).contentType("application/json").body(bom.formatted("\\ud800", "1"))
                .post("/api/v1/determinations").then().statusCode(400).extract().jsonPath();
        assertThat(surrogate.getList("errors.field", String.class)).contains("reference");

        String csv = "partNumber,description,hsCode,origin,countryOfOrigin,value\r\nM1,steel,7208.51,NON_ORIGINATING,CN,20\r\n";
        as(Roles.SUBMITTER).contentType("text/csv").body(csv)
                .queryParam("reference", "R\u0000").queryParam("hsCode", "8402.11").queryParam("producerCountry", "MX")
                .queryParam("currency", "USD").queryParam("transactionValue", "100")
                .post("/api/v1/determinations").then().statusCode(400).contentType("application/problem+json");
        as(Roles.SUBMITTER).contentType("text/csv").body(csv.replace("M1", "M\u0000"))
                .queryParam("hsCode", "8402.11").queryParam("producerCountry", "MX").queryParam("currency", "USD").queryParam("transactionValue", "100")
                .post("/api/v1/determinations").then().statusCode(400).contentType("application/problem+json");

        JsonPath queue = as(Roles.REVIEWER).urlEncodingEnabled(false).get("/api/v1/review-queue?q=%00").then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(queue.getList("errors.field", String.class)).contains("q");
        as(Roles.AUDITOR).urlEncodingEnabled(false).get("/api/v1/determinations?partNumber=%00").then().statusCode(400).contentType("application/problem+json");

        String id = originating(Roles.SUBMITTER);
        JsonPath comment = as(Roles.REVIEWER).contentType("application/json").body("{\"action\":\"COMMENT\",\"justification\":\"bad \\u0000 text\"}")
                .post("/api/v1/determinations/" + id + "/review-actions").then().statusCode(400).extract().jsonPath();
        assertThat(comment.getList("errors.field", String.class)).contains("justification");
    }

    /**
     * CSV injection in the submission as received: the evidence stays byte for byte (an attachment), and the copy for a
     * spreadsheet runs no formula; an unknown form is a 400 naming the parameter.
     */
    @Test
    void shouldServeTheCsvSubmissionExactAndSpreadsheetSafe() {
        String csv = "partNumber,description,hsCode,origin,countryOfOrigin,value\r\nM1,\"=HYPERLINK(\"\"http://x.example\"\")\",7208.51,NON_ORIGINATING,CN,20\r\n";
        String id = as(Roles.SUBMITTER).contentType("text/csv").body(csv)
                .queryParam("hsCode", "8402.11").queryParam("producerCountry", "MX").queryParam("currency", "USD").queryParam("transactionValue", "100")
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        Response exact = as(Roles.REVIEWER).get("/api/v1/determinations/" + id + "/submission");
        exact.then().statusCode(200).header("Content-Disposition", "attachment; filename=\"submission-" + id + ".csv\"");
        assertThat(exact.asString()).isEqualTo(csv);
        String safe = as(Roles.REVIEWER).queryParam("form", "spreadsheet-safe").get("/api/v1/determinations/" + id + "/submission")
                .then().statusCode(200).extract().asString();
        assertThat(safe).contains("\"'=HYPERLINK(\"\"http://x.example\"\")\"").doesNotContain(",\"=HYPERLINK");
        JsonPath bad = as(Roles.REVIEWER).queryParam("form", "raw").get("/api/v1/determinations/" + id + "/submission")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(bad.getList("errors.field", String.class)).contains("form");
    }

    /** Finding 3: a token whose subject PostgreSQL cannot store is refused, not a 500. */
    @Test
    void shouldRefuseATokenWhoseSubjectCannotBeStored() {
        String token = io.smallrye.jwt.build.Jwt.issuer(org.origincheck.config.DevSigningKeyConfigSourceFactory.ISSUER)
                .audience(org.origincheck.config.DevSigningKeyConfigSourceFactory.AUDIENCE).subject("evil\u0000sub")
                .groups(java.util.Set.of(Roles.SUBMITTER)).claim("tenant", TestTokens.TENANT).expiresIn(java.time.Duration.ofMinutes(5)).sign();
        String body = """
                {"good":{"hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},"materials":[]}""";
        int status = given().header("Authorization", "Bearer " + token).contentType("application/json").body(body).post("/api/v1/determinations").statusCode();
        assertThat(status).isBetween(400, 403);
    }

    /** Finding 6: a problem document names the field and the expected form, never the submitted figure. */
    @Test
    void shouldNotEchoASubmittedFigure() {
        String body = """
                {"good":{"hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":"30000,55"},"materials":[]}""";
        Response response = as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).doesNotContain("30000").contains("good.transactionValue");
        String enumBody = """
                {"good":{"hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":1},"materials":[{"origin":"SECRET-SUPPLIER-X","value":1}]}""";
        Response e = as(Roles.SUBMITTER).contentType("application/json").body(enumBody).post("/api/v1/determinations");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.asString()).doesNotContain("SECRET-SUPPLIER-X").contains("materials[0].origin");
    }

    /** Finding 7: a bad query value is a 400 naming the parameter, not a 404. */
    @Test
    void shouldNameTheBadQueryParameter() {
        for (String[] c : new String[][] {{"/api/v1/determinations?status=FOO", "status"}, {"/api/v1/determinations?from=2026-13-45", "from"},
                {"/api/v1/determinations?page=abc", "page"}, {"/api/v1/review-queue?state=FOO", "state"}}) {
            Response r = as(Roles.REVIEWER, Roles.AUDITOR).get(c[0]);
            assertThat(r.statusCode()).as(c[0] + " " + r.asString()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.jsonPath().getList("errors.field", String.class)).as(c[0]).contains(c[1]);
        }
    }

    /** Finding 7: review-action bodies get the same typed 400s as BOMs: bad enum, unknown field. */
    @Test
    void shouldAnswerBadReviewBodiesWithProblems() {
        String id = originating(Roles.SUBMITTER);
        Response badEnum = as(Roles.REVIEWER).contentType("application/json").body("{\"action\":\"DESTROY\"}").post("/api/v1/determinations/" + id + "/review-actions");
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(badEnum.jsonPath().getList("errors.field", String.class)).contains("action");
        Response unknown = as(Roles.REVIEWER).contentType("application/json").body("{\"action\":\"COMMENT\",\"justification\":\"a note\",\"sneaky\":1}")
                .post("/api/v1/determinations/" + id + "/review-actions");
        assertThat(unknown.statusCode()).as(unknown.asString()).isEqualTo(400);
        assertThat(unknown.jsonPath().getList("errors.field", String.class)).contains("sneaky");
    }

    /** Finding 2: the 16 MiB limit holds for a body sent chunked, without Content-Length. */
    @Test
    void shouldRefuseAChunkedBodyOverTheLimit() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        long size = 20L * 1024 * 1024;
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) ' ');
        InputStream body = new InputStream() {
            long sent;
            @Override public int read() { return sent++ < size ? ' ' : -1; }
            @Override public int read(byte[] b, int off, int len) {
                if (sent >= size) return -1;
                int n = (int) Math.min(len, size - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                sent += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/determinations"))
                .header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closed) {
            // The server may close the connection once the limit is passed; what matters is that it did not accept the body.
            return;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    }

    /** Finding 8: a token with no tenant may not read the rule packs (the README's role table). */
    @Test
    void shouldRefuseRulePacksToATokenWithoutTenantOrRole() {
        for (String token : new String[] {TestTokens.token(null, Roles.AUDITOR), TestTokens.token(TestTokens.TENANT)}) {
            given().header("Authorization", "Bearer " + token).get("/api/v1/rule-packs").then().statusCode(403);
            given().header("Authorization", "Bearer " + token).get("/api/v1/product-rules?hsCode=8402.11").then().statusCode(403);
        }
        given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.AUDITOR)).get("/api/v1/rule-packs").then().statusCode(200);
    }
}
