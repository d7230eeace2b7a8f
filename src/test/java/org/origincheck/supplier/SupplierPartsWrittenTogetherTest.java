package org.origincheck.supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The supplier x parts a determination names (for the gaps report and revocations) are written in one statement, not one
 * per pair (closing note of 2026-12-05 05:45, security review third part): rows one statement inserted share its
 * transaction id and command id (xmin, cmin), as DeterminationBatchApiTest counts a batch's review rows. Failed before:
 * 12 statements for a determination naming 12 suppliers' parts, 20 for a batch of 5 determinations naming 4 each.
 */
@QuarkusTest
class SupplierPartsWrittenTogetherTest {

    @Inject
    DataSource dataSource;

    private static String bom(String reference, String run, int suppliers) {
        String materials = IntStream.range(0, suppliers).mapToObj(i -> ("{\"partNumber\":\"PART-%d\",\"hsCode\":\"7208.51\",\"supplierId\":\"SUP-%s-%d\","
                + "\"value\":%d}").formatted(i, run, i, 2 + i)).collect(Collectors.joining(","));
        return ("{\"reference\":\"%s\",\"asOf\":\"2026-07-01\",\"good\":{\"partNumber\":\"BOILER\",\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\","
                + "\"currency\":\"USD\",\"transactionValue\":100},\"materials\":[%s]}").formatted(reference, materials);
    }

    private long statements(String reference) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*), count(distinct u.xmin::text || '/' || u.cmin::text) from determination_supplier_part u "
                        + "join determination d on d.id = u.determination_id where d.reference = ?")) {
            q.setString(1, reference);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).as("rows written").isPositive();
                return r.getLong(2);
            }
        }
    }

    private long rows(String reference) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from determination_supplier_part u join determination d on d.id = u.determination_id where d.reference = ?")) {
            q.setString(1, reference);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void shouldWriteADeterminationsSupplierPartsInOneStatement() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String reference = "PO-PARTS-" + run;
        given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER)).contentType("application/json")
                .body(bom(reference, run, 12)).post("/api/v1/determinations").then().statusCode(201);
        assertThat(rows(reference)).isEqualTo(12);
        assertThat(statements(reference)).isEqualTo(1);
        // What the gaps report reads from them: each pair, for this determination.
        assertThat(given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.AUDITOR))
                .queryParam("supplierId", "SUP-" + run + "-7").get("/api/v1/supplier-declarations/gaps?asOf=2026-07-01")
                .then().statusCode(200).extract().jsonPath().getList("items.partNumber", String.class)).containsExactly("PART-7");
    }

    @Test
    void shouldWriteABatchsSupplierPartsTogether() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String reference = "PO-BATCH-PARTS-" + run;
        String body = IntStream.range(0, 5).mapToObj(i -> bom(reference, run + "-" + i, 4)).collect(Collectors.joining("\n")) + "\n";
        String answers = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER))
                .contentType("application/x-ndjson").accept("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/determination-batches")
                .then().statusCode(200).extract().asString();
        assertThat(answers.lines().filter(l -> l.contains("\"status\":201")).count()).as(answers).isEqualTo(5);
        assertThat(rows(reference)).isEqualTo(20);
        assertThat(statements(reference)).as("the batch's 20 supplier parts").isLessThanOrEqualTo(2);
    }
}
