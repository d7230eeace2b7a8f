package org.origincheck.determination;

import java.time.Instant;
import java.util.UUID;
import org.origincheck.domain.evaluation.Evaluation;

/**
 * How an evaluation is written as the response that is stored and returned (the API's JSON, in determination/rest).
 * The service stores what this writes without knowing its shape.
 */
public interface EvidenceFormat {

    String write(UUID id, Instant createdAt, Evaluation evaluation);
}
