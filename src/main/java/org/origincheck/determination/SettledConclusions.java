package org.origincheck.determination;

import java.util.Optional;
import org.origincheck.domain.evaluation.DeterminationStatus;

/**
 * The conclusion that stands on a stored determination after review, implemented by review/. Empty while the
 * determination is pending or was rejected: only an approved one (the engine's status) or an overridden one (the
 * officer's status) may be relied on by another determination.
 */
public interface SettledConclusions {

    Optional<DeterminationStatus> settled(DeterminationRecord determination);
}
