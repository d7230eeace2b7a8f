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

    /**
     * The rule's alternatives apply to goods described in words, and the good's declarations do not say which of them
     * it is: each {@code questions} entry must be answered in {@code good.declarations}.
     */
    record NeedsDeclarations(ProductRule rule, java.util.List<Question> questions) implements RuleLookup {
        public NeedsDeclarations {
            questions = java.util.List.copyOf(questions);
        }
    }
}
