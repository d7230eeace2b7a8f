package org.origincheck.determination.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.api.Problem;
import org.origincheck.security.TestTokens;

/**
 * The catalogue of {@link ValidationAnswersUnchangedTest} runs in process with a Hibernate Validator bootstrapped as Quarkus
 * bootstraps it; this sends every 8th of its refused submissions to the running service (POST /api/v1/evaluations, the same
 * reading and validation as /api/v1/determinations, nothing stored) and compares the problem documents with the recorded
 * ones: the messages of {@link Amount}, interpolated with expression language enabled for its violations, and of
 * {@link RequestFormats} are checked here with Quarkus' own validator factory and message interpolation.
 */
@QuarkusTest
class ValidationAnswersOverHttpTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAsSubmitter();
    }

    @Test
    void shouldAnswerTheCatalogueAsRecorded() throws Exception {
        Map<String, Integer> messages = new LinkedHashMap<>();
        Map<String, String> recorded = new LinkedHashMap<>();
        ValidationAnswersUnchangedTest.read(messages, recorded);
        List<ValidationAnswersUnchangedTest.Case> cases = ValidationAnswersUnchangedTest.cases();
        List<String> changed = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < cases.size(); i += 8) {
            ValidationAnswersUnchangedTest.Case c = cases.get(i);
            String expected = recorded.get(c.name());
            if (expected == null || !expected.startsWith("400 ")) {
                continue; // accepted ones would be evaluated; the catalogue's other answers are not validation's
            }
            Response response = given().contentType("application/json").body(c.body().getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/v1/evaluations").then().extract().response();
            sent++;
            assertThat(response.contentType()).as(c.name()).startsWith(Problem.MEDIA_TYPE);
            JsonPath json = response.jsonPath();
            List<Problem.FieldError> errors = new ArrayList<>();
            for (Map<String, String> e : json.<Map<String, String>>getList("errors")) {
                errors.add(new Problem.FieldError(e.get("field"), e.get("message")));
            }
            Problem problem = new Problem(json.getString("type"), json.getString("title"), response.statusCode(), json.getString("detail"), null, errors);
            String answer = ValidationAnswersUnchangedTest.written(problem, messages);
            if (!answer.equals(expected)) {
                changed.add(c.name() + "\n  recorded: " + expected + "\n  over HTTP: " + answer);
            }
        }
        assertThat(sent).isGreaterThan(400);
        assertThat(changed).as(changed.size() + " of " + sent + " answers differ").isEmpty();
    }
}
