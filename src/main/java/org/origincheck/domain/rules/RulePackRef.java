package org.origincheck.domain.rules;

/** Which rule pack decided: recorded on every determination. */
public record RulePackRef(String id, String version, String sha256) {
}
