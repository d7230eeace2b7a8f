package org.origincheck.domain.rules;

/** What the product-rule index answers for a good: the rule, no rule, or the fact it still needs. */
public sealed interface RuleLookup {

    record Found(ProductRule rule) implements RuleLookup {
    }

    record NotFound(String message) implements RuleLookup {
    }

    /** The pack has rules here but cannot choose among them without {@code field}. */
    record NeedsMoreData(String field, String message) implements RuleLookup {
    }
}
