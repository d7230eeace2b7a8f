package org.origincheck.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.MpJwtValidator;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once, not on every request (issue 19: RS256 verification was 13% of a determination's CPU).
 * A machine sends the same token with every request until it expires, so the identity made by the JWT extension's own
 * validator (signature, issuer, audience, expiry and every other check configured for it) is kept, keyed by the whole
 * token, and reused until the earliest of: the token's {@code exp}; its {@code iat} plus the maximum token age
 * ({@code mp.jwt.verify.token.age}) when one is set; and {@code origincheck.security.token-cache.max-seconds} after it
 * was verified. So a cached identity is never used after the validator would have refused the token for its time. A
 * token that fails is not kept. The cache holds at most {@code origincheck.security.token-cache.size} tokens; when it
 * is full, expired entries are dropped, and if none were, the new token is simply not kept.
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

    private record Verified(SecurityIdentity identity, long usableUntilEpochSecond) {
    }

    private final MpJwtValidator validator;
    private final int size;
    private final long maxSeconds;
    private final Optional<Long> maxTokenAge;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public VerifiedTokenCache(MpJwtValidator validator,
                              @ConfigProperty(name = "origincheck.security.token-cache.size", defaultValue = "10000") int size,
                              @ConfigProperty(name = "origincheck.security.token-cache.max-seconds", defaultValue = "300") long maxSeconds,
                              @ConfigProperty(name = "mp.jwt.verify.token.age") Optional<Long> maxTokenAge) {
        this(validator, size, maxSeconds, maxTokenAge, Clock.systemUTC());
    }

    VerifiedTokenCache(MpJwtValidator validator, int size, long maxSeconds, Optional<Long> maxTokenAge, Clock clock) {
        this.validator = validator;
        this.size = size;
        this.maxSeconds = maxSeconds;
        this.maxTokenAge = maxTokenAge;
        this.clock = clock;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the JWT extension's validator, which this one calls on a miss (so a token is never verified twice). */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken() == null ? null : request.getToken().getToken();
        if (token == null || size <= 0 || maxSeconds <= 0) {
            return validator.authenticate(request, context);
        }
        long now = clock.instant().getEpochSecond();
        Verified hit = verified.get(token);
        if (hit != null) {
            if (now < hit.usableUntilEpochSecond()) {
                return Uni.createFrom().item(hit.identity());
            }
            verified.remove(token, hit);
        }
        return validator.authenticate(request, context).invoke(identity -> keep(token, identity, now));
    }

    private void keep(String token, SecurityIdentity identity, long verifiedAt) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long until = Math.min(jwt.getExpirationTime(), verifiedAt + maxSeconds);
        if (maxTokenAge.isPresent()) {
            if (jwt.getIssuedAtTime() <= 0) {
                return; // an age limit with no iat to measure it from: verify every time
            }
            until = Math.min(until, jwt.getIssuedAtTime() + maxTokenAge.get());
        }
        if (until <= verifiedAt) {
            return;
        }
        if (verified.size() >= size) {
            verified.values().removeIf(v -> v.usableUntilEpochSecond() <= verifiedAt);
            if (verified.size() >= size) {
                return;
            }
        }
        verified.put(token, new Verified(identity, until));
    }

    int cached() {
        return verified.size();
    }
}
