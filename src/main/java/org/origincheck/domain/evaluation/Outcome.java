package org.origincheck.domain.evaluation;

/** The outcome of one reason. */
public enum Outcome {
    PASS, FAIL, INSUFFICIENT_DATA, NOT_APPLICABLE, INFO
}
