package org.origincheck.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters reach PostgreSQL as filters (review queue, determination list) and as the good of a CSV
 * submission: a value with a character PostgreSQL cannot store is a 400 naming the parameter, before any resource
 * runs (issue 14, finding 3).
 */
public class QueryTextFilter {

    @ServerRequestFilter(preMatching = true)
    public Response checkQuery(ContainerRequestContext request) {
        MultivaluedMap<String, String> parameters;
        try {
            parameters = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException malformed) {
            return ProblemMappers.respond(Problem.invalid("the query string is not valid percent-encoding",
                    List.of(new Problem.FieldError("query", "is not valid percent-encoding (RFC 3986)"))));
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean bad = !StorableText.storable(name) || parameter.getValue().stream().anyMatch(v -> !StorableText.storable(v));
            if (bad) {
                String field = StorableText.storable(name) ? name : "query";
                return ProblemMappers.respond(Problem.invalid(field + ": " + StorableText.REASON,
                        List.of(new Problem.FieldError(field, StorableText.REASON))));
            }
        }
        return null;
    }
}
