package org.origincheck.domain.rules;

/** How a rule's structured form was obtained from its verbatim legal text. */
public enum ParseStatus {
    /** Parsed from the text when the pack was loaded. */
    PARSED,
    /** Written by hand in the pack (the parser's reading is compared and any difference reported). */
    HAND_ENCODED,
    /** The text could not be parsed: the rule is kept, and determinations under it ask for review. */
    MANUAL_REVIEW
}
