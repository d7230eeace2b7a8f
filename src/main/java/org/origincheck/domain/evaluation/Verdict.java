package org.origincheck.domain.evaluation;

/** Three-valued result of a legal test: UNDETERMINED means the data to decide are missing, never a guess. */
public enum Verdict {
    MET, NOT_MET, UNDETERMINED;

    public Verdict and(Verdict other) {
        if (this == NOT_MET || other == NOT_MET) return NOT_MET;
        if (this == UNDETERMINED || other == UNDETERMINED) return UNDETERMINED;
        return MET;
    }

    public Verdict or(Verdict other) {
        if (this == MET || other == MET) return MET;
        if (this == UNDETERMINED || other == UNDETERMINED) return UNDETERMINED;
        return NOT_MET;
    }

    /** SOR/2020-155 s.3(6): one alternative met suffices. */
    public static Verdict anyOf(java.util.Collection<Verdict> verdicts) {
        Verdict result = NOT_MET;
        for (Verdict verdict : verdicts) {
            result = result.or(verdict);
        }
        return result;
    }

    public Outcome outcome() {
        return switch (this) {
            case MET -> Outcome.PASS;
            case NOT_MET -> Outcome.FAIL;
            case UNDETERMINED -> Outcome.INSUFFICIENT_DATA;
        };
    }
}
