package org.origincheck.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without an identity provider (dev and test profiles) the workspace offers no provider sign-in and keeps the dev one. */
@QuarkusTest
class WorkspaceSessionTest {

    @BeforeEach
    void anonymous() {
        TestTokens.anonymous();
    }

    @Test
    void shouldOfferNoProviderSignInAndNoTokenWithoutAProvider() {
        given().get("/workspace/session").then().statusCode(200).header("Cache-Control", "no-store")
                .body("providerSignIn", equalTo(false)).body("accessToken", nullValue());
        given().post("/dev/sign-in?tenant=acme&roles=reviewer").then().statusCode(200);
        // The provider's sign-in page exists only with a provider: here it refuses, and sends nobody anywhere.
        given().redirects().follow(false).get("/workspace/sign-in").then().statusCode(401);
    }
}
