package org.origincheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.api.Problem;
import org.origincheck.config.DevSigningKeyConfigSourceFactory;

/**
 * Token time bounds (issue 14): too old, issued for too long, issued in the future, not yet valid, expired beyond the
 * clock skew: each is a 401 problem. Before the settings, all but the not-yet-valid and the expired one were accepted.
 */
@QuarkusTest
class TokenLifetimeTest {

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    private static JwtClaimsBuilder auditor() {
        return Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject("clock-test")
                .groups(Set.of(Roles.AUDITOR)).claim("tenant", TestTokens.TENANT);
    }

    private static Response read(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/rule-packs");
    }

    private static void assertRefused(String why, String token) {
        Response r = read(token);
        assertThat(r.statusCode()).as(why).isEqualTo(401);
        assertThat(r.contentType()).as(why).startsWith(Problem.MEDIA_TYPE);
    }

    @Test
    void shouldAcceptATokenWithinItsBounds() {
        Instant now = Instant.now();
        assertThat(read(auditor().issuedAt(now).expiresAt(now.plus(Duration.ofHours(8))).sign()).statusCode()).isEqualTo(200);
        // Within the 30 s clock skew: issued a little ahead of this clock, expired a moment ago.
        assertThat(read(auditor().issuedAt(now.plusSeconds(10)).expiresAt(now.plus(Duration.ofHours(1))).sign()).statusCode()).isEqualTo(200);
        assertThat(read(auditor().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(10)).sign()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseATokenIssuedMoreThanEightHoursAgo() {
        Instant now = Instant.now();
        assertRefused("issued 9 hours ago, still unexpired", auditor().issuedAt(now.minus(Duration.ofHours(9))).expiresAt(now.plus(Duration.ofMinutes(30))).sign());
    }

    @Test
    void shouldRefuseATokenValidForTenYears() {
        Instant now = Instant.now();
        assertRefused("valid for 10 years", auditor().issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650))).sign());
    }

    @Test
    void shouldRefuseATokenIssuedInTheFuture() {
        Instant later = Instant.now().plus(Duration.ofDays(365));
        assertRefused("issued a year from now", auditor().issuedAt(later).expiresAt(later.plus(Duration.ofHours(1))).sign());
        Instant soon = Instant.now().plusSeconds(120);
        assertRefused("issued 2 minutes from now, beyond the skew", auditor().issuedAt(soon).expiresAt(soon.plus(Duration.ofHours(1))).sign());
    }

    @Test
    void shouldRefuseATokenNotYetValidOrExpiredBeyondTheSkew() {
        Instant now = Instant.now();
        assertRefused("not before an hour from now", auditor().issuedAt(now).claim("nbf", now.plus(Duration.ofHours(1)).getEpochSecond())
                .expiresAt(now.plus(Duration.ofHours(2))).sign());
        assertRefused("expired 45 s ago", auditor().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(45)).sign());
    }
}
