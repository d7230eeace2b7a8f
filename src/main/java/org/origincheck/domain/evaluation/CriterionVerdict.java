package org.origincheck.domain.evaluation;

/** Whether one origin criterion of Art. 4.2 holds for the good. */
public record CriterionVerdict(OriginCriterion criterion, Verdict verdict) {
}
