package org.origincheck.audit;

import static org.origincheck.security.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/** Issue 17: GET /api/v1/determinations/{id} with Accept: application/pdf, the determination for the audit file. */
@QuarkusTest
class DeterminationPdfTest {

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }


    private static String text(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            StringBuilder out = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                out.append(extractor.getTextFromPage(page)).append('\n');
            }
            return out.toString();
        }
    }

    @Test
    void shouldPrintTheAnswerRuleReasonsBomRvcTimelineAndPack() throws IOException {
        String id = as(Roles.SUBMITTER).contentType("application/json").body("""
                {"reference":"PDF-%s","asOf":"2026-07-01","good":{"partNumber":"BLR-PDF","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"DRUM","description":"Drum","hsCode":"8402.90","origin":"NON_ORIGINATING","value":60},
                              {"partNumber":"PLATE","description":"%s","hsCode":"7208.51","origin":"ORIGINATING","value":20}]}"""
                        .formatted(UUID.randomUUID(), "x".repeat(200) + "TAIL"))
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        as(Roles.REVIEWER).contentType("application/json").body("{\"action\":\"COMMENT\",\"justification\":\"asked the supplier for the drum's certificate\"}")
                .post("/api/v1/determinations/" + id + "/review-actions").then().statusCode(200);
        String sha = as(Roles.AUDITOR).get("/api/v1/determinations/" + id).then().statusCode(200).extract().path("rulePack.sha256");

        byte[] pdf = as(Roles.AUDITOR).accept("application/pdf").get("/api/v1/determinations/" + id).then().statusCode(200)
                .contentType("application/pdf").header("Content-Disposition", org.hamcrest.Matchers.containsString(".pdf")).extract().asByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text).contains(id).contains("NOT_ORIGINATING").contains("General Note 11(o)").contains("TARIFF_SHIFT")
                .contains("DRUM").contains("PLATE").contains("8402.90").contains("40.00%").contains("review policy").contains("every such result is reviewed")
                .contains("asked the supplier for the drum's certificate").contains(sha.substring(0, 16));
        assertThat(text).as("submitted text is cut").contains("cut at 200 characters").doesNotContain("TAIL");

        // JSON stays the default; another tenant's determination is not found, as for JSON.
        as(Roles.AUDITOR).get("/api/v1/determinations/" + id).then().statusCode(200).contentType("application/json");
        given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.AUDITOR)).accept("application/pdf")
                .get("/api/v1/determinations/" + id).then().statusCode(404);
    }

    @Test
    void shouldPrintACsvSubmissionsMaterials() throws IOException {
        String id = as(Roles.SUBMITTER).contentType("text/csv").body("partNumber,description,hsCode,origin,value\nCASE-01,\"Housing, cast\",8402.90,NON_ORIGINATING,60\n")
                .post("/api/v1/determinations?partNumber=CSV-PDF&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100&asOf=2026-07-01")
                .then().statusCode(201).extract().path("id");
        String text = text(as(Roles.AUDITOR).accept("application/pdf").get("/api/v1/determinations/" + id).then().statusCode(200).extract().asByteArray());
        assertThat(text).contains("CASE-01").contains("Housing, cast").contains("partNumber=CSV-PDF");
    }
}
