package org.origincheck.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.origincheck.api.ApiException;

/**
 * Who is calling: the subject and the tenant of the verified bearer token. A token without a
 * {@code tenant} claim is refused: every read and write is scoped to one tenant.
 *
 * <p>The token is the verified identity's principal, not an injected {@code JsonWebToken}: with quarkus-oidc present
 * (the workspace's sign-in), the injected bean is quarkus-oidc's, which is empty for the bearer tokens smallrye-jwt
 * verified, so every call would lose its tenant.
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final SecurityIdentity identity;
    /** This request's tenant and subject once checked (a request-scoped bean: one caller, one token). */
    private String tenant;
    private String subject;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    private JsonWebToken token() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            return token;
        }
        throw ApiException.forbidden("the request carries no bearer token: every request acts for one tenant");
    }

    public String tenant() {
        // Read and checked once per request: a single determination asked for it twice, and String.matches compiled the
        // pattern each time (issue 19). A refused token is checked again on each call, so each call still throws.
        String value = tenant;
        if (value == null) {
            value = checkedTenant();
            tenant = value;
        }
        return value;
    }

    private String checkedTenant() {
        Object tenant = token().getClaim(TENANT_CLAIM);
        String value = tenant instanceof jakarta.json.JsonString json ? json.getString() : tenant instanceof String s ? s : null;
        if (value == null || !TENANT.matcher(value).matches()) {
            throw ApiException.forbidden("the bearer token has no valid '" + TENANT_CLAIM + "' claim (a string of letters, digits, '.', '_' or '-'): every request acts for one tenant");
        }
        return value;
    }

    public String subject() {
        String value = subject;
        if (value == null) {
            value = checkedSubject();
            subject = value;
        }
        return value;
    }

    private String checkedSubject() {
        JsonWebToken token = token();
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        // The subject is stored as the actor of every determination and review event.
        if (subject == null || subject.isBlank() || subject.length() > 255 || !org.origincheck.api.StorableText.storable(subject)) {
            throw ApiException.forbidden("the bearer token's 'sub' claim must be 1 to 255 characters PostgreSQL can store (no U+0000, no unpaired surrogate)");
        }
        return subject;
    }
}
