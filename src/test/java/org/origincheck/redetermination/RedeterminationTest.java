package org.origincheck.redetermination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Re-determination of a tenant's stored determinations as of another date: the heavy-truck gear box at 69% that
 * passed 64% on 30 June 2027 fails the 70% of 1 July 2027; the boiler does not change; CSV submissions are
 * re-read with their parameters; the originals are untouched; another tenant sees nothing.
 */
@QuarkusTest
class RedeterminationTest {

    private final String tenant = "redet-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    private RequestSpecification as(String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(tenant, roles));
    }

    @Test
    void shouldListTheDeterminationsWhoseOutcomeChangesOnADate() throws Exception {
        String gearBox = as(Roles.SUBMITTER).contentType("application/json").body("""
                {"asOf":"2027-06-30","good":{"partNumber":"GB-HT","hsCode":"8708.40","endUse":"HEAVY_TRUCK_OE","producerCountry":"MX","currency":"USD","netCost":1000},
                 "materials":[{"partNumber":"CASE","hsCode":"8708.99","origin":"NON_ORIGINATING","value":310}]}""")
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        String boiler = as(Roles.SUBMITTER).contentType("text/csv").body("partNumber,hsCode,origin,value\nM1,7208.51,NON_ORIGINATING,10\n")
                .post("/api/v1/determinations?asOf=2027-06-30&partNumber=BLR&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100")
                .then().statusCode(201).extract().path("id");
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations/" + gearBox).then().extract().<String>path("status")).isEqualTo("ORIGINATING");

        as(Roles.SUBMITTER).post("/api/v1/redeterminations?asOf=2027-07-01").then().statusCode(403);
        String job = as(Roles.ADMIN).post("/api/v1/redeterminations?asOf=2027-07-01").then().statusCode(202).extract().path("id");
        JsonPath progress = null;
        for (int i = 0; i < 100; i++) {
            progress = as(Roles.AUDITOR).get("/api/v1/redeterminations/" + job).then().statusCode(200).extract().jsonPath();
            if ("DONE".equals(progress.getString("state"))) break;
            Thread.sleep(100);
        }
        assertThat(progress.getString("state")).isEqualTo("DONE");
        assertThat(progress.getInt("total")).isEqualTo(2);
        assertThat(progress.getLong("failed")).isZero();
        assertThat(progress.getLong("changed")).isEqualTo(1);
        JsonPath changes = as(Roles.REVIEWER).get("/api/v1/redeterminations/" + job + "/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("items.determinationId", String.class)).containsExactly(gearBox).doesNotContain(boiler);
        assertThat(changes.getString("items[0].oldStatus")).isEqualTo("ORIGINATING");
        assertThat(changes.getString("items[0].newStatus")).isEqualTo("NOT_ORIGINATING");
        assertThat(as(Roles.AUDITOR).get("/api/v1/determinations/" + gearBox).then().extract().<String>path("status")).as("original untouched").isEqualTo("ORIGINATING");
        given().header("Authorization", "Bearer " + TestTokens.token("someone-else", Roles.ADMIN)).get("/api/v1/redeterminations/" + job).then().statusCode(404);
    }
}
