package org.origincheck.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Issue 14, finding 8: junk paths sent without a token (answered 400 or 405 before any route matched) were recorded
 * under their raw path, so they filled the 100 uri tags and later endpoints went unrecorded. Before the fix the junk
 * paths appeared as tags in /q/metrics.
 */
@QuarkusTest
class MetricsTagBoundTest {

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    @Test
    void shouldNotRecordJunkPathsAsTagsAndStillRecordARealEndpoint() {
        String marker = "junk" + UUID.randomUUID().toString().substring(0, 8);
        // Before the fix the 400 (NUL in a query, refused before matching) and the 405 were tagged with their raw path.
        for (int i = 0; i < 50; i++) {
            assertThat(given().get("/api/v1/determinations/" + marker + "-a" + i).statusCode()).isLessThan(500);
            assertThat(given().urlEncodingEnabled(false).get("/api/v1/review-queue/" + marker + "-b" + i + "?q=%00").statusCode()).isEqualTo(400);
            assertThat(given().contentType("application/json").body("{}").post("/api/v1/determinations/" + marker + "-c" + i).statusCode()).isEqualTo(405);
            assertThat(given().header("Authorization", "Bearer x.y.z").get("/api/v1/determinations/" + marker + "-d" + i).statusCode()).isEqualTo(401);
        }
        given().header("X-Big", "x".repeat(40_000)).get("/api/v1/review-queue/" + marker + "-big").then().statusCode(431);
        // Found by the 100,000-request generated run: methods other than the routes' own (OPTIONS, HEAD, TRACE) on any path,
        // answered without a 4xx, were still tagged with their raw path.
        String anyId = UUID.randomUUID().toString();
        for (String method : new String[] {"OPTIONS", "HEAD", "TRACE", "PATCH", "PUT", "DELETE"}) {
            for (String path : new String[] {"/api/v1/certifications/" + anyId + "/revocation", "/api/v1/" + marker + "-e", "/api/v1/determinations/" + marker + "-f"}) {
                assertThat(given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.ADMIN)).request(method, path).statusCode())
                        .as(method + " " + path).isLessThan(500);
                assertThat(given().request(method, path).statusCode()).as(method + " " + path).isLessThan(500);
            }
        }

        String tenant = "metrics-" + marker;
        String id = given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.ADMIN))
                .post("/api/v1/redeterminations").then().statusCode(202).extract().path("id");
        given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.AUDITOR))
                .get("/api/v1/redeterminations/" + id + "/changes").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        metrics.lines().filter(l -> l.contains(marker) || l.contains(anyId)).forEach(l -> System.out.println("[raw uri] " + l));
        assertThat(metrics).as("no junk path is a tag").doesNotContain(marker).doesNotContain(anyId);
        assertThat(metrics).as("the endpoint is still recorded, under its template")
                .contains("uri=\"/api/v1/redeterminations/{id}/changes\"").doesNotContain(id);
        assertThat(metrics).contains("uri=\"" + MetricsTagLimits.CLIENT_ERROR + "\"");
    }
}
