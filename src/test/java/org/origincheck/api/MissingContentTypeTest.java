package org.origincheck.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Issue 14, finding 7 remainder. Before the fix a POST without Content-Type was read as JSON (201); java.net.http is
 * used because it adds no Content-Type of its own.
 */
@QuarkusTest
class MissingContentTypeTest {

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    @Test
    void shouldAnswer415NamingTheAcceptedTypesForABodyWithoutContentType() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String bom = """
                {"asOf":"2026-06-30","good":{"partNumber":"GB","hsCode":"8708.40","endUse":"HEAVY_TRUCK_OE","producerCountry":"MX","currency":"USD","netCost":1000},
                 "materials":[{"partNumber":"CASE","hsCode":"8708.99","origin":"NON_ORIGINATING","value":310}]}""";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/determinations"))
                .header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER))
                .POST(HttpRequest.BodyPublishers.ofString(bom)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(request.headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("application/json").contains("text/csv").doesNotContain("8708");
    }

    @Test
    void shouldStillStartAReDeterminationWithoutBodyOrContentType() {
        given().header("Authorization", "Bearer " + TestTokens.token("ct-" + System.nanoTime(), Roles.ADMIN))
                .post("/api/v1/redeterminations").then().statusCode(202);
    }

    @Test
    void shouldNameAsOfWhenItIsNotADate() {
        given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.ADMIN))
                .post("/api/v1/redeterminations?asOf=bad").then().statusCode(400)
                .contentType("application/problem+json").body(org.hamcrest.Matchers.containsString("asOf"));
    }
}
