package org.origincheck.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WorkspaceRedirectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/workspace"})
    void shouldSendAPersonToTheWorkspace(String path) {
        given().redirects().follow(false).when().get(path)
                .then().statusCode(302).header("Location", endsWith("/workspace/"));
    }

    @Test
    void shouldStillServeTheWorkspaceItself() {
        given().redirects().follow(false).when().get("/workspace/")
                .then().statusCode(200).contentType(containsString("text/html")).body(containsString("OriginCheck workspace"));
        given().redirects().follow(false).when().get("/workspace/queue.js").then().statusCode(200);
    }
}
