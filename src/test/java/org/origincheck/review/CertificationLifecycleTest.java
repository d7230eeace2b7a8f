package org.origincheck.review;

import static org.origincheck.security.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Issue 17: every Annex 5-A element required (usmca-brief.md s.5: certifier role; name, title, address, telephone and
 * e-mail; exporter; producer; importer; description and HS; criterion; blanket period; signature), the certifications of a
 * determination listed, a duplicate refused with the reason, revocation and replacement with a reason, both kept as issued.
 */
@QuarkusTest
class CertificationLifecycleTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }


    static final String CERTIFY = """
            {"certifierRole":"PRODUCER",
             "certifier":{"name":"Calderas del Norte SA de CV","title":"Trade compliance manager","address":"Av. Industrial 100, Monterrey, NL, MX","telephone":"+52 81 5555 0100","email":"origin@calderas.example"},
             "exporterStatement":"SAME_AS_CERTIFIER",
             "producerStatement":"SAME_AS_CERTIFIER",
             "importer":{"name":"Steam Plant Supply LLC","address":"1 Harbor Rd, Houston, TX, US","telephone":"+1 713 555 0100","email":"imports@steam.example"},
             "blanketFrom":"2026-07-01","blanketTo":"2027-06-30","signatory":"Ana Torres"}""";

    /** Clearly originating (20% non-originating against the 60% TV of 8402.11), so the policy approves it at once. */
    private static String approvedOriginating() {
        String body = """
                {"asOf":"2026-07-01","good":{"partNumber":"CERT-%s","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"7208.51","origin":"NON_ORIGINATING","value":20}]}""".formatted(UUID.randomUUID());
        return as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations").then().statusCode(201).extract().path("id");
    }

    private static Response certify(String id, String body) {
        return as(Roles.REVIEWER).contentType("application/json").body(body).post("/api/v1/determinations/" + id + "/certifications");
    }

    @Test
    void shouldRequireEveryAnnex5AElementNamingEachMissingField() {
        String id = approvedOriginating();
        JsonPath refused = certify(id, """
                {"certifierRole":"PRODUCER","certifier":{"name":"Calderas","address":"Monterrey, MX","email":"o@c.example"},"signatory":"Ana Torres"}""")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(refused.getList("errors.field", String.class))
                .contains("certifier.title", "certifier.telephone", "exporter", "producer", "importer")
                .doesNotContain("certifier.name", "certifier.address", "certifier.email", "signatory");
        // A party and its statement at once is ambiguous; a statement the element does not allow is refused.
        JsonPath both = certify(id, CERTIFY.replace("\"exporterStatement\":\"SAME_AS_CERTIFIER\"",
                "\"exporterStatement\":\"SAME_AS_CERTIFIER\",\"exporter\":{\"name\":\"X\",\"address\":\"Y\"}")
                .replace("\"producerStatement\":\"SAME_AS_CERTIFIER\"", "\"producerStatement\":\"NOBODY\""))
                .then().statusCode(400).extract().jsonPath();
        assertThat(both.getList("errors.field", String.class)).contains("exporter", "producerStatement");
        JsonPath partyWithoutAddress = certify(id, CERTIFY.replace("\"address\":\"1 Harbor Rd, Houston, TX, US\",", ""))
                .then().statusCode(400).extract().jsonPath();
        assertThat(partyWithoutAddress.getList("errors.field", String.class)).containsExactly("importer.address");
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations/" + id + "/certifications").then().statusCode(200).extract().jsonPath().getList("$"))
                .as("nothing half-written").isEmpty();
    }

    @Test
    void shouldListRefuseADuplicateAndReplaceOrRevokeWithAReasonKeepingEachAsIssued() throws SQLException {
        String id = approvedOriginating();
        Response first = certify(id, CERTIFY);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(201);
        String firstId = first.jsonPath().getString("id");
        assertThat(first.jsonPath().getString("status")).isEqualTo("ACTIVE");
        assertThat(first.jsonPath().getString("element2Certifier.title")).isEqualTo("Trade compliance manager");
        assertThat(first.jsonPath().getString("element2Certifier.telephone")).isEqualTo("+52 81 5555 0100");
        assertThat(first.jsonPath().getString("element3Exporter")).isEqualTo("SAME_AS_CERTIFIER");
        assertThat(first.jsonPath().getString("element5Importer.name")).isEqualTo("Steam Plant Supply LLC");

        // The same certifier role for an overlapping period: refused, naming the certification in force and what to do.
        Response duplicate = certify(id, CERTIFY.replace("2026-07-01", "2026-12-01").replace("2027-06-30", "2027-11-30"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.jsonPath().getString("detail")).contains(firstId).contains("replaces");
        // Another certifier role, or a period that does not overlap, is not a duplicate.
        String importerId = certify(id, CERTIFY.replace("\"PRODUCER\"", "\"IMPORTER\"")).then().statusCode(201).extract().path("id");

        // Replacement needs a reason; then the old one ends as REPLACED, pointing to the new one.
        JsonPath noReason = certify(id, CERTIFY.replace("{\"certifierRole\"", "{\"replaces\":\"" + firstId + "\",\"certifierRole\""))
                .then().statusCode(400).extract().jsonPath();
        assertThat(noReason.getList("errors.field", String.class)).containsExactly("replacementReason");
        String replacement = certify(id, CERTIFY.replace("{\"certifierRole\"", "{\"replaces\":\"" + firstId + "\",\"replacementReason\":\"the certifier's telephone changed\",\"certifierRole\"")
                .replace("+52 81 5555 0100", "+52 81 5555 0199")).then().statusCode(201).extract().path("id");
        certify(id, CERTIFY.replace("{\"certifierRole\"", "{\"replaces\":\"" + firstId + "\",\"replacementReason\":\"again\",\"certifierRole\""))
                .then().statusCode(409);

        // Revocation with a reason; a second one is refused; without a reason it is a 400 naming the field.
        as(Roles.REVIEWER).contentType("application/json").body("{\"reason\":\" \"}").post("/api/v1/certifications/" + importerId + "/revocation")
                .then().statusCode(400).contentType("application/problem+json");
        JsonPath revoked = as(Roles.REVIEWER).contentType("application/json").body("{\"reason\":\"the importer withdrew the order\"}")
                .post("/api/v1/certifications/" + importerId + "/revocation").then().statusCode(200).extract().jsonPath();
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.getString("revocation.reason")).isEqualTo("the importer withdrew the order");
        assertThat(revoked.getString("revocation.by")).isEqualTo("test-reviewer");
        as(Roles.REVIEWER).contentType("application/json").body("{\"reason\":\"twice\"}").post("/api/v1/certifications/" + importerId + "/revocation")
                .then().statusCode(409);

        JsonPath list = as(Roles.AUDITOR).get("/api/v1/determinations/" + id + "/certifications").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("id", String.class)).containsExactly(firstId, importerId, replacement);
        assertThat(list.getList("status", String.class)).containsExactly("REPLACED", "REVOKED", "ACTIVE");
        assertThat(list.getString("[0].revocation.replacedBy")).isEqualTo(replacement);
        assertThat(list.getString("[0].element2Certifier.telephone")).as("kept as issued").isEqualTo("+52 81 5555 0100");
        assertThat(list.getString("[2].replaces")).isEqualTo(firstId);
        byte[] pdf = as(Roles.AUDITOR).accept("application/pdf").get("/api/v1/certifications/" + firstId).then().statusCode(200).extract().asByteArray();
        assertThat(com.lowagie.text.pdf.parser.PdfTextExtractor.class).isNotNull();
        try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1)).contains("REPLACED").contains(replacement);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        // A revocation is evidence too: the database refuses to change or delete it.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : new String[] {"update certification_revocation set reason = 'x'", "delete from certification_revocation"}) {
                try {
                    s.executeUpdate(sql);
                    throw new AssertionError(sql + " succeeded");
                } catch (SQLException expected) {
                    assertThat(expected.getMessage()).contains("evidence");
                }
            }
        }
        as(Roles.REVIEWER).contentType("application/json").body("{\"reason\":\"x\"}").post("/api/v1/certifications/" + UUID.randomUUID() + "/revocation")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.AUDITOR))
                .get("/api/v1/determinations/" + id + "/certifications").then().statusCode(404);
    }
}
