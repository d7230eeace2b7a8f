package org.origincheck.api;

import java.util.List;

/** A user's mistake the service answers with a problem document of the given status. */
public class ApiException extends RuntimeException {

    private final Problem problem;

    public ApiException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(Problem.invalid(field + ": " + message, List.of(new Problem.FieldError(field, message))));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors";
        return new ApiException(Problem.invalid(detail, errors));
    }

    public static ApiException unprocessable(String field, String message) {
        return new ApiException(new Problem("https://origincheck.org/problems/cannot-evaluate", "Cannot evaluate", 422,
                field + ": " + message, null, List.of(new Problem.FieldError(field, message))));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of(404, "Not Found", detail));
    }

    /** A path id that is not a UUID names nothing: 404 "no {what} {id}", exactly as an unknown one. */
    public static java.util.UUID uuidOrNotFound(String id, String what) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound("no " + what + " " + id);
        }
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of(403, "Forbidden", detail));
    }

    public Problem problem() {
        return problem;
    }
}
