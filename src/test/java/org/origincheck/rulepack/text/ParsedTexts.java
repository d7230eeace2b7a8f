package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/** What the parser tests ask of a rule text: that it parses (its alternatives), or that it is refused for a given reason. */
final class ParsedTexts {

    /** The date the texts take effect when they state none: USMCA's entry into force. */
    static final LocalDate START = LocalDate.of(2020, 7, 1);

    private static final PsrTextParser PARSER = new PsrTextParser();

    private ParsedTexts() {
    }

    static List<RuleAlternative> parsed(String text) {
        ParseResult result = PARSER.parse(text, START);
        assertThat(result).as("%s", result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).alternatives();
    }

    /** The refusal's reason, after checking it is of the expected kind. */
    static String refused(String text, Refusal expected) {
        ParseResult result = PARSER.parse(text, START);
        assertThat(result).as("%s", result).isInstanceOf(ParseResult.Unparsed.class);
        String reason = ((ParseResult.Unparsed) result).reason();
        assertThat(Refusal.of(reason)).as(reason).contains(expected);
        return reason;
    }
}
