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

        assertThat(actual.get("status").asText()).as("status").isEqualTo(expected.get("status").asText());
        assertThat(text(actual.get("originCriterion"))).as("originCriterion").isEqualTo(text(expected.get("originCriterion")));
        assertThat(text(actual.path("productRule").get("id"))).as("product rule").isEqualTo(text(expected.get("productRule")));
        assertRegionalValueContent(expected.path("regionalValueContent"), actual.get("regionalValueContent"));
        assertReasons(expected.path("reasons"), actual.get("reasons"));
        if (expected.has("automotive")) {
            assertSubset("automotive", expected.get("automotive"), actual.get("automotive"));
        }
        if (expected.has("materials")) {
            assertSubset("materials", expected.get("materials"), actual.get("materials"));
        }
        Set<String> missing = new TreeSet<>();
        actual.get("missingData").forEach(m -> missing.add(m.get("field").asText()));
        Set<String> expectedMissing = new TreeSet<>();
        expected.path("missingData").forEach(m -> expectedMissing.add(m.asText()));
        assertThat(missing).as("missingData fields").isEqualTo(expectedMissing);
        for (JsonNode reason : actual.get("reasons")) {
            assertThat(reason.get("citation").asText()).as("citation of " + reason.get("code")).isNotBlank();
        }

        String fetched = given().when().get("/api/v1/determinations/" + id).then().statusCode(200).extract().asString();
        assertThat(fetched).as("GET returns what POST returned").isEqualTo(created.asString());
        assertStored(id, actual, body);
    }

    private void assertRegionalValueContent(JsonNode expected, JsonNode actual) {
        List<String> seen = new ArrayList<>();
        actual.forEach(e -> seen.add(e.get("requirement").asText() + "/" + text(e.get("alternative")) + "/" + e.get("method").asText()));
        assertThat(actual.size()).as("RVC entries computed " + seen).isEqualTo(expected.size());
        for (JsonNode want : expected) {
            String requirement = want.path("requirement").asText("PRODUCT_RULE");
            JsonNode match = null;
            for (JsonNode got : actual) {
                if (got.get("requirement").asText().equals(requirement) && got.get("method").asText().equals(want.get("method").asText())
                        && java.util.Objects.equals(text(got.get("alternative")), text(want.get("alternative")))) {
                    match = got;
                }
            }
            assertThat(match).as("RVC entry " + want + " among " + seen).isNotNull();
            assertThat(match.get("value").decimalValue()).as("RVC value of " + want).isEqualByComparingTo(want.get("value").decimalValue());
            assertThat(match.get("threshold").decimalValue()).as("threshold of " + want).isEqualByComparingTo(want.get("threshold").decimalValue());
            assertThat(match.get("met").asBoolean()).as("met of " + want).isEqualTo(want.get("met").asBoolean());
            if (want.has("pointsShort")) {
                assertThat(match.get("pointsShort").decimalValue()).as("pointsShort").isEqualByComparingTo(want.get("pointsShort").decimalValue());
            }
            if (want.has("nonOriginatingValueOver")) {
                assertThat(match.get("nonOriginatingValueOver").decimalValue()).as("nonOriginatingValueOver")
                        .isEqualByComparingTo(want.get("nonOriginatingValueOver").decimalValue());
            }
        }
    }

    /** Every field the case expects must be in the answer with that value (numbers compared as decimals). */
    private void assertSubset(String path, JsonNode want, JsonNode got) {
        if (want.isNull()) {
            assertThat(got == null || got.isNull()).as(path + " is null").isTrue();
            return;
        }
        assertThat(got).as(path + " present in the answer").isNotNull();
        assertThat(got.isNull()).as(path + " present in the answer").isFalse();
        if (want.isObject()) {
            want.fields().forEachRemaining(f -> assertSubset(path + "." + f.getKey(), f.getValue(), got.get(f.getKey())));
        } else if (want.isArray()) {
            assertThat(got.size()).as(path + " size in " + got).isEqualTo(want.size());
            for (int i = 0; i < want.size(); i++) {
                assertSubset(path + "[" + i + "]", want.get(i), got.get(i));
            }
        } else if (want.isNumber()) {
            assertThat(got.decimalValue()).as(path).isEqualByComparingTo(want.decimalValue());
        } else {
            assertThat(got.asText()).as(path).isEqualTo(want.asText());
        }
    }

    private void assertReasons(JsonNode expected, JsonNode actual) {
        for (JsonNode want : expected) {
            boolean found = false;
            for (JsonNode got : actual) {
                if (!got.get("code").asText().equals(want.get("code").asText())) continue;
                if (want.has("outcome") && !got.get("outcome").asText().equals(want.get("outcome").asText())) continue;
                if (want.has("alternative") && !java.util.Objects.equals(text(got.get("alternative")), text(want.get("alternative")))) continue;
                if (want.has("materials")) {
                    List<String> materials = new ArrayList<>();
                    got.get("materials").forEach(m -> materials.add(m.asText()));
                    List<String> wanted = new ArrayList<>();
                    want.get("materials").forEach(m -> wanted.add(m.asText()));
                    if (!materials.equals(wanted)) continue;
                }
                if (want.has("messageContains") && !got.get("message").asText().contains(want.get("messageContains").asText())) continue;
                found = true;
            }
            assertThat(found).as("expected reason " + want + " in " + actual).isTrue();
        }
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
