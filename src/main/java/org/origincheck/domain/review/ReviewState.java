package org.origincheck.domain.review;

/** Where a determination stands with the compliance officers. */
public enum ReviewState {
    PENDING_REVIEW, APPROVED, REJECTED, OVERRIDDEN
}
