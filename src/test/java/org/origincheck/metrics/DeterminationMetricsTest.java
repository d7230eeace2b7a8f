package org.origincheck.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

@QuarkusTest
class DeterminationMetricsTest {

    private static double sample(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{" + Pattern.quote(labels) + "} ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void shouldCountAStoredDeterminationByStatusCriterionAndPackVersionAndTimeItsEvaluation() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        String version = given().auth().oauth2(token).contentType("application/json").body(Files.readString(Path.of("examples/boiler-bom.json")))
                .when().post("/api/v1/determinations").then().statusCode(201).extract().path("rulePack.version");
        String labels = "criterion=\"B\",pack_version=\"" + version + "\",status=\"ORIGINATING\"";
        double before = sample(given().when().get("/q/metrics").asString(), "origincheck_determinations_total", labels);

        given().auth().oauth2(token).contentType("application/json").body(Files.readString(Path.of("examples/boiler-bom.json")))
                .when().post("/api/v1/determinations").then().statusCode(201);

        String metrics = given().when().get("/q/metrics").asString();
        assertThat(sample(metrics, "origincheck_determinations_total", labels)).isEqualTo(before + 1);
        assertThat(metrics).containsPattern("(?m)^origincheck_evaluation_seconds_count\\{[^}]*} [1-9]");

        // The Grafana dashboard in deploy/ queries only series the service exposes.
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy/monitoring/grafana-dashboard.json").toFile());
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher names = Pattern.compile("origincheck_[a-z_]+").matcher(expr.asText());
            while (names.find()) {
                assertThat(metrics).as(expr.asText()).containsPattern("(?m)^" + names.group() + "\\{");
            }
        }
    }
}
