package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.rules.RuleAlternative;

/** A lone "(a)" is the whole rule only in a rule the pack dates (a period heading kept as effectiveFrom/effectiveTo). */
class DatedLoneAlternativeTest {

    private static final LocalDate START = LocalDate.of(2020, 7, 1);
    private final PsrTextParser parser = new PsrTextParser();

    @Test
    void shouldReadALoneAlternativeOnlyInADatedRule() {
        // chapter-73.yaml, GN11o-metals-73-7312-10#phase1 (checked against the official page 2026-12-02)
        String text = "(a) A change to subheading 7312.10 from any other heading.";
        ParseResult dated = parser.parse(text, START, true);
        assertThat(dated).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) dated).alternatives()).extracting(RuleAlternative::label).containsExactly("a");
        ParseResult undated = parser.parse(text, START, false);
        assertThat(undated).isInstanceOf(ParseResult.Unparsed.class);
        assertThat(PsrTextParser.Refusal.of(((ParseResult.Unparsed) undated).reason())).contains(PsrTextParser.Refusal.ALTERNATIVE_LABELS);
        // Constructed near-miss: a dated rule whose labels skip (b) is still refused.
        ParseResult skipped = parser.parse("(a) A change to subheading 7312.10 from any other heading; or (c) No change in tariff "
                + "classification to a good of subheading 7312.10, provided there is a regional value content of not less than 65 "
                + "percent under the net cost method.", START, true);
        assertThat(skipped).isInstanceOf(ParseResult.Unparsed.class);
    }
}
