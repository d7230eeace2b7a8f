package org.origincheck.api;

import static org.origincheck.security.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * A client generated from the OpenAPI document sends every form an operation lists, JSON first. The determination and
 * the review queue answered it with their PDF and CSV (each checked whether the form was accepted at all), so the
 * generated client could not read a determination back (GeneratedClientIT). The client's order decides now.
 */
@QuarkusTest
class AcceptedFormTest {

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    @Test
    void shouldAnswerTheFirstFormTheClientListsForADetermination() {
        String id = as(Roles.SUBMITTER).contentType("application/json").body("""
                {"reference":"ACCEPT-%s","asOf":"2026-07-01","good":{"partNumber":"BLR-ACC","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"DRUM","description":"Drum","hsCode":"8402.90","origin":"NON_ORIGINATING","value":60}]}"""
                        .formatted(UUID.randomUUID()))
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        String path = "/api/v1/determinations/" + id;

        as(Roles.AUDITOR).accept("application/json, application/xml, text/plain, application/pdf, application/problem+json").get(path)
                .then().statusCode(200).contentType("application/json");
        as(Roles.AUDITOR).accept("application/pdf, application/json").get(path).then().statusCode(200).contentType("application/pdf");
        as(Roles.AUDITOR).accept("application/json;q=0.5, application/pdf").get(path).then().statusCode(200).contentType("application/pdf");
        as(Roles.AUDITOR).accept("text/plain, application/pdf").get(path).then().statusCode(200).contentType("text/plain");
        as(Roles.AUDITOR).accept("application/*").get(path).then().statusCode(200).contentType("application/json");
    }

    @Test
    void shouldAnswerTheFirstFormTheClientListsForTheReviewQueue() {
        as(Roles.REVIEWER).accept("application/json, text/csv, application/problem+json").get("/api/v1/review-queue")
                .then().statusCode(200).contentType("application/json");
        as(Roles.REVIEWER).accept("text/csv, application/json").get("/api/v1/review-queue").then().statusCode(200).contentType("text/csv");
    }
}
