package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden case in src/test/resources/golden against the running application and its
 * PostgreSQL: one YAML file per case, with the submission, the expected outcome and the source of every
 * expected figure. A case passes when the API answers as expected, GET returns the same JSON, and the row
 * in the database records the same status and rule pack.
 */
@QuarkusTest
class GoldenCasesTest {

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        org.origincheck.security.TestTokens.actAsSubmitter();
    }

    private static final Path CASES = Path.of("src/test/resources/golden");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CASES)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).as("golden cases").hasSizeGreaterThanOrEqualTo(120);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    private void run(Path file) throws Exception {
        JsonNode golden = YAML.readTree(file.toFile());
        assertThat(golden.path("note").asText()).as("every case says what it proves").isNotBlank();
        assertThat(golden.path("source").asText()).as("every case names the source of its expected figures").isNotBlank();
        JsonNode expected = golden.get("expected");
        String body = JSON.writeValueAsString(golden.get("request"));

        Response created = given().contentType("application/json").body(body)
                .when().post("/api/v1/determinations")
                .then().statusCode(201).extract().response();
        JsonNode actual = JSON.readTree(created.asString());
        String id = actual.get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/v1/determinations/" + id);

        GoldenExpectations.assertAnswer(expected, actual);
        GoldenExpectations.assertScenarios(golden.path("scenarios"), actual.path("scenarios"));

        String fetched = given().when().get("/api/v1/determinations/" + id).then().statusCode(200).extract().asString();
        if (golden.has("scenarios")) {
            // A scenario's answer is not law and is not stored: GET returns the determination without it.
            ((com.fasterxml.jackson.databind.node.ObjectNode) actual).remove("scenarios");
            assertThat(JSON.readTree(fetched)).as("GET returns what POST returned, without the scenarios").isEqualTo(actual);
        } else {
            assertThat(fetched).as("GET returns what POST returned").isEqualTo(created.asString());
        }
        assertStored(id, actual, body);
    }

    private void assertStored(String id, JsonNode actual, String body) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select status, origin_criterion, rule_pack_sha256, submission, response from determination where id = ?::uuid")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("row " + id + " in PostgreSQL").isTrue();
                assertThat(row.getString("status")).isEqualTo(actual.get("status").asText());
                assertThat(row.getString("origin_criterion")).isEqualTo(text(actual.get("originCriterion")));
                assertThat(row.getString("rule_pack_sha256")).isEqualTo(actual.get("rulePack").get("sha256").asText());
                assertThat(row.getString("submission")).as("submission stored as received").isEqualTo(body);
            }
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
