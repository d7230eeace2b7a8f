package org.origincheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A token issued in the future is refused (issue 14, informational finding). smallrye-jwt bounds a token's age
 * (mp.jwt.verify.token.age: now - iat) and lifetime (smallrye.jwt.time-to-live: exp - iat), and checks exp and nbf
 * with the clock skew; but an iat in the future passes both bounds (its age is negative), so a token minted with
 * iat and exp years ahead would be valid until then. Here iat may be at most the clock skew ahead of this clock.
 */
@ApplicationScoped
public class TokenIssuedAtBound implements SecurityIdentityAugmentor {

    private final long skewSeconds;
    private final Clock clock = Clock.systemUTC();

    public TokenIssuedAtBound(@ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") long skewSeconds) {
        this.skewSeconds = skewSeconds;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            long issuedAt = token.getIssuedAtTime();
            if (issuedAt > clock.instant().getEpochSecond() + skewSeconds) {
                return Uni.createFrom().failure(new AuthenticationFailedException("the token's iat is in the future"));
            }
        }
        return Uni.createFrom().item(identity);
    }
}
