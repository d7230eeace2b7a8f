package org.origincheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the service as application/problem+json. A user's mistake is a 4xx naming the field;
 * anything else is a 500 that names an incident id for the logs, never a stack trace or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.problem());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return respond(jsonProblem(e));
    }

    /** Quarkus has its own mapper for this subtype (an empty 400 in prod); ours names the field. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return respond(jsonProblem(e));
    }

    /**
     * Turns a Jackson error into a field-level problem: "materials[3].value: expected a number". The submitted value is never
     * repeated (costs and wages are confidential, and a problem document may be logged or shown): the field and the
     * expected form are enough.
     */
    public static Problem jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            String message;
            if (e instanceof JacksonConfig.UnstorableTextException) {
                message = StorableText.REASON;
            } else if (e instanceof UnrecognizedPropertyException unknown) {
                message = "unknown field '" + unknown.getPropertyName() + "'; known fields: "
                        + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            } else if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
                message = "is not one of " + Arrays.toString(format.getTargetType().getEnumConstants());
            } else if (e instanceof InvalidFormatException format) {
                message = "is not " + simpleType(format.getTargetType());
            } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = "has the wrong type: expected " + simpleType(mismatch.getTargetType());
            } else {
                message = cleanMessage(e.getOriginalMessage());
            }
            return Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message)));
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String message = "the body is not valid JSON" + where + ": " + cleanMessage(e.getOriginalMessage());
        return Problem.invalid(message, List.of(new Problem.FieldError("$", message)));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        return respond(Problem.invalid("the request is invalid; see errors", fieldErrors(e.getConstraintViolations())));
    }

    /** Field paths as the request names them: "materials[3].hsCode", or the query parameter's name. */
    public static List<Problem.FieldError> fieldErrors(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String parameter = null;
            StringBuilder field = new StringBuilder();
            for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
                switch (node.getKind()) {
                    case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                    case PARAMETER -> parameter = node.getName();
                    default -> {
                        if (node.getIndex() != null) {
                            field.append('[').append(node.getIndex()).append(']');
                        }
                        if (node.getName() != null && !node.getName().startsWith("<")) {
                            if (!field.isEmpty()) field.append('.');
                            field.append(node.getName());
                        }
                    }
                }
            }
            String name = !field.isEmpty() ? field.toString() : parameter != null ? parameter : "$";
            errors.add(new Problem.FieldError(name, violation.getMessage()));
        }
        // Hibernate Validator's set has no fixed order, not even between two runs of one build: by field, then by
        // reason, so that the same request always gets the same 400.
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        return errors;
    }

    /** No or invalid bearer token: 401 with the scheme to use (RFC 6750). */
    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.AuthenticationFailedException e) {
        return bearerRequired();
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return bearerRequired();
    }

    private static Response bearerRequired() {
        return Response.fromResponse(respond(Problem.of(401, "Unauthorized", "a valid bearer token is required (Authorization: Bearer <JWT>)")))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "the token's roles do not allow this request"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof ApiException typed) {
            return respond(typed.problem()); // a query value QueryParameterConverters refused, wrapped by the framework
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(jsonProblem(json));
        }
        if (status >= 500) {
            return unexpected(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return respond(Problem.of(status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // The HTTP layer stopped reading a (chunked) body at the limit (see ChunkedBodyLimit): the caller's mistake.
            return respond(Problem.of(413, "Content Too Large", "the body is larger than the limit of " + maxBodyBytes()
                    + " bytes (origincheck.limits.max-body-bytes); nothing was stored"));
        }
        if (clientGone(e)) {
            return respond(clientLeft(e));
        }
        if (databaseUnreachable(e)) {
            // Not a bug and not the caller's mistake: the database is restarting or out of connections. The transaction
            // did not commit, so nothing was stored, and the same request can be sent again (with its Idempotency-Key).
            LOG.warnf("database unavailable: %s", rootMessage(e));
            return Response.fromResponse(respond(Problem.of(503, "Service Unavailable",
                    "the database cannot be reached just now; nothing was stored; retry the same request (with its Idempotency-Key) in a few seconds")))
                    .header("Retry-After", "5").build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(Problem.of(500, "Internal Server Error",
                "The service failed unexpectedly; nothing was stored. Quote incident " + incident + " when reporting it."));
    }

    /**
     * The client closed the connection before its request was complete (or before the answer was written): a timeout, a
     * closed laptop, a load generator stopping. Nothing of it was stored, and no one is there to read an answer. Not a
     * failure of the service, so neither an ERROR with a stack trace nor a 5xx in the metrics. Also for a body read at
     * the edge (EdgeLimits).
     */
    static Problem clientLeft(Throwable e) {
        LOG.debugf("client closed the connection before the request was complete: %s", rootMessage(e));
        return Problem.of(400, "Bad Request", "the connection was closed before the request was complete; nothing was stored");
    }

    /**
     * A failure to reach PostgreSQL: connection refused or reset (SQLState class 08), the server shutting down
     * (57P01-57P03), or no pooled connection within the acquisition timeout.
     */
    static boolean databaseUnreachable(Throwable e) {
        return org.origincheck.determination.DatabaseUnreachable.test(e); // group commit needs the same answer
    }

    /**
     * The client's connection closed under the request: Vert.x's and Netty's closed-connection exceptions (HttpClosedException,
     * "Connection was closed", a ClosedChannelException such as Netty's stackless one), Quarkus' "Connection has been closed" (its
     * output stream, when the connection closed while a streamed answer waited for Vert.x's write queue to drain), or the
     * socket's reset and broken pipe, as the cause of what the REST layer threw while it read the body or wrote the answer. A database connection's failure
     * is not this (it is a java.sql exception, answered 503 by {@link #databaseUnreachable(Throwable)}).
     */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return false;
            }
        }
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 12; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (t instanceof java.nio.channels.ClosedChannelException || type.equals("io.vertx.core.http.HttpClosedException")
                    || (type.startsWith("io.vertx.") && message.equals("Connection was closed"))
                    || (t instanceof java.io.IOException && (message.contains("Connection reset by peer") || message.contains("Broken pipe")
                    || message.equals("Connection was closed") || message.equals("Connection has been closed")))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static long maxBodyBytes() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("origincheck.limits.max-body-bytes", Long.class);
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(reference.getFieldName());
            }
        }
        return out.isEmpty() ? "$" : out.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) return "value";
        if (type.isEnum()) return "one of " + Arrays.toString(type.getEnumConstants());
        if (java.util.Collection.class.isAssignableFrom(type)) return "an array";
        if (type.isRecord()) return "an object";
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO date (YYYY-MM-DD)";
            case "BigDecimal", "Integer", "Long", "int", "long" -> "a number";
            case "String" -> "a string";
            default -> "a " + type.getSimpleName();
        };
    }

    /** Jackson messages name Java classes; an API user needs only the first sentence. */
    private static String cleanMessage(String message) {
        if (message == null) return "malformed value";
        String first = message.split("\n")[0];
        if (first.startsWith("Non-standard token")) {
            return first.replaceAll(": enable .*", "") + " (not a JSON number)";
        }
        first = first.replaceAll(", from `StreamReadConstraints[^`]*`", "");
        // Jackson quotes the token it choked on; that may be a confidential figure, so it is not repeated.
        first = first.replaceAll("'[^']*'", "a token").replaceAll("\"[^\"]*\"", "a value");
        return first.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[\\w.$]+`", "value").trim();
    }
}
