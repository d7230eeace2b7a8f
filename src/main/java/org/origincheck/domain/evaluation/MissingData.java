package org.origincheck.domain.evaluation;

/** A fact the engine needed and did not have: the request field to supply, and why. */
public record MissingData(String field, String message) {
}
