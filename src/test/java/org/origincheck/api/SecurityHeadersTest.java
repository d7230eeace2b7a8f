package org.origincheck.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * HSTS on every answer and a Content-Security-Policy on Swagger UI (issue 14, informational findings); both were
 * absent before. That the pages still work under their policies is WorkspaceBrowserTest's job (in Chromium).
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void shouldSendHstsOnEveryAnswer() {
        for (String path : new String[] {"/api/v1/rule-packs", "/q/health/ready", "/workspace/index.html", "/q/openapi"}) {
            Response r = given().get(path);
            assertThat(r.header("Strict-Transport-Security")).as(path).isEqualTo("max-age=31536000; includeSubDomains");
        }
    }

    @Test
    void shouldRestrictSwaggerUiToItsOwnOrigin() {
        Response r = given().get("/q/swagger-ui/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.header("Content-Security-Policy")).contains("default-src 'self'").contains("frame-ancestors 'none'")
                .contains("connect-src 'self'").contains("object-src 'none'");
        assertThat(given().get("/q/swagger-ui/swagger-ui-bundle.js").header("Content-Security-Policy")).isNotNull();
    }
}
