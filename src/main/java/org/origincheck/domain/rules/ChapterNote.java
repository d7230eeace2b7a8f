package org.origincheck.domain.rules;

/**
 * A chapter, heading or subheading rule of General Note 11(o), or a general rule of GN 11(n): legal text that
 * qualifies the product-specific rules (definitions, underscored end uses, special cases) rather than being one.
 * Kept verbatim for reviewers; not applied by the engine.
 */
public record ChapterNote(String id, String chapter, String citation, String scope, String text) {
}
