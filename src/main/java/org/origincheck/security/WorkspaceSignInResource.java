package org.origincheck.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The workspace's sign-in through the identity provider (docs/identity.md). quarkus-oidc's "workspace" tenant runs the
 * authorization code flow with PKCE on these paths only and keeps the provider's tokens in its session cookie. The
 * page then asks {@code /workspace/session} for the access token and calls the API with it as a bearer token, as a CI
 * machine does with its client-credentials token: one way to verify a token, whoever holds it. Not part of the API
 * (hidden from the OpenAPI document): browsers only.
 */
@Path("/workspace")
public class WorkspaceSignInResource {

    /** What the page needs to know: whether a provider sign-in exists here, and the token of a signed-in session. */
    public record WorkspaceSession(boolean providerSignIn, String accessToken) {
    }

    private final SecurityIdentity identity;
    private final boolean providerSignIn;

    public WorkspaceSignInResource(SecurityIdentity identity,
                                   @ConfigProperty(name = "quarkus.oidc.workspace.tenant-enabled", defaultValue = "false") boolean providerSignIn) {
        this.identity = identity;
        this.providerSignIn = providerSignIn;
    }

    /** Reached twice: first it sends the browser to the provider (quarkus-oidc), then, signed in, back to the queue. */
    @GET
    @Path("sign-in")
    @Authenticated
    @Operation(hidden = true)
    public Response signIn() {
        return Response.seeOther(URI.create("/workspace/index.html")).build();
    }

    /**
     * The access token of this browser's session, if there is one. The response is readable by the workspace's own
     * page only (same origin, no CORS), and never cached.
     */
    @GET
    @Path("session")
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    @Operation(hidden = true)
    public WorkspaceSession session() {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return new WorkspaceSession(providerSignIn, token == null ? null : token.getToken());
    }
}
