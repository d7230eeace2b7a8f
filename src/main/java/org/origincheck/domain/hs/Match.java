package org.origincheck.domain.hs;

/**
 * Three-valued answer to "is this code inside that provision?". UNKNOWN arises when a material is
 * classified to fewer digits than the rule needs (a 6-digit code tested against a tariff-item rule):
 * the engine then reports the missing classification instead of guessing.
 */
public enum Match {
    YES, NO, UNKNOWN;

    public static Match of(boolean value) {
        return value ? YES : NO;
    }

    public Match or(Match other) {
        if (this == YES || other == YES) return YES;
        if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
        return NO;
    }

    public Match not() {
        return switch (this) {
            case YES -> NO;
            case NO -> YES;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
