package org.origincheck.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/** Issue 17: the review queue sorted by any column, both ways, and exported as CSV under the same filter and order. */
@QuarkusTest
class QueueSortAndExportTest {

    private static final String TENANT = "queue-sort-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    private static RequestSpecification as(String... roles) {
        return given().header("Authorization", "Bearer " + TestTokens.token(TENANT, roles));
    }

    private static void submit(String partNumber, String hsCode, String materialOrigin) {
        as(Roles.SUBMITTER).contentType("application/json").body("""
                {"reference":"SORT-%s","asOf":"2026-07-01","good":{"partNumber":"%s","hsCode":"%s","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"8402.90","origin":"%s","value":60}]}""".formatted(partNumber, partNumber, hsCode, materialOrigin))
                .post("/api/v1/determinations").then().statusCode(201);
    }

    @Test
    void shouldSortByAnyColumnAndExportTheFilterInThatOrder() {
        submit("B-PART", "8402.11", "NON_ORIGINATING");
        submit("C-PART", "8402.12", "ORIGINATING");
        submit("A-PART", "8402.19", "NON_ORIGINATING");
        List<String> ascending = as(Roles.REVIEWER).get("/api/v1/review-queue?sort=partNumber&direction=asc").then().statusCode(200)
                .extract().jsonPath().getList("items.partNumber", String.class);
        assertThat(ascending).containsExactly("A-PART", "B-PART", "C-PART");
        List<String> byHsDescending = as(Roles.REVIEWER).get("/api/v1/review-queue?sort=hsCode&direction=desc").then().statusCode(200)
                .extract().jsonPath().getList("items.hsCode", String.class);
        assertThat(byHsDescending).isSortedAccordingTo(Comparator.reverseOrder()).hasSize(3);
        List<String> created = as(Roles.AUDITOR).get("/api/v1/review-queue?sort=createdAt&direction=asc").then().statusCode(200)
                .extract().jsonPath().getList("items.createdAt", String.class);
        assertThat(created).isSorted();
        assertThat(as(Roles.AUDITOR).get("/api/v1/review-queue").then().statusCode(200).extract().jsonPath().getList("items.lastActivity", String.class))
                .as("the default: last review activity first").isSortedAccordingTo(Comparator.reverseOrder());

        as(Roles.REVIEWER).get("/api/v1/review-queue?sort=price").then().statusCode(400).contentType("application/problem+json");
        as(Roles.REVIEWER).get("/api/v1/review-queue?direction=sideways").then().statusCode(400).contentType("application/problem+json");

        String csv = as(Roles.AUDITOR).accept("text/csv").get("/api/v1/review-queue?state=PENDING_REVIEW&sort=partNumber&direction=desc&size=1")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("determination_id,created_at,part_number");
        // Only the pending ones (the originating C-PART was approved by the policy), in the order asked, not limited to a page.
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"B-PART\"").contains("\"PENDING_REVIEW\"");
        assertThat(lines[2]).contains("\"A-PART\"");
    }
}
