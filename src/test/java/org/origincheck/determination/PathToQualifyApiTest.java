package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.TestTokens;

/**
 * The path to qualify through the what-if endpoint, for a good with an intermediate material (the path is computed on the
 * BOM the engine read, the sub-assembly's origin decided), for a motor vehicle (not available, and said so), and its place
 * in the OpenAPI description. The golden cases qualify-*.yaml check the figures through POST and GET.
 */
@QuarkusTest
class PathToQualifyApiTest {

    @BeforeEach
    void signIn() {
        TestTokens.actAsSubmitter();
    }

    private static Response evaluate(String body) {
        return given().contentType("application/json").body(body).post("/api/v1/evaluations");
    }

    @Test
    void shouldListTheNonOriginatingSubAssemblyAsTheMaterialToChange() {
        // A boiler of 8402.11 (GN11o-84-3). Its drum, an intermediate material of 8402.90 made from non-originating tubes of
        // its own heading worth 70 of its net cost of 90, does not originate under its own rule (GN11o-84-4: no change of
        // heading; RVC (90 - 70) / 90 = 22% < 50%), so its whole value, 80, is non-originating in the boiler. The boiler:
        // A fails (the drum fails the change of heading, 80 > 10% of 500); B's RVC is 54% TV / 48.9% NC. Every option is
        // the drum alone: A needs at least 80 - 50 = 30 of failing value changed, B at least 230 - 200 = 30 (TV) or
        // 230 - 225 = 5 (NC) out of VNM, and the burner (150) is worth more than the drum. The drum is declared designated an
        // intermediate material: not designated, only its tubes (70) would count and B's NC would be met (51.1%), so without the
        // producer's choice the answer is INSUFFICIENT_DATA asking for it (SOR/2020-155 s.7(5)(a), s.8(7)(b)).
        Response r = evaluate("""
                {"asOf":"2026-07-01","good":{"partNumber":"BOILER","hsCode":"8402.11","producerCountry":"MX","currency":"USD",
                  "transactionValue":500,"netCost":450},
                 "materials":[{"partNumber":"DRUM","hsCode":"8402.90","value":80,"netCost":90,"designatedIntermediate":true,
                               "components":[{"partNumber":"TUBES","hsCode":"8402.90","origin":"NON_ORIGINATING","value":70}]},
                              {"partNumber":"BURNER","hsCode":"8416.10","origin":"NON_ORIGINATING","value":150},
                              {"partNumber":"PLATE","hsCode":"7208.51","origin":"ORIGINATING","value":100}]}""");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        JsonPath json = r.jsonPath();
        assertThat(json.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(json.getString("materials[0].origin")).isEqualTo("NON_ORIGINATING");
        assertThat(json.getList("pathToQualify.options.alternative")).containsExactly("A", "B", "B");
        assertThat(json.getList("pathToQualify.options.method")).containsExactly(null, "TRANSACTION_VALUE", "NET_COST");
        for (int i = 0; i < 3; i++) {
            assertThat(json.getList("pathToQualify.options[" + i + "].materials.partNumber")).containsExactly("DRUM");
            assertThat(new BigDecimal(json.getString("pathToQualify.options[" + i + "].valueToResource"))).isEqualByComparingTo("80");
            assertThat(json.getBoolean("pathToQualify.options[" + i + "].bound")).isFalse();
        }
        assertThat(json.getString("headroom")).isNull();
    }

    @Test
    void shouldSayThePathIsNotAvailableForAMotorVehicle() throws Exception {
        // The golden vehicle that meets its product rule but not the core-parts requirement (SOR/2020-155 s.14).
        var request = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(java.nio.file.Path.of("src/test/resources/golden/auto-core-part-fails-vehicle-otherwise-originating.yaml").toFile()).get("request");
        Response r = evaluate(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(request));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        JsonPath json = r.jsonPath();
        assertThat(json.getString("status")).isEqualTo("NOT_ORIGINATING");
        assertThat(json.getList("pathToQualify.options")).isEmpty();
        assertThat(json.getString("pathToQualify.notSearched[0]")).startsWith("Not available for a motor vehicle");
    }

    @Test
    void shouldDescribeThePathToQualifyAndTheHeadroomInTheOpenApi() {
        String openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("\"pathToQualify\"").contains("\"headroom\"").contains("bound false: no cheaper set exists");
    }
}
