package org.origincheck.rulepack.text;

import java.util.List;
import org.origincheck.domain.rules.RuleAlternative;

/**
 * What {@link PsrTextParser} made of a rule's legal text: the structured alternatives, or the precise
 * reason it was refused. A refused text is never approximated.
 */
public sealed interface ParseResult {

    /** Every word of the text was understood; the alternatives in the order and with the labels of the text. */
    record Parsed(List<RuleAlternative> alternatives, Period period, ForUse forUse, ForTrade forTrade) implements ParseResult {
        public Parsed {
            alternatives = List.copyOf(alternatives);
        }

        public Parsed(List<RuleAlternative> alternatives, Period period, ForUse forUse) {
            this(alternatives, period, forUse, null);
        }

        public Parsed(List<RuleAlternative> alternatives, Period period) {
            this(alternatives, period, null);
        }

        public Parsed(List<RuleAlternative> alternatives) {
            this(alternatives, null, null);
        }
    }

    /**
     * The end use a text states for itself ("For a good of subheading 8708.50 for use in a heavy truck:"): the provisions and
     * end uses it names; {@code anyOther} ("For any other good of subheading 8708.50:"): the end uses no other rule names.
     */
    record ForUse(List<org.origincheck.domain.hs.HsRange> provisions, java.util.Set<org.origincheck.domain.automotive.EndUse> endUses,
                  boolean anyOther, String words) {
        public ForUse {
            provisions = List.copyOf(provisions);
            endUses = java.util.Set.copyOf(endUses);
        }
    }

    /**
     * The trade a text states it is for ("For the purposes of trade between the territory of Canada and the territory of the
     * United States of goods of subheading 5112.11 the following rule of origin applies:"; "For the purposes of all other trade
     * of ..."): the provisions and the trade it names, and its words.
     */
    record ForTrade(List<org.origincheck.domain.hs.HsRange> provisions, org.origincheck.domain.rules.DirectionOfTrade trade, String words) {
        public ForTrade {
            provisions = List.copyOf(provisions);
        }
    }

    /**
     * The period a text states for itself ("Beginning on July 1, 2020 until July 1, 2025, the following rules of origin shall
     * apply to subheadings 8504.21 through 8504.34: ..."): first and last day in force ({@code to} null: "and thereafter").
     */
    record Period(java.time.LocalDate from, java.time.LocalDate to, List<org.origincheck.domain.hs.HsRange> provisions) {
        public Period {
            provisions = List.copyOf(provisions);
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
