package org.origincheck.domain.evaluation;

public enum DeterminationStatus {
    ORIGINATING, NOT_ORIGINATING, INSUFFICIENT_DATA
}
