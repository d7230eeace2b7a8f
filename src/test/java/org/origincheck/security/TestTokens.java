package org.origincheck.security;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import org.origincheck.config.DevSigningKeyConfigSourceFactory;

/**
 * Bearer tokens for the tests, signed with the key the test profile makes for this JVM: no identity
 * provider, no key on disk. {@link #actAs} makes every following rest-assured request carry the token.
 */
public final class TestTokens {

    public static final String TENANT = "tenant-a";
    public static final String OTHER_TENANT = "tenant-b";

    private TestTokens() {
    }

    /** A request carrying a token of the test tenant with these roles. */
    public static RequestSpecification as(String... roles) {
        return RestAssured.given().header("Authorization", "Bearer " + token(TENANT, roles));
    }

    public static String token(String tenant, String... roles) {
        var builder = Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("test-" + String.join("-", roles)).groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(30));
        if (tenant != null) {
            builder.claim("tenant", tenant);
        }
        return builder.sign();
    }

    /** Every request made with rest-assured from now on carries this tenant's token with these roles. */
    public static void actAs(String tenant, String... roles) {
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token(tenant, roles)).build();
    }

    /** The usual test caller: a submitter who may also read (reviewer, auditor) in tenant A. */
    public static void actAsSubmitter() {
        actAs(TENANT, Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR);
    }

    public static void anonymous() {
        RestAssured.requestSpecification = null;
    }
}
