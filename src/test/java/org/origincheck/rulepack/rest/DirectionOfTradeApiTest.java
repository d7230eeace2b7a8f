package org.origincheck.rulepack.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/v1/product-rules for a provision with one text for Canada-US trade and one for all other trade (5509.31). */
@QuarkusTest
class DirectionOfTradeApiTest {

    @BeforeEach
    void signIn() {
        org.origincheck.security.TestTokens.actAsSubmitter();
    }

    @Test
    void theTextIsChosenByTheImportingCountryAndTheCountryItComesFrom() {
        JsonPath both = given().queryParam("hsCode", "5509.31").queryParam("asOf", "2026-07-01")
                .when().get("/api/v1/product-rules").then().statusCode(200).extract().jsonPath();
        assertThat(both.getString("status")).isEqualTo("NEEDS_MORE_DATA");
        assertThat(both.getString("missingField")).isEqualTo("good.importingCountry");
        assertThat(both.getList("rules.trade", String.class)).containsExactlyInAnyOrder("CANADA_UNITED_STATES", "ALL_OTHER_TRADE");

        JsonPath canada = given().queryParam("hsCode", "5509.31").queryParam("asOf", "2026-07-01").queryParam("importingCountry", "CA")
                .queryParam("importedFrom", "US").when().get("/api/v1/product-rules").then().statusCode(200).extract().jsonPath();
        assertThat(canada.getString("rules[0].id")).isEqualTo("GN11o-text-55-5509-31-canada");
        assertThat(canada.getString("rules[0].trade")).isEqualTo("CANADA_UNITED_STATES");

        JsonPath other = given().queryParam("hsCode", "5509.31").queryParam("asOf", "2026-07-01").queryParam("importingCountry", "MX")
                .when().get("/api/v1/product-rules").then().statusCode(200).extract().jsonPath();
        assertThat(other.getString("rules[0].id")).isEqualTo("GN11o-text-55-5509-31-other");
    }

    @Test
    void aCountryThatIsNotOneIsAProblemNamingTheParameter() {
        Response bad = given().queryParam("hsCode", "5509.31").queryParam("importingCountry", "DE")
                .when().get("/api/v1/product-rules").then().extract().response();
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.jsonPath().getString("errors[0].field")).isEqualTo("importingCountry");
        assertThat(bad.asString()).doesNotContain("\"DE\"");

        Response from = given().queryParam("hsCode", "5509.31").queryParam("importedFrom", "canada")
                .when().get("/api/v1/product-rules").then().extract().response();
        assertThat(from.statusCode()).isEqualTo(400);
        assertThat(from.jsonPath().getString("errors[0].field")).isEqualTo("importedFrom");
    }
}
