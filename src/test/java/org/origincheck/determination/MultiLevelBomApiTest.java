package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.TestTokens;

/**
 * Multi-level BOMs beyond the golden cases 320-321: the limits, the errors inside the tree, and the answers that must not
 * be definite (an intermediate of undetermined origin; two nested intermediates subject to an RVC, SOR s.8(6)).
 */
@QuarkusTest
class MultiLevelBomApiTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAsSubmitter();
    }

    private static String bicycle(String frame) {
        return """
                {"asOf":"2026-07-01","good":{"partNumber":"BICYCLE","hsCode":"8402.90","producerCountry":"MX","currency":"USD",
                  "costs":{"totalCost":23.2,"excludedCosts":0.2}},
                 "materials":[%s,{"partNumber":"PARTS","hsCode":"8402.90","origin":"NON_ORIGINATING","value":5.5}]}""".formatted(frame);
    }

    private static Response evaluate(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/evaluations");
    }

    /** A chain of intermediates {@code levels} deep under the good (the good's own materials being level 1). */
    private static String chain(int levels) {
        String leaf = "{\"partNumber\":\"LEAF\",\"hsCode\":\"7306.30\",\"origin\":\"ORIGINATING\",\"value\":1}";
        String material = leaf;
        for (int level = levels - 1; level >= 1; level--) {
            material = "{\"partNumber\":\"L" + level + "\",\"hsCode\":\"8402.90\",\"value\":1,\"components\":[" + material + "]}";
        }
        return material;
    }

    @Test
    void shouldAcceptTenLevelsAndRefuseEleven() {
        Response ten = evaluate(bicycle(chain(10)));
        assertThat(ten.statusCode()).as(ten.asString()).isEqualTo(200);
        assertThat(ten.jsonPath().getString("materials[0].components[0].components[0].originSource")).isEqualTo("COMPONENTS");
        Response eleven = evaluate(bicycle(chain(11)));
        assertThat(eleven.statusCode()).isEqualTo(400);
        assertThat(eleven.contentType()).startsWith("application/problem+json");
        assertThat(eleven.jsonPath().getString("errors[0].field"))
                .isEqualTo("materials[0]" + ".components[0]".repeat(9) + ".components");
        assertThat(eleven.jsonPath().getString("errors[0].message")).contains("at most 10 levels");
    }

    @Test
    void shouldNameTheFieldOfAnErrorInsideTheTree() {
        Response noHs = evaluate(bicycle("{\"partNumber\":\"FRAME\",\"value\":10.6,\"components\":[{\"hsCode\":\"7306.30\",\"origin\":\"ORIGINATING\",\"value\":1}]}"));
        assertThat(noHs.statusCode()).isEqualTo(400);
        assertThat(noHs.jsonPath().getList("errors.field")).containsExactly("materials[0].hsCode");
        Response stated = evaluate(bicycle("{\"partNumber\":\"FRAME\",\"hsCode\":\"8402.90\",\"origin\":\"ORIGINATING\",\"value\":10.6,"
                + "\"components\":[{\"hsCode\":\"7306.30\",\"origin\":\"ORIGINATING\",\"value\":1}]}"));
        assertThat(stated.statusCode()).isEqualTo(400);
        assertThat(stated.jsonPath().getList("errors.field")).containsExactly("materials[0].components");
        Response negative = evaluate(bicycle("{\"partNumber\":\"FRAME\",\"hsCode\":\"8402.90\",\"value\":10.6,"
                + "\"components\":[{\"hsCode\":\"7306.30\",\"origin\":\"ORIGINATING\",\"value\":1},{\"hsCode\":\"7306.30\",\"origin\":\"ORIGINATING\",\"value\":-4321.5}]}"));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.jsonPath().getList("errors.field")).containsExactly("materials[0].components[1].value");
        assertThat(negative.asString()).doesNotContain("4321");
    }

    @Test
    void shouldNotGiveADefiniteAnswerWhenAnIntermediateOfUndeterminedOriginDecidesIt() {
        // The frame's own non-originating input is of its subheading, so only its RVC can qualify it, and it has no costs.
        JsonPath answer = evaluate(bicycle("{\"partNumber\":\"FRAME\",\"hsCode\":\"8402.90\",\"value\":10.6,"
                + "\"components\":[{\"partNumber\":\"TUBES\",\"hsCode\":\"8402.90\",\"origin\":\"NON_ORIGINATING\",\"value\":7.5}]}"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("materials[0].determination.status")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(answer.getString("materials[0].origin")).isEqualTo("UNKNOWN");
        // Counted as non-originating, the bicycle would fail (VNM 16.10 of NC 23.00); with the frame's costs it might not.
        assertThat(answer.getString("status")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(answer.getList("missingData.field")).anyMatch(f -> f.toString().startsWith("materials[0]."));
        assertThat(answer.getList("reasons.code")).contains("INTERMEDIATE_MATERIAL");
    }

    @Test
    void shouldNotDesignateTwoNestedIntermediatesBothSubjectToAnRvc() {
        // Both the frame and the fork inside it qualify only by the RVC of rule 84-4 (B): s.8(6) lets the producer designate one.
        String fork = "{\"partNumber\":\"FORK\",\"hsCode\":\"8402.90\",\"value\":3,\"netCost\":3,"
                + "\"components\":[{\"partNumber\":\"FORK-PARTS\",\"hsCode\":\"8402.90\",\"origin\":\"NON_ORIGINATING\",\"value\":1}]}";
        String frame = "{\"partNumber\":\"FRAME\",\"hsCode\":\"8402.90\",\"value\":10.6,\"netCost\":10.4,\"components\":[" + fork
                + ",{\"partNumber\":\"TUBES\",\"hsCode\":\"8402.90\",\"origin\":\"NON_ORIGINATING\",\"value\":1}]}";
        JsonPath answer = evaluate(bicycle(frame)).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("materials[0].components[0].determination.status")).isEqualTo("ORIGINATING");
        assertThat(answer.getString("materials[0].determination.status")).isEqualTo("INSUFFICIENT_DATA");
        assertThat(answer.getString("materials[0].determination.reasons.find { it.code == 'INTERMEDIATE_MATERIAL' && it.outcome == 'INSUFFICIENT_DATA' }.citation")).isEqualTo("SOR/2020-155 s.8(6)");
        assertThat(answer.getString("materials[0].origin")).isEqualTo("UNKNOWN");
    }

    @Test
    void shouldTakeTheProducersChoiceOfDesignationAndRefuseItOnAMaterialWithoutComponents() {
        // SOR/2020-155 s.8 Example 3, Situation B: the frame not designated, the bicycle's net cost 22.80, VNM 7.50 + 5.50.
        String frame = "{\"partNumber\":\"FRAME\",\"hsCode\":\"8402.90\",\"value\":10.6,\"designatedIntermediate\":false,"
                + "\"costs\":{\"totalCost\":10.6,\"excludedCosts\":0.2},\"components\":[{\"hsCode\":\"7306.30\",\"origin\":\"ORIGINATING\",\"value\":1},"
                + "{\"hsCode\":\"7306.30\",\"origin\":\"NON_ORIGINATING\",\"value\":7.5}]}";
        JsonPath answer = evaluate(bicycle(frame).replace("\"excludedCosts\":0.2}}", "\"excludedCosts\":0.4}}"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(answer.getString("materials[0].origin")).isEqualTo("ORIGINATING");
        assertThat(answer.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(answer.getDouble("regionalValueContent[0].valueOfNonOriginatingMaterials")).isEqualTo(13.0);

        Response plain = evaluate(bicycle("{\"partNumber\":\"FRAME\",\"hsCode\":\"8402.90\",\"origin\":\"ORIGINATING\",\"value\":10.6,"
                + "\"designatedIntermediate\":true}"));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.contentType()).startsWith("application/problem+json");
        assertThat(plain.jsonPath().getList("errors.field")).containsExactly("materials[0].designatedIntermediate");
    }
}
