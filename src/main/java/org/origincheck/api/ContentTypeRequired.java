package org.origincheck.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request with a body but no Content-Type was read as JSON (issue 14, finding 7). The type decides how a bill of
 * materials is read (JSON or CSV), so guessing it is refused: 415 naming the types accepted. A POST without a body
 * (starting a re-determination) needs no Content-Type.
 */
public class ContentTypeRequired {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Response requireContentType(ContainerRequestContext request) {
        if (!WITH_BODY.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = request.getHeaderString("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
        if (!hasBody) {
            return null;
        }
        return ProblemMappers.respond(Problem.of(415, "Unsupported Media Type",
                "Content-Type is missing; send application/json (or text/csv for POST /api/v1/determinations)"));
    }
}
