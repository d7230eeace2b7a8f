package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.DirectionOfTrade;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.text.ParseResult;
import org.origincheck.rulepack.text.PsrTextParser;

/**
 * Rules held for the direction of trade (issue 13): the preamble "For the purposes of trade between the territory of ... of goods
 * of ..." is read, each text is its own rule with its {@code trade}, and the index chooses by good.importingCountry and
 * good.importedFrom, asking for them only while they could change the text. Texts are the shipped pack's (GN 11(o) as
 * transcribed, chapters 51, 55 and 57).
 */
class DirectionOfTradeTest {

    private static final Path SHIPPED = Path.of("rules/usmca");
    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    private static RulePack pack;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() {
        pack = new RulePackLoader().load(PackSource.directory(SHIPPED)).pack();
    }

    private static RuleLookup lookup(String hs, String importingCountry, String importedFrom) {
        return pack.productRules().lookup(HsCode.parse(hs), null, null, AS_OF, importingCountry, importedFrom);
    }

    private static String found(String hs, String importingCountry, String importedFrom) {
        RuleLookup lookup = lookup(hs, importingCountry, importedFrom);
        assertThat(lookup).as("%s into %s from %s", hs, importingCountry, importedFrom).isInstanceOf(RuleLookup.Found.class);
        return ((RuleLookup.Found) lookup).rule().id();
    }

    // ---------------------------------------------------------------------------------------------
    // The preamble

    @Test
    void theParserReadsABilateralPreambleAndItsLoneAlternative() {
        // GN 11(o), chapter 57, chapter rule 1 (Mexico-US trade), as transcribed
        String text = "Chapter rule 1: For the purposes of trade between the territory of Mexico and the territory of the United States"
                + " of goods of subheadings 5703.20 through 5703.30 the following rule of origin applies: (a) A change to subheadings"
                + " 5703.20 through 5703.30 from any other chapter, except from headings 5106 through 5113, 5204 through 5212, 5311,"
                + " chapters 54 or 55.";
        ParseResult.Parsed parsed = (ParseResult.Parsed) new PsrTextParser().parse(text, AS_OF);

        assertThat(parsed.forTrade().trade()).isEqualTo(DirectionOfTrade.MEXICO_UNITED_STATES);
        assertThat(parsed.forTrade().provisions()).containsExactly(HsRange.parse("5703.20-5703.30"));
        assertThat(parsed.forTrade().words()).startsWith("For the purposes of trade between").endsWith("5703.30 the following rule of origin applies");
        assertThat(parsed.alternatives()).hasSize(1);
        assertThat(parsed.alternatives().get(0).label()).isEqualTo("a");
        assertThat(parsed.alternatives().get(0).tariffShift().except()).contains(HsRange.parse("54"), HsRange.parse("55"));
    }

    @Test
    void theParserReadsTheAllOtherTradePreamble() {
        // GN 11(o), chapter 51, subheading rule (all other trade) for 5112.11, as transcribed
        String text = "For the purposes of all other trade of subheading 5112.11 the following rule of origin applies: (a) A change to"
                + " subheading 5112.11 from any other heading, except from headings 5106 through 5111 or 5113, 5205 through 5206, 5401"
                + " through 5404 or 5509 through 5510.";
        ParseResult.Parsed parsed = (ParseResult.Parsed) new PsrTextParser().parse(text, AS_OF);

        assertThat(parsed.forTrade().trade()).isEqualTo(DirectionOfTrade.ALL_OTHER_TRADE);
        assertThat(parsed.forTrade().provisions()).containsExactly(HsRange.parse("5112.11"));
        assertThat(parsed.alternatives()).hasSize(1);
    }

    @Test
    void aLoneAlternativeWithoutAPreambleIsStillRefusedUnlessTheRuleHasADirection() {
        // GN 11(o), chapter 55, 5509.31 (Canada-US trade): the transcription quotes the text without its preamble
        String text = "(a) A change to subheading 5509.31 from acid-dyeable acrylic tow of subheading 5501.30 or any other chapter, except"
                + " from headings 5201 through 5203 or 5401 through 5405.";
        assertThat(new PsrTextParser().parse(text, AS_OF, false)).isInstanceOf(ParseResult.Unparsed.class);
        assertThat(new PsrTextParser().parse(text, AS_OF, true)).isInstanceOf(ParseResult.Parsed.class);
        ProductRule loaded = pack.productRules().all().stream().filter(r -> r.id().equals("GN11o-text-55-5509-31-canada")).findFirst().orElseThrow();
        assertThat(loaded.parseStatus()).isEqualTo(ParseStatus.PARSED);
        assertThat(loaded.trade()).isEqualTo(DirectionOfTrade.CANADA_UNITED_STATES);
    }

    // ---------------------------------------------------------------------------------------------
    // Which text applies

    @Test
    void tradeBetweenCanadaAndTheUnitedStatesIsEitherDirection() {
        assertThat(found("5509.31", "US", "CA")).isEqualTo("GN11o-text-55-5509-31-canada");
        assertThat(found("5509.31", "CA", "US")).isEqualTo("GN11o-text-55-5509-31-canada");
        assertThat(found("5509.31", "US", "MX")).isEqualTo("GN11o-text-55-5509-31-other");
        assertThat(found("5509.31", "CA", "MX")).isEqualTo("GN11o-text-55-5509-31-other");
        assertThat(found("5509.31", "US", "CN")).isEqualTo("GN11o-text-55-5509-31-other");
        assertThat(found("5509.31", "US", "US")).as("not trade between two territories").isEqualTo("GN11o-text-55-5509-31-other");
    }

