package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.text.ParseResult;
import org.origincheck.rulepack.text.PsrTextParser;

/**
 * The scopes for which the transcription records three texts (8407.31-8407.34, 8408.20, 8409.91, 8409.99): they are GN 11(o)
 * rules by end use, kept as one rule each with its {@code endUses}, and the index chooses by good.endUse.
 */
class SeveralTextsForOneScopeTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    private static RulePack pack;

    @BeforeAll
    static void load() {
        pack = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack();
    }

    private static ProductRule rule(String id) {
        return pack.productRules().all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static String chosen(String hs, EndUse endUse) {
        RuleLookup lookup = pack.productRules().lookup(HsCode.parse(hs), endUse, AS_OF);
        assertThat(lookup).as("%s %s", hs, endUse).isInstanceOf(RuleLookup.Found.class);
        return ((RuleLookup.Found) lookup).rule().id();
    }

    @Test
    void aLoneAlternativeUnderAnEndUsePreambleIsTheWholeRule() {
        // GN 11(o), chapter 84, rule 28 (8409.91, heavy truck), as transcribed
        String text = "For a good of subheading 8409.91 for use in a heavy truck: (A) No change in tariff classification to a good of"
                + " subheading 8409.91, provided there is a regional value content of not less than 70 percent under the net cost method.";
        ParseResult result = new PsrTextParser().parse(text, AS_OF);

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) result).alternatives()).hasSize(1);
        assertThat(((ParseResult.Parsed) result).forUse().endUses()).containsExactly(EndUse.HEAVY_TRUCK_OE);
    }

    @Test
    void eachEndUseTakesItsOwnText() {
        assertThat(chosen("8409.91", EndUse.PASSENGER_VEHICLE_OE)).isEqualTo("GN11o-mach-84-8409-91-pv-lt");
        assertThat(chosen("8409.91", EndUse.LIGHT_TRUCK_OE)).isEqualTo("GN11o-mach-84-8409-91-pv-lt");
        assertThat(chosen("8409.91", EndUse.HEAVY_TRUCK_OE)).isEqualTo("GN11o-mach-84-8409-91-heavy");
        assertThat(chosen("8409.91", EndUse.AFTERMARKET)).isEqualTo("GN11o-mach-84-8409-91-other");
        assertThat(chosen("8409.91", EndUse.OTHER_VEHICLE_OE)).isEqualTo("GN11o-mach-84-8409-91-other");
        assertThat(chosen("8408.20", EndUse.HEAVY_TRUCK_OE)).isEqualTo("GN11o-mach-84-8408-20-heavy");
        assertThat(chosen("8407.34", EndUse.PASSENGER_VEHICLE_OE)).isEqualTo("GN11o-mach-84-8407-31-34-pv-lt");
        assertThat(pack.productRules().lookup(HsCode.parse("8409.91"), null, AS_OF)).isInstanceOf(RuleLookup.NeedsMoreData.class);
    }

    @Test
    void textsThatCannotBeAppliedAsPrintedStayHeldWithTheirReason() {
        assertThat(rule("GN11o-mach-84-8409-91-heavy").parseStatus()).isEqualTo(ParseStatus.PARSED);
        assertThat(rule("GN11o-mach-84-8409-99-pv-lt").parseStatus()).isEqualTo(ParseStatus.MANUAL_REVIEW);
        assertThat(rule("GN11o-mach-84-8409-99-pv-lt").parseNote()).contains("a good of 8409.99 is never of 8409.91");
        // "headings 8407.31 through 8407.34" in the preamble is read as the subheadings its text names (PrintedSlips)
        assertThat(rule("GN11o-mach-84-8407-31-34-other").parseStatus()).isEqualTo(ParseStatus.PARSED);
        assertThat(chosen("8407.34", EndUse.OTHER_VEHICLE_OE)).isEqualTo("GN11o-mach-84-8407-31-34-other");
        assertThat(rule("GN11o-mach-84-8408-20-lt").parseStatus()).isEqualTo(ParseStatus.MANUAL_REVIEW);
    }

    @Test
    void theRuleForAnyOtherTariffItemOfASubheadingAppliesToItsOtherItems() {
        // GN 11(o), chapter 84, rule 207, as transcribed
        String text = "A change to any other tariff item within subheading 8471.80 from tariff items 8471.80.10 or 8471.80.40 or any"
                + " other subheading, except from subheading 8471.49.";
        assertThat(new PsrTextParser().parse(text, AS_OF)).isInstanceOf(ParseResult.Parsed.class);
        assertThat(rule("GN11o-mach-84-8471-80").parseStatus()).isEqualTo(ParseStatus.PARSED);
        assertThat(chosen("8471.80.90", null)).isEqualTo("GN11o-mach-84-8471-80");
        assertThat(chosen("8471.80.10", null)).isEqualTo("GN11o-mach-84-8471-80-10");
        assertThat(pack.productRules().lookup(HsCode.parse("8471.80"), null, AS_OF)).as("6 digits: the item decides")
                .isInstanceOf(RuleLookup.NeedsMoreData.class);
    }

    @Test
    void rulesHeldForAFactAreHeldWithTheirOwnReason() {
        assertThat(rule("GN11o-plastics-40-4016-99").parseNote()).startsWith("the goods the text covers depend on underscoring");
        assertThat(rule("GN11o-mach-85-8523-52").parseNote()).contains("not a direction of trade");
        assertThat(rule("GN11o-trans-87-8708-99-chassis-frame-pv-lt").parseNote()).contains("8708.99.aa and 8708.99.bb are placeholders");
        assertThat(rule("GN11o-trans-87-8708-29-stamping").parseNote()).contains("SOR/2020-155 s.13, 8708.29 (1)");
    }
}
