package org.origincheck.determination;

import java.util.List;

/**
 * Fired instead of one {@link DeterminationStored} per determination when several are stored in one transaction (a part
 * of a batch), synchronously and inside that transaction, with the same meaning for each of them. Observers write what
 * they add for all of them kind by kind, so that each kind of row reaches the database as one batched statement: written
 * determination by determination, a review event and a review status alternated and every row went alone (issue 19).
 */
public record DeterminationsStored(List<DeterminationStored> determinations) {

    public DeterminationsStored {
        determinations = List.copyOf(determinations);
    }
}
