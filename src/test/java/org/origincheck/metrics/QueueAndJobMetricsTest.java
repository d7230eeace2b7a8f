package org.origincheck.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

@QuarkusTest
class QueueAndJobMetricsTest {

    private static final String NOT_ORIGINATING_BOILER = """
            {"reference":"%s","asOf":"2026-07-01","good":{"partNumber":"BLR-M","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX",
             "currency":"USD","transactionValue":100},
             "materials":[{"partNumber":"DRUM","description":"Drum","hsCode":"8402.90","origin":"NON_ORIGINATING","countryOfOrigin":"DE","value":60},
                          {"partNumber":"PLATE","description":"Plate","hsCode":"7208.51","origin":"ORIGINATING","value":20}]}""";

    @BeforeEach
    void anonymous() {
        TestTokens.anonymous();
    }

    private static double sample(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "} ([0-9.E+-]+|NaN)$").matcher(metrics);
        assertThat(m.find()).as(name + "{" + labels + "} is exported").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void shouldCountADeterminationWaitingForReviewInTheQueueGaugeAndReportJobProgressByItemState() throws InterruptedException {
        String tenant = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        double pendingBefore = sample(given().get("/q/metrics").asString(), "origincheck_review_queue", "state=\"PENDING_REVIEW\"");

        // NOT_ORIGINATING: every such result waits for a reviewer.
        given().auth().oauth2(TestTokens.token(tenant, Roles.SUBMITTER)).contentType("application/json")
                .body(NOT_ORIGINATING_BOILER.formatted("METRICS-" + tenant)).post("/api/v1/determinations").then().statusCode(201);

        String metrics = given().get("/q/metrics").asString();
        assertThat(sample(metrics, "origincheck_review_queue", "state=\"PENDING_REVIEW\"")).isEqualTo(pendingBefore + 1);
        for (String state : new String[] {"APPROVED", "REJECTED", "OVERRIDDEN"}) {
            assertThat(sample(metrics, "origincheck_review_queue", "state=\"" + state + "\"")).isNotNaN().isGreaterThanOrEqualTo(0);
        }

        // After a job ran, its progress gauges are exported with every item state (a finished job's items are no longer
        // counted; other tests' jobs may still run, so the figures themselves are not asserted here).
        String job = given().auth().oauth2(TestTokens.token(tenant, Roles.ADMIN)).post("/api/v1/redeterminations?asOf=2027-07-01")
                .then().statusCode(202).extract().path("id");
        String state = "RUNNING";
        for (int i = 0; i < 600 && !"DONE".equals(state); i++) {
            Thread.sleep(100);
            state = given().auth().oauth2(TestTokens.token(tenant, Roles.AUDITOR)).get("/api/v1/redeterminations/" + job).then().statusCode(200).extract().path("state");
        }
        assertThat(state).isEqualTo("DONE");
        metrics = given().get("/q/metrics").asString();
        for (String item : QueueAndJobMetrics.ITEM_STATES) {
            assertThat(sample(metrics, "origincheck_redetermination_items", "state=\"" + item + "\"")).isNotNaN().isGreaterThanOrEqualTo(0);
        }
        assertThat(sample(metrics, "origincheck_redetermination_jobs", "state=\"RUNNING\"")).isNotNaN().isGreaterThanOrEqualTo(0);
    }
}
