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
