package org.origincheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.origincheck.config.DevSigningKeyConfigSourceFactory;

/**
 * smallrye-jwt's mechanism is asked before quarkus-oidc's (application.properties, quarkus.smallrye-jwt.priority), so that
 * an API request's bearer token is verified without quarkus-oidc resolving a tenant first (issue 19, branch i20a). With
 * that order, a write (a single determination, a batch) without a valid token must still be refused and store nothing:
 * no token, a token signed with another key, expired, from another issuer or for another audience, not a JWT at all.
 */
@QuarkusTest
class BearerFirstAuthenticationTest {

    private static final String BOM = """
            {"asOf":"2026-07-01","good":{"partNumber":"BEARER-FIRST","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},"materials":[{"partNumber":"M1","hsCode":"8402.90","origin":"NON_ORIGINATING","value":5}]}""";

    @Inject
    Instance<HttpAuthenticationMechanism> mechanisms;

    @Inject
    DataSource dataSource;

    @AfterEach
    void anonymous() {
        TestTokens.anonymous();
    }

    @Test
    void shouldAskSmallryeJwtBeforeQuarkusOidc() {
        int jwt = Integer.MIN_VALUE;
        int oidc = Integer.MIN_VALUE;
        for (HttpAuthenticationMechanism mechanism : mechanisms) {
            String name = mechanism.getClass().getName();
            if (name.startsWith("io.quarkus.smallrye.jwt.")) {
                jwt = Math.max(jwt, mechanism.getPriority());
            } else if (name.startsWith("io.quarkus.oidc.")) {
                oidc = Math.max(oidc, mechanism.getPriority());
            }
        }
        assertThat(oidc).as("quarkus-oidc's mechanism is installed").isGreaterThan(Integer.MIN_VALUE);
        assertThat(jwt).as("smallrye-jwt's mechanism is asked first").isGreaterThan(oidc);
    }

    @Test
    void shouldStoreNothingForAWriteWithoutAValidToken() throws Exception {
        long before = storedBearerFirst();
        for (String token : tokensNotValid()) {
            caller(token).contentType("application/json").body(BOM.getBytes(StandardCharsets.UTF_8)).post("/api/v1/determinations").then().statusCode(401);
            caller(token).contentType("application/x-ndjson").body(batch()).post("/api/v1/determination-batches").then().statusCode(401);
        }
        assertThat(storedBearerFirst()).isEqualTo(before);
    }

    @Test
    void shouldStoreForAValidToken() throws Exception {
        long before = storedBearerFirst();
        TestTokens.as(Roles.SUBMITTER).contentType("application/json").body(BOM.getBytes(StandardCharsets.UTF_8)).post("/api/v1/determinations").then().statusCode(201);
        String answers = TestTokens.as(Roles.SUBMITTER).contentType("application/x-ndjson").body(batch())
                .post("/api/v1/determination-batches").then().statusCode(200).extract().asString();
        assertThat(answers.lines().filter(l -> l.contains("\"status\":201"))).hasSize(2);
        assertThat(storedBearerFirst()).isEqualTo(before + 3);
    }

    @Test
    void shouldNotHandAnApiBearerTokenBackAsTheWorkspaceSession() {
        TestTokens.as(Roles.SUBMITTER).get("/workspace/session").then().statusCode(200)
                .body("accessToken", org.hamcrest.Matchers.nullValue());
    }

    private static byte[] batch() {
        return (BOM + "\n" + BOM + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A request without a token (null), or with this one. */
    private static RequestSpecification caller(String token) {
        return token == null ? given() : given().header("Authorization", "Bearer " + token);
    }

    /** No token (null), then tokens the API must refuse. */
    private static List<String> tokensNotValid() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        List<String> tokens = List.of(
                Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("mallory")
                        .groups(Set.of(Roles.SUBMITTER)).claim("tenant", TestTokens.TENANT).sign(generator.generateKeyPair().getPrivate()),
                Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("late")
                        .groups(Set.of(Roles.SUBMITTER)).claim("tenant", TestTokens.TENANT).issuedAt(Instant.now().minus(Duration.ofHours(3)))
                        .expiresAt(Instant.now().minus(Duration.ofHours(2))).sign(),
                Jwt.issuer("https://elsewhere.example").audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("x")
                        .groups(Set.of(Roles.SUBMITTER)).claim("tenant", TestTokens.TENANT).sign(),
                Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience("another-client").subject("x")
                        .groups(Set.of(Roles.SUBMITTER)).claim("tenant", TestTokens.TENANT).sign(),
                "not-a-jwt");
        List<String> all = new ArrayList<>();
        all.add(null);
        all.addAll(tokens);
        return all;
    }

    private long storedBearerFirst() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet r = c.createStatement().executeQuery(
                "select count(*) from determination where part_number = 'BEARER-FIRST'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
