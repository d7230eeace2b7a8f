package org.origincheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The running service authenticates bearer tokens through the cache (a verified token is kept; a refused one is not). */
@QuarkusTest
class VerifiedTokenCacheWiringTest {

    @Inject
    VerifiedTokenCache cache;

    @Test
    void shouldKeepAVerifiedTokenAndNotARefusedOne() {
        String token = TestTokens.token(TestTokens.TENANT, Roles.AUDITOR);
        int before = cache.cached();

        given().header("Authorization", "Bearer " + token).get("/api/v1/determinations").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/api/v1/determinations").then().statusCode(200);
        assertThat(cache.cached()).isEqualTo(before + 1);

        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + tampered).get("/api/v1/determinations").then().statusCode(401);
        given().header("Authorization", "Bearer " + tampered).get("/api/v1/determinations").then().statusCode(401);
        assertThat(cache.cached()).isEqualTo(before + 1);
    }
}
