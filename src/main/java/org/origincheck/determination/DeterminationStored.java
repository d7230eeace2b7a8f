package org.origincheck.determination;

/**
 * Fired once a determination has been stored and committed, with every row stored with it (its review, supplier parts
 * and Idempotency-Key: {@link EvidenceRows} writes them in one statement). Metrics count it. Several stored in one
 * statement (a group of single requests, a part of a batch) are announced together by {@link DeterminationsStored}
 * instead. Before issue 19's writer (branch i19t) it was fired inside the transaction and review wrote its rows on it;
 * review now decides them beforehand ({@link ReviewOpening}) and nothing observes this to write.
 */
public record DeterminationStored(DeterminationRecord determination) {
}
