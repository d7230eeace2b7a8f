package org.origincheck.domain.rules;

/** What the product-rule index answers for a good: the rule, no rule, or the fact it still needs. */
public sealed interface RuleLookup {

    record Found(ProductRule rule) implements RuleLookup {
    }

    record NotFound(String message) implements RuleLookup {
    }

    /** The pack has rules here but cannot choose among them without {@code field}; {@code legalText}: the words of the law that differ by it. */
    record NeedsMoreData(String field, String message, String legalText) implements RuleLookup {

        public NeedsMoreData(String field, String message) {
            this(field, message, null);
        }
    }
}
