package org.origincheck.rulepack.text;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.DirectionOfTrade;

/**
 * Reads the direction-of-trade preamble of a GN 11(o) rule: "For the purposes of trade between the territory of Mexico and the
 * territory of the United States of goods of heading 5704 the following rule of origin applies: (a) ..." and "For the purposes
 * of all other trade of subheading 5112.11 the following rule of origin applies: (a) ...". The rule's own text is what follows
 * the colon, and under "the following rule" a lone "(a)" is the whole rule. The loader checks the provisions and the trade
 * against the rule's {@code scope} and {@code trade}, so a text is never applied to trade it does not name. The transcription
 * prints some of these preambles after its own label ("Chapter rule 1:", "Heading rule:"), which is read and kept in the text.
 */
final class TradePreambles {

    private static final Pattern PREAMBLE = Pattern.compile("(?:(?:Chapter rule \\d+|Heading rule|Subheading rule): )?For the purposes of"
            + " (?:trade between the territory of (Canada|Mexico) and the territory of the United States of goods of|all other trade of)"
            + " ((?:heading|subheading|tariff item)s? [0-9.]+(?: through [0-9.]+)?),? the following rule of origin applies: ");

    /** The preamble's provisions and trade, and its words (without the transcription's label). */
    record Preamble(List<HsRange> provisions, DirectionOfTrade trade, String words) {
        Preamble {
            provisions = List.copyOf(provisions);
        }
    }

    private TradePreambles() {
    }

    static PreambleReading<Preamble> read(String text) {
        Matcher m = PREAMBLE.matcher(text);
        if (!m.lookingAt()) {
            return new PreambleReading.NoPreamble<>();
        }
        Optional<List<HsRange>> provisions = PsrTextParser.provisionsOf(m.group(2));
        if (provisions.isEmpty()) {
            return new PreambleReading.Refused<>("the preamble's provisions are not HS provisions");
        }
        DirectionOfTrade trade = m.group(1) == null ? DirectionOfTrade.ALL_OTHER_TRADE
                : m.group(1).equals("Canada") ? DirectionOfTrade.CANADA_UNITED_STATES : DirectionOfTrade.MEXICO_UNITED_STATES;
        String words = text.substring(text.indexOf("For the purposes of"), m.end() - 2);
        return new PreambleReading.Read<>(new Preamble(provisions.get(), trade, words), text.substring(m.end()));
    }
}
