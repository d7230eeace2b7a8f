package org.origincheck.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The README's examples work as written: the CSV example is the same boiler as the JSON one and must reach the
 * same determination (ORIGINATING, criterion B), with the good in the query string as the README shows.
 */
@QuarkusTest
class ExamplesTest {

    @Test
    void shouldDetermineTheCsvExampleAsTheJsonExample() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        given().auth().oauth2(token).contentType("application/json").body(Files.readString(Path.of("examples/boiler-bom.json")))
                .when().post("/api/v1/determinations")
                .then().statusCode(201).body("status", equalTo("ORIGINATING")).body("originCriterion", equalTo("B"));

        given().auth().oauth2(token).contentType("text/csv").body(Files.readString(Path.of("examples/boiler-bom.csv")))
                .queryParam("reference", "PO-4411-CSV-" + System.nanoTime()).queryParam("asOf", "2026-07-01")
                .queryParam("hsCode", "8402.11").queryParam("producerCountry", "MX").queryParam("currency", "USD")
                .queryParam("transactionValue", "100000.00").queryParam("netCost", "90000.00")
                .when().post("/api/v1/determinations")
                .then().statusCode(201).body("status", equalTo("ORIGINATING")).body("originCriterion", equalTo("B"));
    }
}
