package org.origincheck.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start without a way to verify tokens: every API call needs a bearer token, so a service
 * that cannot check one would turn every request away (or, misconfigured, accept what it should not).
 * In prod, set MP_JWT_VERIFY_PUBLICKEY_LOCATION (the identity provider's JWKS URL) and MP_JWT_VERIFY_ISSUER.
 */
public class SecurityConfigurationCheck {

    void check(@Observes StartupEvent event, Config config) {
        Optional<String> location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        Optional<String> key = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
        Optional<String> issuer = config.getOptionalValue("mp.jwt.verify.issuer", String.class);
        if (location.isEmpty() && key.isEmpty()) {
            throw new IllegalStateException("no key to verify bearer tokens: set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the identity provider's JWKS URL "
                    + "(and MP_JWT_VERIFY_ISSUER to its issuer); see deploy/README.md");
        }
        if (config.getOptionalValue("mp.jwt.verify.audiences", String.class).isEmpty()) {
            throw new IllegalStateException("no token audience configured: set MP_JWT_VERIFY_AUDIENCES to the audience the identity provider puts in "
                    + "OriginCheck's tokens, so tokens issued for other clients are refused; see deploy/README.md");
        }
        if (issuer.isEmpty()) {
            throw new IllegalStateException("no token issuer configured: set MP_JWT_VERIFY_ISSUER to the identity provider's issuer; see deploy/README.md");
        }
    }
}
