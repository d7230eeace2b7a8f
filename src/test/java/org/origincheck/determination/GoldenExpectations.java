package org.origincheck.determination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a golden case expects of a determination's JSON answer, checked the same way over HTTP
 * ({@link GoldenCasesTest}) and in process through both engines ({@link GoldenCasesInProcessTest}).
 */
final class GoldenExpectations {

    /** A URL, a file of this repository, or a transcription's repository: provenance, not law. */
    private static final String NOT_LAW = "(?i)https?://|www\\.|github|rules/|\\.ya?ml\\b|\\.java\\b|\\.ts\\b|transcri|commit [0-9a-f]{7}";

    private GoldenExpectations() {
    }

    static void assertAnswer(JsonNode expected, JsonNode actual) {
        assertThat(actual.get("status").asText()).as("status").isEqualTo(expected.get("status").asText());
        assertThat(text(actual.get("originCriterion"))).as("originCriterion").isEqualTo(text(expected.get("originCriterion")));
        assertThat(text(actual.path("productRule").get("id"))).as("product rule").isEqualTo(text(expected.get("productRule")));
        // A provisional answer (a rule text not verified against the official text) must be expected as such, and vice versa.
        assertThat(actual.path("provisional").asBoolean()).as("provisional").isEqualTo(expected.path("provisional").asBoolean(false));
        assertRegionalValueContent(expected.path("regionalValueContent"), actual.get("regionalValueContent"));
        assertReasons(expected.path("reasons"), actual.get("reasons"));
        if (expected.has("automotive")) {
            assertSubset("automotive", expected.get("automotive"), actual.get("automotive"));
        }
        if (expected.has("materials")) {
            assertSubset("materials", expected.get("materials"), actual.get("materials"));
        }
        for (JsonNode absent : expected.path("reasonsAbsent")) {
            List<String> codes = new ArrayList<>();
            actual.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
            assertThat(codes).as("reason codes").doesNotContain(absent.asText());
        }
        if (expected.has("pathToQualify")) {
            assertSubset("pathToQualify", expected.get("pathToQualify"), actual.get("pathToQualify"));
        }
        if (expected.has("headroom")) {
            assertSubset("headroom", expected.get("headroom"), actual.get("headroom"));
        }
        Set<String> missing = new TreeSet<>();
        actual.get("missingData").forEach(m -> missing.add(m.get("field").asText()));
        Set<String> expectedMissing = new TreeSet<>();
        // An entry is a field name, or {field, question, legalTextContains, values} to check what is asked as well.
        expected.path("missingData").forEach(m -> expectedMissing.add(m.isObject() ? m.get("field").asText() : m.asText()));
        assertThat(missing).as("missingData fields").isEqualTo(expectedMissing);
        for (JsonNode want : expected.path("missingData")) {
            if (!want.isObject()) {
                continue;
            }
            JsonNode got = null;
            for (JsonNode m : actual.get("missingData")) {
                if (m.get("field").asText().equals(want.get("field").asText())) {
                    got = m;
                }
            }
            String field = want.get("field").asText();
            if (want.has("question")) {
                assertThat(text(got.get("question"))).as("question of " + field).isEqualTo(want.get("question").asText());
            }
            if (want.has("legalTextContains")) {
                assertThat(text(got.get("legalText"))).as("legalText of " + field).contains(want.get("legalTextContains").asText());
            }
            if (want.has("values")) {
                List<String> values = new ArrayList<>();
                got.path("values").forEach(v -> values.add(v.asText()));
                List<String> wanted = new ArrayList<>();
                want.get("values").forEach(v -> wanted.add(v.asText()));
                assertThat(values).as("values of " + field).isEqualTo(wanted);
            }
        }
        // A fact the law states in words is asked with its stable question id, the words of the law and its answers.
        for (JsonNode want : expected.path("questions")) {
            JsonNode got = null;
            for (JsonNode m : actual.get("missingData")) {
                if (m.get("field").asText().equals(want.get("field").asText())) {
                    got = m;
                }
            }
            assertThat(got).as("missingData " + want.get("field")).isNotNull();
            assertThat(got.path("question").asText()).as("question of " + want.get("field")).isEqualTo(want.get("question").asText());
            assertThat(got.path("legalText").asText()).as("legalText of " + want.get("field")).isEqualTo(want.get("legalText").asText());
            List<String> values = new ArrayList<>();
            got.path("values").forEach(v -> values.add(v.asText()));
            List<String> wantValues = new ArrayList<>();
            want.path("values").forEach(v -> wantValues.add(v.asText()));
            assertThat(values).as("values of " + want.get("field")).isEqualTo(wantValues);
        }
        for (JsonNode reason : actual.get("reasons")) {
            assertThat(reason.get("citation").asText()).as("citation of " + reason.get("code")).isNotBlank();
            // Reasons cite the law; where a text came from is productRule.provenance, never a message.
            for (String field : List.of("message", "citation")) {
                assertThat(reason.path(field).asText()).as(field + " of " + reason.get("code") + " names no URL or repository path")
                        .doesNotContainPattern(NOT_LAW);
            }
        }
    }

    /**
     * A case's {@code scenarios:} list: for each, the scenario id and what its answer must be, checked like the answer under the
     * law; the request must name exactly those scenarios, in that order.
     */
    static void assertScenarios(JsonNode expected, JsonNode actual) {
        if (expected.isMissingNode()) {
            assertThat(actual.isMissingNode() || actual.isNull()).as("no scenarios asked, none answered").isTrue();
            return;
        }
        assertThat(actual.size()).as("scenario answers").isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = actual.get(i);
            assertThat(got.get("id").asText()).as("scenarios[" + i + "].id").isEqualTo(want.get("id").asText());
            assertThat(got.get("reasons").get(0).get("code").asText()).as("a scenario's answer says first that it is not law")
                    .isEqualTo("SCENARIO_APPLIED");
            assertAnswer(want.get("expected"), got);
        }
    }

    private static void assertRegionalValueContent(JsonNode expected, JsonNode actual) {
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
    private static void assertSubset(String path, JsonNode want, JsonNode got) {
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

    private static void assertReasons(JsonNode expected, JsonNode actual) {
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
                if (want.has("messageExcludes") && got.get("message").asText().contains(want.get("messageExcludes").asText())) continue;
                found = true;
            }
            assertThat(found).as("expected reason " + want + " in " + actual).isTrue();
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
