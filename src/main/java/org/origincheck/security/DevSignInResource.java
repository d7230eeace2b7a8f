package org.origincheck.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.origincheck.api.ApiException;
import org.origincheck.config.DevSigningKeyConfigSourceFactory;

/**
 * Sign-in without an identity provider, for local development only: returns a bearer token for the
 * tenant and roles asked, signed with the key this JVM made at startup (DevSigningKeyConfigSourceFactory).
 * It answers 404 unless that key exists, which only the dev and test profiles make, and the service
 * refuses to start in the prod profile if anyone turned it on.
 */
@Path("/dev/sign-in")
@Tag(name = "Development", description = "Local development only; absent in the prod profile")
public class DevSignInResource {

    private static final Set<String> ROLES = Set.of(Roles.SUBMITTER, Roles.REVIEWER, Roles.AUDITOR, Roles.ADMIN);

    private final boolean available;

    public DevSignInResource(@ConfigProperty(name = "origincheck.dev-sign-in.available", defaultValue = "false") boolean available) {
        this.available = available;
    }

    void refuseInProduction(@Observes StartupEvent event) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (available && profiles.contains("prod")) {
            throw new IllegalStateException("the dev sign-in may not be enabled in the prod profile: remove origincheck.dev-sign-in.available");
        }
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @org.jboss.resteasy.reactive.ResponseHeader(name = "Cache-Control", value = "no-store")
    @Operation(operationId = "devSignIn", summary = "Get a bearer token without an identity provider (dev profile only)",
            description = "curl -s -X POST 'http://localhost:8080/dev/sign-in?tenant=acme&roles=submitter,reviewer&subject=officer-1'. "
                    + "`subject` names the person (default `developer`): four eyes refuse an approval, rejection or override by the subject "
                    + "who submitted the determination, so sign in as another subject to review your own test submissions.")
    public String signIn(@QueryParam("tenant") @DefaultValue("dev") String tenant,
                         @QueryParam("roles") @DefaultValue("submitter") String roles,
                         @QueryParam("subject") @DefaultValue("developer") String subject) {
        if (!available) {
            throw ApiException.notFound("no such resource");
        }
        Set<String> groups = new HashSet<>(Arrays.asList(roles.split("\\s*,\\s*")));
        if (!ROLES.containsAll(groups)) {
            throw ApiException.invalid("roles", "must be among " + ROLES);
        }
        return Jwt.issuer(DevSigningKeyConfigSourceFactory.ISSUER).audience(DevSigningKeyConfigSourceFactory.AUDIENCE).subject(subject).groups(groups)
                .claim("tenant", tenant).expiresIn(Duration.ofHours(8)).sign();
    }
}
