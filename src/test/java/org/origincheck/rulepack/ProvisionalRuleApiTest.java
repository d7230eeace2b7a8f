package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.security.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;

/**
 * A rule whose text is not verified against the official text is applied, provisionally: the answer says so (response,
 * stored JSON) and the review policy sends it to an officer whatever its status; criterion A does not rest on the rule.
 */
@QuarkusTest
class ProvisionalRuleApiTest {

    /** Chapter 26's rule "A change to headings 2601 through 2621 from any other heading, ..." is unverified in the pack. */
    private static String ore(String materialHs, String extra) {
        return """
                {"asOf":"2026-07-01","good":{"partNumber":"ORE-%s","description":"Iron ore concentrate","hsCode":"2601.11","producerCountry":"MX",
                 "currency":"USD","transactionValue":100%s},
                 "materials":[{"partNumber":"M1","hsCode":"%s","origin":"NON_ORIGINATING","value":40%s}]}"""
                .formatted(UUID.randomUUID(), extra.isEmpty() ? "" : ",\"whollyObtained\":\"MINERAL_EXTRACTED\"", materialHs,
                        extra.isEmpty() ? "" : ",\"kind\":\"INDIRECT\"");
    }

    private static JsonPath post(String body) {
        return as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations")
                .then().statusCode(201).extract().jsonPath();
    }

    private static String reviewState(String id) {
        return as(Roles.AUDITOR).get("/api/v1/determinations/" + id + "/review").then().statusCode(200).extract().jsonPath().getString("state");
    }

    @Test
    void anOriginatingAnswerUnderAnUnverifiedRuleIsProvisionalStoredSoAndAlwaysReviewed() {
        // From chapter 39: a change of chapter, so of heading: criterion B under the (unverified) text.
        JsonPath answer = post(ore("3926.90", ""));
        assertThat(answer.getString("status")).isEqualTo("ORIGINATING");
        assertThat(answer.getString("originCriterion")).isEqualTo("B");
        assertThat(answer.getBoolean("provisional")).isTrue();
        assertThat(answer.getList("reasons.code")).contains("PRODUCT_RULE_PROVISIONAL");
        assertThat(answer.getString("productRule.provenance.source")).as("where the text came from is provenance").isNotBlank();
        String id = answer.getString("id");
        // Approved automatically were it verified (a shift alone decides it); provisional, it waits for an officer.
        assertThat(reviewState(id)).isEqualTo("PENDING_REVIEW");
        JsonPath stored = as(Roles.AUDITOR).get("/api/v1/determinations/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(stored.getBoolean("provisional")).as("the stored determination says provisional").isTrue();
        JsonPath events = as(Roles.AUDITOR).get("/api/v1/determinations/" + id + "/review").then().statusCode(200).extract().jsonPath();
        assertThat(events.getString("events[0].justification")).contains("provisionally");
    }

    @Test
    void aVerifiedRuleGivesADefiniteAnswerAndCriterionADoesNotRestOnTheRule() {
        JsonPath verified = post("""
                {"asOf":"2026-07-01","good":{"partNumber":"OK-%s","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"7208.51","origin":"NON_ORIGINATING","value":20}]}""".formatted(UUID.randomUUID()));
        assertThat(verified.getBoolean("provisional")).isFalse();
        assertThat(verified.getList("reasons.code")).doesNotContain("PRODUCT_RULE_PROVISIONAL");

        JsonPath wholly = post(ore("3602.00", "wholly"));
        assertThat(wholly.getString("originCriterion")).isEqualTo("A");
        assertThat(wholly.getBoolean("provisional")).as("Art. 4.2(a) does not apply Schedule 1").isFalse();
    }
}
