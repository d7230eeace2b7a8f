package org.origincheck.domain.evaluation;

/** Whether one alternative of the product-specific rule is met. */
public record AlternativeVerdict(AlternativeUnderTest alternative, Verdict verdict) {
}
