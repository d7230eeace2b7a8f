package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.security.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;

/** The service started with ORIGINCHECK_RULE_PACK_OVERLAY set to the test fixture: determinations use and name the overlaid pack. */
@QuarkusTest
@TestProfile(RulePackOverlayApiTest.WithFixtureOverlay.class)
class RulePackOverlayApiTest {

    public static class WithFixtureOverlay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(RulePackRegistry.OVERLAY_KEY, RulePackOverlayTest.FIXTURE.toAbsolutePath().toString());
        }
    }

    @Test
    void aDeterminationUnderAnOverlayRuleNamesTheOverlaidPacksSha256() {
        String expectedSha = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")),
                RulePackOverlay.directory(RulePackOverlayTest.FIXTURE.resolve("usmca"))).pack().sha256();
        String body = """
                {"asOf":"2026-07-01","good":{"partNumber":"BOOT-%s","description":"Waterproof boot (test fixture rule)","hsCode":"6401.10",
                 "producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"SOLE","hsCode":"3926.90","origin":"NON_ORIGINATING","value":40}]}""".formatted(UUID.randomUUID());
        JsonPath answer = as(Roles.SUBMITTER).contentType("application/json").body(body).post("/api/v1/determinations")
                .then().statusCode(201).extract().jsonPath();
        assertThat(answer.getString("productRule.id")).isEqualTo("FIXTURE-64-6401-10");
        assertThat(answer.getString("status")).isEqualTo("ORIGINATING");
        assertThat(answer.getString("rulePack.sha256")).isEqualTo(expectedSha);
        JsonPath packs = as(Roles.AUDITOR).get("/api/v1/rule-packs").then().statusCode(200).extract().jsonPath();
        assertThat(packs.getList("sha256", String.class)).contains(expectedSha);
    }
}
