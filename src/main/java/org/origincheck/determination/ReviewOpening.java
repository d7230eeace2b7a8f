package org.origincheck.determination;

import java.util.UUID;
import org.origincheck.domain.evaluation.Evaluation;

/**
 * The review a new determination opens, decided by the review policy (implemented by review/) and written by
 * {@link EvidenceRows} in the statement that stores the determination, so that no determination is ever stored without
 * its review: the policy's event (seq 1, from no state, at the determination's time) and the review status it leads to.
 */
public interface ReviewOpening {

    /** The policy's first event for a determination not yet stored; deciding it writes nothing. */
    Opened open(DeterminationRecord determination, Evaluation evaluation);

    /** The first review event (its id, action, the state it leads to, its actor and the policy's reason). */
    record Opened(UUID eventId, String action, String state, String actor, String reason) {
    }
}
