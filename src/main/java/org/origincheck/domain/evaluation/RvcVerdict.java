package org.origincheck.domain.evaluation;

/** The regional value content result of one alternative. */
public record RvcVerdict(AlternativeUnderTest alternative, Verdict verdict) {
}
