package org.origincheck.determination;

/**
 * A submission the service cannot determine for a reason the caller can fix. The REST edge answers it with a
 * problem document naming {@link #field()}; the service itself knows nothing of HTTP.
 */
public class DeterminationRefused extends RuntimeException {

    public enum Reason {
        /** The submission names something that does not exist here (a rule pack): 400. */
        UNKNOWN,
        /** Well formed, but nothing can evaluate it (no rule pack in force on the date): 422. */
        CANNOT_EVALUATE,
        /** An Idempotency-Key already used with another request: 422. */
        IDEMPOTENCY_KEY_REUSED,
        /** No room to evaluate now (EvaluationCapacity): 503 with Retry-After; the same request can be sent again. */
        BUSY
    }

    /** Seconds a caller refused as {@link Reason#BUSY} is told to wait. */
    public static final String BUSY_RETRY_AFTER_SECONDS = "30";

    private final Reason reason;
    private final String field;
    private final String fieldMessage;

    DeterminationRefused(Reason reason, String field, String fieldMessage, String detail) {
        super(detail);
        this.reason = reason;
        this.field = field;
        this.fieldMessage = fieldMessage;
    }

    /** No room to evaluate now: the caller retries the same request (see {@link EvaluationCapacity}). */
    public static DeterminationRefused busy(String detail) {
        return new DeterminationRefused(Reason.BUSY, null, null, detail);
    }

    static DeterminationRefused of(Reason reason, String field, String message) {
        return new DeterminationRefused(reason, field, message, field + ": " + message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }

    public String fieldMessage() {
        return fieldMessage;
    }
}
