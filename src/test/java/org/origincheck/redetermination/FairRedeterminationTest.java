package org.origincheck.redetermination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Issue 14, finding 4: re-determination jobs of one tenant must not hold back another tenant's, and an identical job
 * submitted while one runs returns the running one. Before the fix all jobs shared a first-come pool, so tenant B's
 * one-determination job finished only after all three of tenant A's large jobs; this test asserts on progress, not time.
 */
@QuarkusTest
class FairRedeterminationTest {

    private static final int LARGE = 1500;

    private final String tenantA = "fair-a-" + UUID.randomUUID().toString().substring(0, 8);
    private final String tenantB = "fair-b-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EntityManager em;

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    private RequestSpecification as(String tenant, String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(tenant, roles));
    }

    private String submitGearBox(String tenant) {
        return as(tenant, Roles.SUBMITTER).contentType("application/json").body("""
                {"asOf":"2027-06-30","good":{"partNumber":"GB-HT","hsCode":"8708.40","endUse":"HEAVY_TRUCK_OE","producerCountry":"MX","currency":"USD","netCost":1000},
                 "materials":[{"partNumber":"CASE","hsCode":"8708.99","origin":"NON_ORIGINATING","value":310}]}""")
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
    }

    /** Copies of one stored determination, written directly: a large tenant in a second instead of 1,500 requests. */
    private void cloneDeterminations(String id, int copies) {
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<String> columns = em.createNativeQuery("select column_name from information_schema.columns "
                    + "where table_name = 'determination' and column_name <> 'id' order by ordinal_position").getResultList();
            String list = String.join(", ", columns);
            String select = columns.stream().map(c -> "d." + c).collect(Collectors.joining(", "));
            em.createNativeQuery("insert into determination (id, " + list + ") select md5(random()::text || g::text)::uuid, " + select
                            + " from determination d, generate_series(1, :n) g where d.id = :id")
                    .setParameter("n", copies).setParameter("id", UUID.fromString(id)).executeUpdate();
        });
    }

    private ExtractableResponse<Response> start(String tenant, String asOf, int status) {
        return as(tenant, Roles.ADMIN).post("/api/v1/redeterminations?asOf=" + asOf).then().statusCode(status).extract();
    }

    private String state(String tenant, String job) {
        return as(tenant, Roles.AUDITOR).get("/api/v1/redeterminations/" + job).then().statusCode(200).extract().path("state");
    }

    private void awaitDone(String tenant, String job) throws InterruptedException {
        for (int i = 0; i < 2400 && !"DONE".equals(state(tenant, job)); i++) {
            Thread.sleep(50);
        }
        assertThat(state(tenant, job)).as("job %s finishes", job).isEqualTo("DONE");
    }

    @Test
    void shouldFinishASmallJobOfOneTenantWhileAnotherTenantsLargeJobsRun() throws Exception {
        cloneDeterminations(submitGearBox(tenantA), LARGE - 1);
        submitGearBox(tenantB);

        List<String> large = List.of("2027-07-01", "2027-07-02", "2027-07-03").stream()
                .map(asOf -> start(tenantA, asOf, 202).<String>path("id")).toList();
        String small = start(tenantB, "2027-07-01", 202).path("id");

        awaitDone(tenantB, small);
        List<String> states = large.stream().map(job -> state(tenantA, job)).toList();
        assertThat(states).as("tenant A's large jobs when tenant B's small one is done").contains("RUNNING");

        for (String job : large) {
            awaitDone(tenantA, job);
        }
        assertThat(as(tenantB, Roles.AUDITOR).get("/api/v1/redeterminations/" + small).then().extract().<Integer>path("total")).isEqualTo(1);
        assertThat(as(tenantA, Roles.AUDITOR).get("/api/v1/redeterminations/" + large.get(0)).then().extract().<Integer>path("done")).isEqualTo(LARGE);
    }

    @Test
    void shouldReturnTheRunningJobForAnIdenticalRequest() throws Exception {
        cloneDeterminations(submitGearBox(tenantA), LARGE - 1);
        submitGearBox(tenantB);

        String running = start(tenantA, "2027-07-01", 202).path("id");
        ExtractableResponse<Response> again = start(tenantA, "2027-07-01", 200);
        assertThat(again.<String>path("id")).as("the running job, not a second one").isEqualTo(running);
        assertThat(again.header("Location")).endsWith("/api/v1/redeterminations/" + running);

        String otherDate = start(tenantA, "2027-07-02", 202).path("id");
        String otherTenant = start(tenantB, "2027-07-01", 202).path("id");
        assertThat(List.of(otherDate, otherTenant)).doesNotContain(running);

        awaitDone(tenantA, running);
        awaitDone(tenantA, otherDate);
        String afterwards = start(tenantA, "2027-07-01", 202).path("id");
        assertThat(afterwards).as("a finished job is not reused").isNotEqualTo(running);
        awaitDone(tenantA, afterwards);
        awaitDone(tenantB, otherTenant);
    }
}
