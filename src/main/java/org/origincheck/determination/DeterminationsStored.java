package org.origincheck.determination;

import java.util.List;

/**
 * Fired instead of one {@link DeterminationStored} per determination when several were stored in one statement (a group
 * of single requests, a part of a batch), once they are committed, with the same meaning for each of them.
 */
public record DeterminationsStored(List<DeterminationStored> determinations) {

    public DeterminationsStored {
        determinations = List.copyOf(determinations);
    }
}
