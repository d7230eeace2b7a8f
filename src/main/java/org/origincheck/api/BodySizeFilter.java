package org.origincheck.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.origincheck.config.LimitsConfig;

/**
 * Answers an oversized body with a problem document before it is read. The HTTP layer's own hard limit
 * (quarkus.http.limits.max-body-size) stays above this one as the last line.
 */
public class BodySizeFilter {

    private final LimitsConfig limits;

    public BodySizeFilter(LimitsConfig limits) {
        this.limits = limits;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limitBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        try {
            if (Long.parseLong(length.trim()) > limits.maxBodyBytes()) {
                return ProblemMappers.respond(Problem.of(413, "Content Too Large", "the body is " + length
                        + " bytes; at most " + limits.maxBodyBytes() + " are accepted (origincheck.limits.max-body-bytes)"));
            }
        } catch (NumberFormatException e) {
            return ProblemMappers.respond(Problem.of(400, "Bad Request", "Content-Length is not a number"));
        }
        return null;
    }
}