    @Test
    void tradeBetweenMexicoAndTheUnitedStatesIsEitherDirection() {
        assertThat(found("5703.20", "US", "MX")).isEqualTo("GN11o-text-57-5703-20-5703-30-mexico");
        assertThat(found("5703.30", "MX", "US")).isEqualTo("GN11o-text-57-5703-20-5703-30-mexico");
        assertThat(found("5703.20", "US", "CA")).isEqualTo("GN11o-text-57-5703-20-5703-30-other");
        assertThat(found("5703.20", "CA", "MX")).isEqualTo("GN11o-text-57-5703-20-5703-30-other");
    }

    @Test
    void eitherFactAloneCanRuleOutTheBilateralText() {
        assertThat(found("5509.31", "MX", null)).as("imported into Mexico").isEqualTo("GN11o-text-55-5509-31-other");
        assertThat(found("5509.31", null, "MX")).as("exported from Mexico").isEqualTo("GN11o-text-55-5509-31-other");
        assertThat(found("5509.31", null, "OTHER")).as("from outside the three").isEqualTo("GN11o-text-55-5509-31-other");
    }

    @Test
    void whileAFactCouldChangeTheTextItIsAskedWithBothTexts() {
        RuleLookup neither = lookup("5509.31", null, null);
        assertThat(neither).isInstanceOf(RuleLookup.NeedsMoreData.class);
        RuleLookup.NeedsMoreData asked = (RuleLookup.NeedsMoreData) neither;
        assertThat(asked.field()).isEqualTo("good.importingCountry");
        assertThat(asked.legalText()).contains("trade between the territory of Canada and the territory of the United States",
                "all other trade", "from acid-dyeable acrylic tow of subheading 5501.30");

        RuleLookup.NeedsMoreData from = (RuleLookup.NeedsMoreData) lookup("5509.31", "US", null);
        assertThat(from.field()).isEqualTo("good.importedFrom");
        RuleLookup.NeedsMoreData into = (RuleLookup.NeedsMoreData) lookup("5509.31", null, "CA");
        assertThat(into.field()).isEqualTo("good.importingCountry");
    }

    @Test
    void aProvisionWithOneTextIsNotAskedForTheDirection() {
        assertThat(lookup("5509.32", null, null)).isInstanceOf(RuleLookup.Found.class);
    }

    @Test
    void directionCoversIsSymmetricAndNeedsBothFactsToInclude() {
        DirectionOfTrade ca = DirectionOfTrade.CANADA_UNITED_STATES;
        assertThat(ca.covers("US", "CA")).isTrue();
        assertThat(ca.covers("CA", "US")).isTrue();
        assertThat(ca.covers("CA", "CA")).isFalse();
        assertThat(ca.covers("MX", null)).isFalse();
        assertThat(ca.covers(null, "DE")).isFalse();
        assertThat(ca.covers("US", null)).isNull();
        assertThat(ca.covers(null, "US")).isNull();
        assertThat(ca.covers(null, null)).isNull();
    }

    // ---------------------------------------------------------------------------------------------
    // The pack's checks

    @Test
    void aBilateralTextWithoutItsAllOtherTradeTextIsRefusedWithItsLine() throws IOException {
        Path copy = copyPack();
        Path file = copy.resolve("psr/gn11o/chapter-55.yaml");
        String yaml = Files.readString(file);
        int start = yaml.indexOf("- id: GN11o-text-55-5509-31-other");
        int end = yaml.indexOf("- id: ", start + 1);
        Files.writeString(file, yaml.substring(0, start) + yaml.substring(end));
        int line = (int) yaml.substring(0, yaml.indexOf("- id: GN11o-text-55-5509-31-canada")).lines().count() + 1;

        RulePackException e = catchThrowableOfType(() -> new RulePackLoader().load(PackSource.directory(copy)), RulePackException.class);

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("psr/gn11o/chapter-55.yaml:" + line + ":")
                .contains("GN11o-text-55-5509-31-canada", "no rule of the same scope and period is the text for all other trade"));
    }

    @Test
    void aPreambleForAnotherTradeThanTheRulesHoldsTheRuleForReview() throws IOException {
        Path copy = copyPack();
        Path file = copy.resolve("psr/gn11o/chapter-57.yaml");
        String yaml = Files.readString(file);
        int at = yaml.indexOf("- id: GN11o-text-57-5703-20-5703-30-mexico");
        String changed = yaml.substring(0, at) + yaml.substring(at).replaceFirst("trade: MEXICO_UNITED_STATES", "trade: CANADA_UNITED_STATES")
                .replaceFirst("- id: GN11o-text-57-5703-20-5703-30-other\n", "- id: GN11o-text-57-5703-20-5703-30-other\n");
        Files.writeString(file, changed);

        ProductRule rule = new RulePackLoader().load(PackSource.directory(copy)).pack().productRules().all().stream()
                .filter(r -> r.id().equals("GN11o-text-57-5703-20-5703-30-mexico")).findFirst().orElseThrow();

        assertThat(rule.parseStatus()).isEqualTo(ParseStatus.MANUAL_REVIEW);
        assertThat(rule.parseNote()).contains("is for trade between the territory of Mexico and the territory of the United States",
                "but the rule is for trade between the territory of Canada");
    }

    private Path copyPack() throws IOException {
        Path copy = temp.resolve("usmca");
        ShippedPackCopy.into(copy);
        return copy;
    }
}
