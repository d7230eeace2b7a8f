package org.origincheck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens never answers for a token after the time the validator itself would refuse it, never
 * keeps a refused token, and stays within its size. The validator is replaced by one that counts its verifications;
 * the clock is set by the test.
 */
class VerifiedTokenCacheTest {

    private static final long NOW = 1_800_000_000L;

    /** A validator that accepts every token but "bad", with the exp and iat the test gives. */
    static final class CountingValidator extends MpJwtValidator {
        int verifications;
        long exp = NOW + 3600;
        long iat = NOW - 10;

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            verifications++;
            if ("bad".equals(request.getToken().getToken())) {
                return Uni.createFrom().failure(new AuthenticationFailedException("bad signature"));
            }
            Map<String, Object> claims = Map.of("sub", "machine", "exp", exp, "iat", iat);
            JsonWebToken jwt = new JsonWebToken() {
                @Override
                public String getName() {
                    return "machine";
                }

                @Override
                public Set<String> getClaimNames() {
                    return claims.keySet();
                }

                @SuppressWarnings("unchecked")
                @Override
                public <T> T getClaim(String name) {
                    return (T) claims.get(name);
                }
            };
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole(Roles.SUBMITTER).build());
        }
    }

    private static final class SettableClock extends Clock {
        long epochSecond = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(epochSecond);
        }
    }

    private static SecurityIdentity authenticate(VerifiedTokenCache cache, String token) {
        return cache.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), null).await().indefinitely();
    }

    @Test
    void shouldVerifyATokenOnceAndReuseItsIdentity() {
        CountingValidator validator = new CountingValidator();
        VerifiedTokenCache cache = new VerifiedTokenCache(validator, 10, 300, Optional.empty(), new SettableClock());

        SecurityIdentity first = authenticate(cache, "t1");
        SecurityIdentity second = authenticate(cache, "t1");
        authenticate(cache, "t2");

        assertThat(second).isSameAs(first);
        assertThat(validator.verifications).isEqualTo(2);
    }

    @Test
    void shouldVerifyAgainAtTheTokensExpiryAndAtTheCachesOwnLimit() {
        CountingValidator validator = new CountingValidator();
        validator.exp = NOW + 60;
        SettableClock clock = new SettableClock();
        VerifiedTokenCache cache = new VerifiedTokenCache(validator, 10, 300, Optional.empty(), clock);
        authenticate(cache, "short");
        clock.epochSecond = NOW + 59;
        authenticate(cache, "short");
        assertThat(validator.verifications).isEqualTo(1);

        clock.epochSecond = NOW + 60; // exp: the validator decides, not the cache
        authenticate(cache, "short");
        assertThat(validator.verifications).isEqualTo(2);

        validator.exp = NOW + 100_000;
        authenticate(cache, "long");
        clock.epochSecond = NOW + 60 + 300;
        authenticate(cache, "long");
        assertThat(validator.verifications).isEqualTo(4);
    }

    @Test
    void shouldNotOutliveTheMaximumTokenAge() {
        CountingValidator validator = new CountingValidator();
        validator.iat = NOW - 50;
        SettableClock clock = new SettableClock();
        VerifiedTokenCache cache = new VerifiedTokenCache(validator, 10, 300, Optional.of(60L), clock);
        authenticate(cache, "aging");
        clock.epochSecond = NOW + 10; // iat + 60
        authenticate(cache, "aging");

        assertThat(validator.verifications).isEqualTo(2);
    }

    @Test
    void shouldNeverKeepARefusedTokenAndStayWithinItsSize() {
        CountingValidator validator = new CountingValidator();
        VerifiedTokenCache cache = new VerifiedTokenCache(validator, 2, 300, Optional.empty(), new SettableClock());
        assertThatThrownBy(() -> authenticate(cache, "bad")).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> authenticate(cache, "bad")).isInstanceOf(AuthenticationFailedException.class);
        assertThat(validator.verifications).isEqualTo(2);

        for (String token : new String[] {"a", "b", "c", "d"}) {
            authenticate(cache, token);
        }
        assertThat(cache.cached()).isEqualTo(2);
        authenticate(cache, "d"); // not kept: verified again, still answered
        assertThat(validator.verifications).isEqualTo(2 + 4 + 1);
    }
}
