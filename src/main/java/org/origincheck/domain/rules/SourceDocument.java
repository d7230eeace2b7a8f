package org.origincheck.domain.rules;

/** A legal source the pack encodes, with the revision read. */
public record SourceDocument(String id, String title, String revision, String url) {
}
