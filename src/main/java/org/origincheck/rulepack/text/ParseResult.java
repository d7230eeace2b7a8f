package org.origincheck.rulepack.text;

import java.util.List;
import org.origincheck.domain.rules.RuleAlternative;

/**
 * What {@link PsrTextParser} made of a rule's legal text: the structured alternatives, or the precise
 * reason it was refused. A refused text is never approximated.
 */
public sealed interface ParseResult {

    /** Every word of the text was understood; the alternatives in the order and with the labels of the text. */
    record Parsed(List<RuleAlternative> alternatives) implements ParseResult {
        public Parsed {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * The text was refused. {@code reason} starts with one of the {@link PsrTextParser.Refusal} messages
     * (so a coverage report can group by it, see {@link PsrTextParser.Refusal#of(String)}), then names
     * the alternative and quotes the fragment that was not understood.
     */
    record Unparsed(String reason) implements ParseResult {
    }
}
