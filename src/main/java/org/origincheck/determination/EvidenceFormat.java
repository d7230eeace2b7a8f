package org.origincheck.determination;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MaterialOrigin;

/**
 * How an evaluation is written as the response that is stored and returned (the API's JSON, in determination/rest).
 * The service stores what this writes without knowing its shape.
 */
public interface EvidenceFormat {

    /** {@code materials}: how each material's origin was decided, or null when every origin was stated and no supplier named. */
    String write(UUID id, Instant createdAt, Evaluation evaluation, List<MaterialOrigin> materials);

    /** The answer with what the assessment adds: how each material's origin was decided, the path to qualify or the headroom. */
    String write(UUID id, Instant createdAt, org.origincheck.domain.evaluation.MultiLevelEvaluation.Assessed assessed);
}
