package org.origincheck.determination;

import java.time.Instant;
import java.util.Optional;
import org.origincheck.domain.evaluation.DeterminationStatus;

/**
 * The conclusion that stands on a stored determination after review, implemented by review/. Empty while the
 * determination is pending or was rejected: only an approved one (the engine's status) or an overridden one (the
 * officer's status) may be relied on by another determination.
 */
public interface SettledConclusions {

    Optional<DeterminationStatus> settled(DeterminationRecord determination);

    /**
     * The review as it stood before {@code until}: its state then (null when no review event was made by then) and the
     * conclusion then (the engine's status, or the last override made by then).
     */
    Standing standingAt(DeterminationRecord determination, Instant until);

    record Standing(String state, String conclusion) {

        /** Approved or overridden: the conclusion may be relied on. */
        public boolean settled() {
            return "APPROVED".equals(state) || "OVERRIDDEN".equals(state);
        }
    }
}
