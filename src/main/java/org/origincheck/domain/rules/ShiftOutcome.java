package org.origincheck.domain.rules;

/** The result of testing one non-originating material against a change in tariff classification. */
public enum ShiftOutcome {
    /** The material undergoes the required change. */
    ALLOWED,
    /** The material is classified where the rule does not allow a non-originating material to come from. */
    NOT_ALLOWED,
    /** The material falls under an exception of the rule ("except from heading 74.04"). */
    EXCEPTED,
    /** The material's classification is missing or too coarse for this rule: the producer must supply it. */
    UNDETERMINED;

    public boolean fails() {
        return this == NOT_ALLOWED || this == EXCEPTED;
    }
}
