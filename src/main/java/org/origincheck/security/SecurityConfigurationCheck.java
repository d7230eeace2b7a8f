package org.origincheck.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start without a way to verify tokens: every API call needs a bearer token, so a service
 * that cannot check one would turn every request away (or, misconfigured, accept what it should not).
 * In prod, set MP_JWT_VERIFY_PUBLICKEY_LOCATION (the identity provider's JWKS URL) and MP_JWT_VERIFY_ISSUER, and the
 * workspace's sign-in (docs/identity.md).
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
        if (config.getOptionalValue("quarkus.oidc.workspace.tenant-enabled", Boolean.class).orElse(false)) {
            requireWorkspaceSignIn(config);
        }
    }

    /**
     * The workspace's provider sign-in (on in prod): the provider, the workspace's client, and the two secrets every
     * replica must share, or a browser that signed in on one replica is sent back to the provider by the next.
     */
    private static void requireWorkspaceSignIn(Config config) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("quarkus.oidc.workspace.auth-server-url", "QUARKUS_OIDC_WORKSPACE_AUTH_SERVER_URL (the realm's issuer URL)");
        required.put("quarkus.oidc.workspace.client-id", "QUARKUS_OIDC_WORKSPACE_CLIENT_ID (the workspace's public client, e.g. origincheck-workspace)");
        required.put("quarkus.oidc.workspace.authentication.state-secret", "QUARKUS_OIDC_WORKSPACE_AUTHENTICATION_STATE_SECRET (32+ characters)");
        required.put("quarkus.oidc.workspace.token-state-manager.encryption-secret",
                "QUARKUS_OIDC_WORKSPACE_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET (32+ characters)");
        List<String> missing = required.entrySet().stream()
                .filter(e -> config.getOptionalValue(e.getKey(), String.class).filter(v -> !v.isBlank()).isEmpty())
                .map(Map.Entry::getValue).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the workspace's sign-in through the identity provider is not configured: set " + String.join(", ", missing)
                    + "; see docs/identity.md");
        }
    }
}
