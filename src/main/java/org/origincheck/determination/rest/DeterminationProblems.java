package org.origincheck.determination.rest;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.api.ProblemMappers;
import org.origincheck.determination.DeterminationRefused;

/** The determination service's refusals, answered at the edge as problem documents naming the field. */
public class DeterminationProblems {

    @ServerExceptionMapper
    public Response refused(DeterminationRefused e) {
        Response response = ProblemMappers.respond(problem(e));
        return e.reason() == DeterminationRefused.Reason.BUSY
                ? Response.fromResponse(response).header("Retry-After", DeterminationRefused.BUSY_RETRY_AFTER_SECONDS).build() : response;
    }

    static Problem problem(DeterminationRefused e) {
        return switch (e.reason()) {
            case UNKNOWN -> ApiException.invalid(e.field(), e.fieldMessage()).problem();
            case CANNOT_EVALUATE -> ApiException.unprocessable(e.field(), e.fieldMessage()).problem();
            case IDEMPOTENCY_KEY_REUSED -> new Problem("https://origincheck.org/problems/idempotency-key-reused", "Idempotency-Key reused", 422,
                    e.getMessage(), null, List.of(new Problem.FieldError(e.field(), e.fieldMessage())));
            case BUSY -> Problem.of(503, "Service Unavailable", e.getMessage());
        };
    }
}
