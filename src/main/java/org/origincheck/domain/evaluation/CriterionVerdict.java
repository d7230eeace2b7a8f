package org.origincheck.domain.evaluation;

/** Whether one origin criterion of Art. 4.2 holds for the good ({@code subject}: which one, where a session evaluates several). */
public record CriterionVerdict(EvaluationSubject subject, OriginCriterion criterion, Verdict verdict) {
}
