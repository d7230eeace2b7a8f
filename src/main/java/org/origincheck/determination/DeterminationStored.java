package org.origincheck.determination;

import org.origincheck.domain.evaluation.Evaluation;

/**
 * Fired, synchronously and inside the transaction that stores it, when a determination has been stored. Review
 * observes it to open the determination's review; an observer that fails rolls the determination back, so no
 * determination is stored without its review. The determination path does not know who listens. Several stored in one
 * transaction (a part of a batch) are announced together by {@link DeterminationsStored} instead.
 */
public record DeterminationStored(DeterminationRecord determination, Evaluation evaluation) {
}
