package org.origincheck.supplier;

import static org.origincheck.security.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Materials whose origin comes from evidence: a supplier's declaration valid on the as-of date (valid, expired, revoked,
 * none) and a stored determination as it stood after review. The boiler (HS 8402.11, transaction value 100) with a drum
 * of 8402.90 worth 60: non-originating, the drum fails the shift (same heading) and the RVC is 40% against 60% (the
 * figures of ReviewApiTest.notOriginating); originating, the boiler has no non-originating material and originates.
 */
@QuarkusTest
class MaterialEvidenceApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }


    private static String boiler(LocalDate asOf, String drum) {
        return """
                {"asOf":"%s","good":{"partNumber":"BOILER-%s","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[%s]}""".formatted(asOf, UUID.randomUUID(), drum);
    }

    private static String declaredDrum(String supplier) {
        return "{\"partNumber\":\"DRUM-1\",\"hsCode\":\"8402.90\",\"supplierId\":\"" + supplier + "\",\"value\":60}";
    }

    private static String declaration(String supplier, LocalDate from, LocalDate to) {
        return """
                {"supplier":{"id":"%s","name":"Calderas del Bajio SA","country":"MX"},
                 "items":[{"partNumber":"DRUM-1","hsCode":"8402.90","origin":"ORIGINATING","originCriterion":"B"}],
                 "validFrom":"%s","validTo":"%s","certifier":{"name":"L. Ruiz","email":"lruiz@example.com"},"issuedAt":"%s"}"""
                .formatted(supplier, from, to, from.isAfter(TODAY) ? TODAY : from);
    }

    private static String recordDeclaration(String json) {
        return as(Roles.SUBMITTER).contentType("application/json").body(json).post("/api/v1/supplier-declarations").then().statusCode(201).extract().path("id");
    }

    private static JsonPath determine(String body) {
        Response r = as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        return r.jsonPath();
    }

    @Test
    void shouldTakeTheOriginFromTheDeclarationValidOnTheAsOfDate() {
        String supplier = "SUP-" + UUID.randomUUID();
        String declaration = recordDeclaration(declaration(supplier, TODAY.minusMonths(3), TODAY.plusMonths(3)));
        JsonPath determination = determine(boiler(TODAY, declaredDrum(supplier)));
        assertThat(determination.getString("status")).isEqualTo("ORIGINATING");
        assertThat(determination.getString("materials[0].origin")).isEqualTo("ORIGINATING");
        assertThat(determination.getString("materials[0].originSource")).isEqualTo("DECLARATION");
        assertThat(determination.getString("materials[0].originSourceId")).isEqualTo(declaration);
        assertThat(determination.getString("reasons[0].code")).isEqualTo("MATERIAL_ORIGIN_EVIDENCE");
        assertThat(determination.getString("reasons[0].message")).contains(declaration).contains(supplier);
        // The declaration's period does not cover an earlier as-of date: the drum is UNKNOWN there.
        JsonPath before = determine(boiler(TODAY.minusMonths(4), declaredDrum(supplier)));
        assertThat(before.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(before.getString("materials[0].origin")).isEqualTo("UNKNOWN");
    }

    @Test
    void shouldMakeTheMaterialUnknownWithoutADeclarationNamingSupplierAndPartAndListTheGap() {
        String supplier = "SUP-" + UUID.randomUUID();
        JsonPath determination = determine(boiler(TODAY, declaredDrum(supplier)));
        assertThat(determination.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(determination.getString("materials[0].origin")).isEqualTo("UNKNOWN");
        assertThat(determination.getString("materials[0].originSource")).isEqualTo("DECLARATION");
        assertThat(determination.getString("materials[0].originSourceId")).isNull();
        assertThat(determination.getString("reasons[0].outcome")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(determination.getString("reasons[0].message")).contains(supplier).contains("DRUM-1");
        String id = determination.getString("id");
        JsonPath gaps = as(Roles.AUDITOR).queryParam("supplierId", supplier).get("/api/v1/supplier-declarations/gaps?asOf=" + TODAY).then().statusCode(200).extract().jsonPath();
        assertThat(gaps.getList("items.partNumber")).containsExactly("DRUM-1");
        assertThat(gaps.getList("items[0].determinations")).containsExactly(id);
        String csv = as(Roles.AUDITOR).accept("text/csv").get("/api/v1/supplier-declarations/gaps?asOf=" + TODAY).then().statusCode(200).extract().asString();
        assertThat(csv).contains("\"" + supplier + "\",\"DRUM-1\"," + id);
        // Once a declaration covers the date, the pair is no longer a gap on that date.
        recordDeclaration(declaration(supplier, TODAY.minusMonths(1), TODAY.plusMonths(1)));
        JsonPath after = as(Roles.AUDITOR).queryParam("supplierId", supplier).get("/api/v1/supplier-declarations/gaps?asOf=" + TODAY).then().statusCode(200).extract().jsonPath();
        assertThat(after.getList("items")).isEmpty();
        assertThat(after.getLong("total")).isZero();
    }

    @Test
    void shouldNotRelyOnAnExpiredOrRevokedDeclarationAndReDetermineThoseThatDid() throws InterruptedException {
        String expiredSupplier = "SUP-" + UUID.randomUUID();
        recordDeclaration(declaration(expiredSupplier, TODAY.minusMonths(13), TODAY.minusMonths(2)));
        JsonPath expired = determine(boiler(TODAY, declaredDrum(expiredSupplier)));
        assertThat(expired.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(expired.getString("materials[0].origin")).isEqualTo("UNKNOWN");

        String supplier = "SUP-" + UUID.randomUUID();
        String declaration = recordDeclaration(declaration(supplier, TODAY.minusMonths(3), TODAY.plusMonths(3)));
        String used = determine(boiler(TODAY, declaredDrum(supplier))).getString("id");
        JsonPath revoked = as(Roles.REVIEWER).contentType("application/json").body("{\"reason\":\"the drum plate was imported\"}")
                .post("/api/v1/supplier-declarations/" + declaration + "/revocation").then().statusCode(200).extract().jsonPath();
        assertThat(revoked.getList("determinations")).containsExactly(used);
        // The determination that relied on it is re-determined by the job the revocation started; it no longer originates.
        String job = revoked.getString("redetermination.id");
        assertThat(revoked.getInt("redetermination.total")).isEqualTo(1);
        JsonPath progress = null;
        for (int i = 0; i < 200; i++) {
            progress = as(Roles.AUDITOR).get("/api/v1/redeterminations/" + job).then().statusCode(200).extract().jsonPath();
            if ("DONE".equals(progress.getString("state"))) break;
            Thread.sleep(100);
        }
        assertThat(progress.getString("state")).isEqualTo("DONE");
        assertThat(progress.getLong("failed")).isZero();
        JsonPath changes = as(Roles.AUDITOR).get("/api/v1/redeterminations/" + job + "/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("items.determinationId")).containsExactly(used);
        assertThat(changes.getString("items[0].oldStatus")).isEqualTo("ORIGINATING");
        assertThat(changes.getString("items[0].newStatus")).isEqualTo("NOT_ORIGINATING");
        // The stored determination itself is unchanged: evidence as it was.
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations/" + used).then().statusCode(200).extract().<String>path("status")).isEqualTo("ORIGINATING");
        JsonPath afterRevocation = determine(boiler(TODAY, declaredDrum(supplier)));
        assertThat(afterRevocation.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(afterRevocation.getString("materials[0].origin")).isEqualTo("UNKNOWN");
    }

    @Test
    void shouldTakeTheOriginFromAStoredDeterminationAsItStoodAfterReview() {
        // Auto-approved by the review policy: originating, clearly.
        String approved = determine(boiler(TODAY, "{\"partNumber\":\"PLATE\",\"hsCode\":\"7208.51\",\"origin\":\"NON_ORIGINATING\",\"value\":20}")).getString("id");
        JsonPath fromApproved = determine(boiler(TODAY, "{\"partNumber\":\"DRUM-1\",\"determinationId\":\"" + approved + "\",\"value\":60}"));
        assertThat(fromApproved.getString("status")).isEqualTo("ORIGINATING");
        assertThat(fromApproved.getString("materials[0].originSource")).isEqualTo("DETERMINATION");
        assertThat(fromApproved.getString("materials[0].originSourceId")).isEqualTo(approved);
        // On a date before it was made, it was no evidence.
        JsonPath earlier = determine(boiler(TODAY.minusDays(1), "{\"partNumber\":\"DRUM-1\",\"determinationId\":\"" + approved + "\",\"value\":60}"));
        assertThat(earlier.getString("materials[0].origin")).isEqualTo("UNKNOWN");
        assertThat(earlier.getString("status")).isEqualTo("NOT_ORIGINATING");
        // Waiting for review (not originating, so the policy sends it to an officer): not relied on.
        String pending = determine(boiler(TODAY, declaredDrum("SUP-" + UUID.randomUUID()))).getString("id");
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations/" + pending + "/review").then().extract().<String>path("state")).isEqualTo("PENDING_REVIEW");
        JsonPath fromPending = determine(boiler(TODAY, "{\"partNumber\":\"DRUM-1\",\"determinationId\":\"" + pending + "\",\"value\":60}"));
        assertThat(fromPending.getString("materials[0].origin")).isEqualTo("UNKNOWN");
        assertThat(fromPending.getString("reasons[0].message")).contains("PENDING_REVIEW");
        // Another tenant's determination names nothing here.
        String foreign = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.OTHER_TENANT, Roles.SUBMITTER)).contentType("application/json")
                .body(boiler(TODAY, "{\"partNumber\":\"P\",\"hsCode\":\"7208.51\",\"origin\":\"NON_ORIGINATING\",\"value\":20}"))
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        Response refused = as(Roles.SUBMITTER).contentType("application/json")
                .body(boiler(TODAY, "{\"partNumber\":\"DRUM-1\",\"determinationId\":\"" + foreign + "\",\"value\":60}")).post("/api/v1/evaluations");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getList("errors.field")).containsExactly("materials[0].determinationId");
    }

    /**
     * Accumulation, USMCA Art. 4.11; SOR/2020-155 s.9(1), (3): the boiler of rule 84-3 (GN11(o) ch.84 rule 3) with a
     * non-originating drum of 8402.90 fails alternative (A) (same heading) and needs RVC 60% TV under (B). Its value 60
     * counted whole: (100 - 60) / 100 = 40%, not met. The supplier states 30 of it is non-originating (production in
     * Mexico on imported plate): (100 - 30) / 100 = 70%, met, and the boiler originates (criterion B).
     */
    @Test
    void shouldCountOnlyTheStatedNonOriginatingValueOfAnAccumulatedMaterial() {
        String supplier = "SUP-" + UUID.randomUUID();
        String statement = """
                {"supplier":{"id":"%s","name":"Calderas del Bajio SA","country":"MX"},
                 "items":[{"partNumber":"DRUM-1","hsCode":"8402.90","origin":"NON_ORIGINATING","nonOriginatingValue":30,"currency":"USD"},
                          {"partNumber":"DRUM-MXN","hsCode":"8402.90","origin":"NON_ORIGINATING","nonOriginatingValue":30,"currency":"MXN"}],
                 "validFrom":"%s","validTo":"%s","certifier":{"name":"L. Ruiz","email":"lruiz@example.com"},"issuedAt":"%s"}"""
                .formatted(supplier, TODAY.minusMonths(1), TODAY.plusMonths(1), TODAY.minusMonths(1));
        String declaration = recordDeclaration(statement);
        JsonPath accumulated = determine(boiler(TODAY, declaredDrum(supplier)));
        assertThat(accumulated.getString("materials[0].origin")).isEqualTo("NON_ORIGINATING");
        assertThat(accumulated.getString("status")).isEqualTo("ORIGINATING");
        assertThat(accumulated.getString("originCriterion")).isEqualTo("B");
        assertThat(accumulated.getDouble("regionalValueContent.find { it.method == 'TRANSACTION_VALUE' }.value")).isEqualTo(70.0);
        assertThat(accumulated.getDouble("regionalValueContent.find { it.method == 'TRANSACTION_VALUE' }.valueOfNonOriginatingMaterials")).isEqualTo(30.0);
        assertThat(accumulated.getString("reasons.find { it.code == 'ACCUMULATION' }.message")).contains("DRUM-1").contains(declaration);
        // Without the statement (the same drum stated NON_ORIGINATING) the RVC is 40%: not met.
        JsonPath whole = determine(boiler(TODAY, "{\"partNumber\":\"DRUM-1\",\"hsCode\":\"8402.90\",\"origin\":\"NON_ORIGINATING\",\"value\":60}"));
        assertThat(whole.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(whole.getDouble("regionalValueContent.find { it.method == 'TRANSACTION_VALUE' }.value")).isEqualTo(40.0);
        // A statement in another currency than the good's is not converted: the whole value counts, and the reason says why.
        JsonPath otherCurrency = determine(boiler(TODAY, declaredDrum(supplier).replace("DRUM-1", "DRUM-MXN")));
        assertThat(otherCurrency.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(otherCurrency.getString("reasons.find { it.code == 'ACCUMULATION' }.message")).startsWith("Not accumulated");
    }

    @Test
    void shouldNameTheFieldWhenTheOriginIsNeitherStatedNorEvidenced() {
        Response missing = as(Roles.SUBMITTER).contentType("application/json")
                .body(boiler(TODAY, "{\"partNumber\":\"DRUM-1\",\"hsCode\":\"8402.90\",\"value\":60},{\"hsCode\":\"8402.90\",\"supplierId\":\"S\",\"value\":1}"))
                .post("/api/v1/evaluations");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.jsonPath().getList("errors.field")).containsExactly("materials[0].origin", "materials[1].partNumber");
        Response both = as(Roles.SUBMITTER).contentType("application/json")
                .body(boiler(TODAY, "{\"partNumber\":\"DRUM-1\",\"origin\":\"ORIGINATING\",\"determinationId\":\"" + UUID.randomUUID() + "\",\"value\":60}"))
                .post("/api/v1/evaluations");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.jsonPath().getList("errors.field")).containsExactly("materials[0].determinationId");
        // A stated origin is kept; the answer then has no materials[] (every origin stated, no supplier named).
        JsonPath stated = as(Roles.SUBMITTER).contentType("application/json")
                .body(boiler(TODAY, "{\"partNumber\":\"DRUM-1\",\"hsCode\":\"8402.90\",\"origin\":\"ORIGINATING\",\"value\":60}"))
                .post("/api/v1/evaluations").then().statusCode(200).extract().jsonPath();
        assertThat(stated.getList("materials")).isNull();
        assertThat(stated.getString("status")).isEqualTo("ORIGINATING");
    }
}
