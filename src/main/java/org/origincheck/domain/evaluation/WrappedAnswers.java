package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine wrappers that try several readings of a submission (unknown facts, HS editions) add to an engine's answer:
 * their own reason, placed where a compliance officer reads it, just before the conclusion.
 */
final class WrappedAnswers {

    private WrappedAnswers() {
    }

    /** An answer in words: its status and, if it has one, its origin criterion. */
    static String answer(Evaluation e) {
        return e.status() + (e.originCriterion() == null ? "" : " (criterion " + e.originCriterion() + ")");
    }

    /** The engines end every answer with its ORIGIN_DETERMINED conclusion; the new reason goes just before it. */
    static List<Reason> insertBeforeConclusion(List<Reason> reasons, Reason reason) {
        return insertBeforeConclusion(reasons, reason, null, null);
    }

    /**
     * As {@link #insertBeforeConclusion(List, Reason)}, and the conclusion's message becomes {@code newSummary} (when not null),
     * with {@code newOutcome} (null keeps the conclusion's own outcome).
     */
    static List<Reason> insertBeforeConclusion(List<Reason> reasons, Reason reason, String newSummary, Outcome newOutcome) {
        List<Reason> out = new ArrayList<>(reasons);
        int at = out.isEmpty() || out.get(out.size() - 1).code() != ReasonCode.ORIGIN_DETERMINED ? out.size() : out.size() - 1;
        if (newSummary != null && at < out.size()) {
            Reason conclusion = out.get(at);
            out.set(at, new Reason(conclusion.code(), newOutcome == null ? conclusion.outcome() : newOutcome, newSummary,
                    conclusion.citation(), conclusion.materials(), conclusion.alternative()));
        }
        out.add(at, reason);
        return out;
    }
}
