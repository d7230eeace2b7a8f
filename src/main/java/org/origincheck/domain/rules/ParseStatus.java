package org.origincheck.domain.rules;

/** How a rule's structured form was obtained from its verbatim legal text. */
public enum ParseStatus {
    /** Parsed from the text when the pack was loaded. */
    PARSED,
    /** Written by hand in the pack (the parser's reading is compared and any difference reported). */
    HAND_ENCODED,
    /**
     * The text has not been verified against the official text of the law (the pack's {@code unverified} field, with why);
     * its structure (parsed or hand-encoded) is applied, every determination under it is marked provisional and goes to a
     * compliance officer. A pack whose option {@code unverifiedRules} is {@code REFUSE} holds such rules for manual review instead.
     */
    PROVISIONAL,
    /** The text could not be parsed: the rule is kept, and determinations under it ask for review. */
    MANUAL_REVIEW
}
