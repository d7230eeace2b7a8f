package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.rulepack.text.ParsedTexts.parsed;
import static org.origincheck.rulepack.text.ParsedTexts.refused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.GoodCondition;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.rules.TariffShift;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/**
 * Printed slips read as meant ({@link PrintedSlips}), "from more than one of the following" ({@link MoreThanOneOfSources}), a
 * "whether or not" clause after the exception ({@link ExceptionBeforeWhether}) and goods described with decimals. Every input
 * is the text of the shipped pack (rules/usmca/psr/gn11o, the rule named in the comment) unless the test says "constructed";
 * each form is read, and a near miss is refused with its reason.
 */
class PrintedSlipsTest {

    private static final String GROUPS = "(1) subheadings 8413.50 through 8413.60, (2) tariff items 8466.93.15, 8466.93.30 or"
            + " 8466.93.53, (3) subheadings 8501.32 or 8501.52, (4) subheading 8537.10";
    private static final String RVC_60_50 = "provided there is a regional value content of not less than: (1) 60 percent where the"
            + " transaction value method is used; or (2) 50 percent where the net cost method is used.";
    private static final String MACHINE_TOOL = "(A) A change to subheading 8459.21 from any other heading, except from more than one of"
            + " the following: " + GROUPS + "; or (B) A change to subheading 8459.21 from more than one of the following: " + GROUPS
            + ", (C) Whether or not there is also a change from any other heading, " + RVC_60_50;

    private static HsRange subheadings(String from, String to) {
        return new HsRange(HsLevel.SUBHEADING, from, to);
    }

    @Test
    void shouldReadACapitalWhetherAfterAListAsTheAlternativeBeforeIt() {
        // GN11o-mach-84-8459-21: two alternatives, (B) a change from the listed provisions or any other heading with an RVC
        List<RuleAlternative> alternatives = parsed(MACHINE_TOOL);
        assertThat(alternatives).extracting(RuleAlternative::label).containsExactly("A", "B");
        TariffShift b = alternatives.get(1).tariffShift();
        assertThat(b.from()).hasSize(2);
        assertThat(b.from().get(0)).isInstanceOf(ShiftSource.From.class);
        assertThat(((ShiftSource.From) b.from().get(0)).ranges()).contains(subheadings("841350", "841360"),
                new HsRange(HsLevel.TARIFF_ITEM, "84669315", "84669315"), subheadings("853710", "853710"));
        assertThat(b.from().get(1)).isEqualTo(new ShiftSource.AnyOther(HsLevel.HEADING));
        assertThat(alternatives.get(1).regionalValueContent()).isNotNull();
        assertThat(alternatives.get(0).tariffShift().exceptMoreThanOne()).isNotNull();
        // GN11o-mach-84-8459-70-40 prints "; (C) Whether": the same reading
        assertThat(parsed(MACHINE_TOOL.replace(", (C) Whether", "; (C) Whether").replace("subheading 8459.21", "tariff item 8459.70.40")))
                .extracting(RuleAlternative::label).containsExactly("A", "B");
    }

    @Test
    void shouldRefuseACapitalWhetherThatIsNotTheLastLabel() {
        // constructed: a (D) after "(C) Whether" would be lost if (C) were read as part of (B)
        String text = MACHINE_TOOL.substring(0, MACHINE_TOOL.length() - 1) + "; or (D) A change to subheading 8459.21 from any other"
                + " chapter.";
        assertThat(refused(text, Refusal.ALTERNATIVE_LABELS)).contains("(C) does not follow");
    }

    @Test
    void shouldRefuseFromMoreThanOneOfTheFollowingWithoutAChangeFromAnyOtherHeading() {
        // constructed: without the "whether or not" clause, "more than one" is a condition on the materials taken together
        String text = "A change to subheading 8459.21 from more than one of the following: " + GROUPS + ", " + RVC_60_50;
        assertThat(refused(text, Refusal.MATERIAL_DESCRIBED)).contains("without 'whether or not there is also a change");
        // constructed: a group within the good's own heading is not admitted by "any other heading"
        String own = MACHINE_TOOL.replace("(4) subheading 8537.10, (C)", "(4) subheading 8459.29, (C)");
        assertThat(refused(own, Refusal.MATERIAL_DESCRIBED)).contains("group (4)");
    }

    @Test
    void shouldReadALabelPrintedWithoutItsOpeningParenthesis() {
        // GN11o-paper-48-4810: "; or C) A change to any other good of heading 4810 from any other chapter."
        List<RuleAlternative> paper = parsed("(A) A change to paper or paperboard in strips or rolls of a width not exceeding 15 cm of"
                + " heading 4810 from strips or rolls of a width exceeding 15 cm of heading 4810, or from any other heading, except from"
                + " headings 4817 through 4823; (B) A change to paper or paperboard in rectangular (including square) sheets with the"
                + " larger dimension not exceeding 36 cm or the other dimension not exceeding 15 cm in the unfolded state of heading"
                + " 4810 from strips or rolls of a width exceeding 15 cm of heading 4810, paper or paperboard in rectangular (including"
                + " square) sheets with the larger dimension exceeding 36 cm and the other dimension exceeding 15 cm in the unfolded"
                + " state of heading 4810, or from any other heading, except from headings 4817 through 4823; or C) A change to any"
                + " other good of heading 4810 from any other chapter.");
        assertThat(paper).extracting(RuleAlternative::label).containsExactly("A", "B", "C");
        assertThat(paper.get(2).goodConditions()).extracting(GoodCondition::required).containsExactly(false, false);
        assertThat(paper.get(2).tariffShift().from()).containsExactly(new ShiftSource.AnyOther(HsLevel.CHAPTER));
        // GN11o-metals-73-7313#phase2: "; or c) No change ..."
        List<RuleAlternative> steel = parsed("(a) A change to heading 7313 from any other heading, except from headings 7208 through"
                + " 7229 or 7301 through 7326; (b) A change to heading 7313 from headings 7208 through 7229 or 7301 through 7326,"
                + " provided that at least 70 percent by weight of the materials of headings 7208 through 7229 and 7301 through 7326"
                + " is originating; or c) No change in tariff classification to a good of heading 7313, provided there is a regional"
                + " value content of not less than: (i) 75 percent where the transaction value method is used; or (ii) 65 percent"
                + " where the net cost method is used.");
        assertThat(steel).extracting(RuleAlternative::label).containsExactly("a", "b", "c");
        assertThat(steel.get(1).provisos()).singleElement().isInstanceOf(Proviso.OriginatingShareByWeight.class);
        assertThat(steel.get(2).tariffShift()).isNull();
    }

    @Test
    void shouldRefuseALabelWithoutParenthesisOutOfSequence() {
        // constructed: "or D)" after (A) and (B): not the next label, so not read
        refused("(A) A change to heading 4810 from any other heading; (B) A change to heading 4810 from any other chapter; or D) A"
                + " change to heading 4810 from any other subheading.", Refusal.UNRECOGNISED);
    }

    @Test
    void shouldReadTheOtherSlipsAsMeant() {
        // GN11o-mach-85-8529-90: "A change of subheading 8529.90 from any other good within the same subheading"
        List<RuleAlternative> parts = parsed("(A) A change of subheading 8529.90 from any other good within the same subheading; or (B)"
                + " No change in tariff classification to a good of subheading 8529.90, provided there is a regional value content of"
                + " not less than: (1) 40 percent where the transaction value method is used; or (2) 30 percent where the net cost"
                + " method is used.");
        assertThat(parts.get(0).tariffShift().from()).singleElement().isInstanceOf(ShiftSource.SameProvision.class);
        // GN11o-optics-90-9013-80: "No required tariff change to", and no comma before "provided"
        List<RuleAlternative> lcd = parsed("(A) A change to Liquid Crystal Display Assemblies of subheading 9013.80 from any other"
                + " subheading; (B) No required tariff change to Liquid Crystal Display Assemblies of subheading 9013.80 provided there"
                + " is a regional value content of not less than: (1) 40 percent where the transaction value method is used; or (2) 30"
                + " percent where the net cost method is used; (C) A change to any other good of subheading 9013.80 from any other"
                + " heading; or (D) No required tariff change to any other good of subheading 9013.80, provided there is a regional"
                + " value content of not less than: (1) 60 percent where the transaction value method is used; or (2) 50 percent where"
                + " the net cost method is used.");
        assertThat(lcd).hasSize(4);
        assertThat(lcd.get(1).tariffShift()).isNull();
        assertThat(lcd.get(1).goodConditions()).isEqualTo(lcd.get(0).goodConditions());
        assertThat(lcd.get(3).goodConditions()).extracting(GoodCondition::required).containsExactly(false);
        // GN11o-chemicals-37-3701-3703: "from heading outside that group"
        assertThat(parsed("A change to headings 3701 through 3703 from heading outside that group.").get(0).tariffShift().from())
                .containsExactly(new ShiftSource.Outside(List.of(new HsRange(HsLevel.HEADING, "3701", "3703"))));
        // GN11o-hides-41-4104 and GN11o-optics-90-9031-90: a provision number without its level word
        assertThat(parsed("A change to heading 4104 from any other heading, except from 4107.").get(0).tariffShift().except())
                .containsExactly(new HsRange(HsLevel.HEADING, "4107", "4107"));
        assertThat(parsed("A change to a good of 9031.90 from any other good within that subheading or any other subheading.")
                .get(0).tariffShift().from()).hasSize(2);
        // GN11o-trans-87-8708-80-other (B): "any other good subheading 8708.80"
        List<RuleAlternative> struts = parsed("(A) A change to McPherson struts of subheading 8708.80 from parts thereof of subheading"
                + " 8708.80 or any other subheading, provided there is a regional value content of not less than 50 percent under the"
                + " net cost method; (B) A change to any other good subheading 8708.80 from any other heading.");
        assertThat(struts.get(1).goodConditions()).isEqualTo(List.of(new GoodCondition(struts.get(0).goodConditions().get(0).question(), false)));
    }

    @Test
    void shouldReadALeftOutSeparatorOrFromOrToAndALevelWordInAPreamble() {
        // GN11o-text-63-rule-1: "5204 through 5212 5310 through 5311", a separator left out between two ranges of one list
        String cutAndSewn = ", provided that the good is both cut (or knit to shape) and sewn or otherwise assembled in the territory"
                + " of one or more of the USMCA countries.";
        List<RuleAlternative> curtains = parsed("A change to headings 6301 through 6302 from any other chapter, except from headings"
                + " 5106 through 5113, 5204 through 5212 5310 through 5311, chapters 54 through 55, or headings 5801 through 5802 or"
                + " 6001 through 6006" + cutAndSewn);
        assertThat(curtains.get(0).tariffShift().except()).contains(HsRange.parse("5204-5212"), HsRange.parse("5310-5311"));
        // GN11o-text-58-5801-36-canada: "except headings", 'from' left out
        // (printed under its direction-of-trade preamble as a lone "(a)", which the loader reads with the rule's trade; here alone)
        List<RuleAlternative> pile = parsed("A change to subheading 5801.36 from any other chapter, except headings 5106 through"
                + " 5113, 5204 through 5212, 5310 through 5311, chapter 54, headings 5501 through 5502, subheadings 5503.10 through"
                + " 5503.20 or 5503.40 through 5503.90 or headings 5504 through 5516.");
        assertThat(pile.get(0).tariffShift().except()).contains(HsRange.parse("5106-5113"), HsRange.parse("5503.40-5503.90"));
        // GN11o-metals-81-8108-20: "(B) A change from any other subheading whether or not ...": "to subheading 8108.20" is missing
        // from a paraphrased transcription (the transcriber notes it), a gap, not a printed slip: not filled in, so refused (the
        // rule is also held by its manualReview until the official text is read)
        String titanium = "(A) A change to subheading 8108.20 from any other chapter; or (B) A change from any other subheading"
                + " whether or not there is also a change from any other chapter, " + RVC_60_50;
        refused(titanium, Refusal.ALTERNATIVE_FORM);
        assertThat(PrintedSlips.read(titanium).text()).contains("(B) A change from any other subheading");
        // GN11o-mach-84-8407-31-34-other: "For any other good of headings 8407.31 through 8407.34:" names subheadings
        ParseResult engines = new PsrTextParser().parse("For any other good of headings 8407.31 through 8407.34: (A) A change to"
                + " subheadings 8407.31 through 8407.34 from any other heading, " + RVC_60_50, ParsedTexts.START);
        assertThat(engines).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) engines).forUse().provisions()).containsExactly(HsRange.parse("8407.31-8407.34"));
        assertThat(((ParseResult.Parsed) engines).forUse().anyOther()).isTrue();
    }

    @Test
    void shouldRefuseNearMissesOfTheNewSlips() {
        // constructed: "A change from" where the other alternatives name two provisions: the change could be to either
        refused("(A) A change to subheading 8108.20 from any other chapter; (B) A change to subheading 8108.90 from any other heading;"
                + " or (C) A change from any other subheading, " + RVC_60_50, Refusal.ALTERNATIVE_FORM);
        // constructed: "headings" with subheading numbers the text does not repeat as subheadings: not read
        refused("For any other good of headings 8407.31 through 8407.34: (A) A change to heading 8407 from any other heading, "
                + RVC_60_50, Refusal.END_USE);
    }

    @Test
    void shouldReadALeftOutFromOrCommaOnlyRightAfterTheTariffShiftClause() {
        // constructed: the 8108.20 (B) form with "to subheading 8108.20" present: after "from any other subheading" the words can
        // begin the "whether or not" clause only
        PrintedSlips.Read comma = PrintedSlips.read("A change to subheading 8108.20 from any other subheading whether or not there is"
                + " also a change from any other chapter, " + RVC_60_50);
        assertThat(comma.readings()).singleElement().satisfies(r -> assertThat(r.readAs())
                .isEqualTo("subheading, whether or not there is also a change from"));
        assertThat(comma.text()).startsWith("A change to subheading 8108.20 from any other subheading, whether or not");
        // GN11o-text-58-5801-36-canada, with its label: only ", except" is read anew
        PrintedSlips.Read except = PrintedSlips.read("(a) A change to subheading 5801.36 from any other chapter, except headings 5106"
                + " through 5113 or chapter 54.");
        assertThat(except.readings()).singleElement().satisfies(r -> assertThat(r.printed()).isEqualTo(", except"));
        assertThat(except.text()).isEqualTo("(a) A change to subheading 5801.36 from any other chapter, except from headings 5106"
                + " through 5113 or chapter 54.");
    }

    @Test
    void shouldRefuseALeftOutFromOrCommaOutsideTheTariffShiftClause() {
        // GN11o-chemicals-29-2901-2942, as transcribed: "2916.32 whether or not" ends an exception, not a "from any other <level>"
        // clause; whether the exception also limits the "whether or not" clause is the question, so no comma is read
        String chemicals = "(A) A change to subheadings 2901.10 through 2942.00 from any other subheading, including another"
                + " subheading within that group; or (B) No change in tariff classification to a good of subheadings 2901.10 through"
                + " 2942.00, except for a good of subheading 2916.32 whether or not there is also a change from any other subheading,"
                + " provided there is a regional value content of not less than: (1) 40 percent where the transaction value method is"
                + " used; or (2) 30 percent where the net cost method is used.";
        assertThat(PrintedSlips.read(chemicals).readings()).isEmpty();
        assertThat(refused(chemicals, Refusal.UNRECOGNISED)).contains("2916.32 whether or not");
        // constructed: after provisions named by number, not "any other <level>": not read
        String named = "A change to subheading 8108.20 from subheading 8108.30 whether or not there is also a change from any other"
                + " chapter.";
        assertThat(PrintedSlips.read(named).readings()).isEmpty();
        refused(named, Refusal.UNRECOGNISED);
        // constructed: "except" without "from" inside a proviso: it may limit the condition, not the change; not read
        String inProviso = "A change to subheading 5801.36 from any other chapter, provided there is a regional value content of"
                + " not less than 50 percent under the net cost method, except chapter 54.";
        assertThat(PrintedSlips.read(inProviso).readings()).isEmpty();
        refused(inProviso, Refusal.UNRECOGNISED);
        // constructed: "except" without "from" after the "whether or not" clause: not read
        String afterWhether = "A change to subheading 5801.36 from any other heading, whether or not there is also a change from any"
                + " other chapter, except headings 5106 through 5113.";
        assertThat(PrintedSlips.read(afterWhether).readings()).isEmpty();
        refused(afterWhether, Refusal.UNRECOGNISED);
    }

    @Test
    void shouldRefuseNearMissesOfTheSlips() {
        // constructed: a two-digit number without its level word may be a chapter or a misprint: not read
        assertThat(refused("A change to heading 4104 from any other heading, except from 41.", Refusal.MATERIAL_DESCRIBED))
                .contains("does not name HS provisions");
        // constructed: "any other good heading" with no good described before it (of a subheading, it would be the subheading's
        // rule for its other tariff items, which the loader checks: PsrTextParserTest)
        assertThat(refused("A change to any other good heading 8708 from any other heading.", Refusal.GOOD_DESCRIBED))
                .contains("no earlier alternative");
        // constructed: "from heading outside" a group of one heading is still not a group
        refused("A change to heading 3701 from heading outside that group.", Refusal.GROUP);
    }

    @Test
    void shouldReadAWhetherClauseAfterTheExceptionOnlyWhereTheOrderCannotMatter() {
        // GN11o-food-20-2009-90 (B): the excepted subheadings are in chapter 20, which "any other chapter" never admits
        String text = "(A) A change to subheading 2009.90 from any other chapter; (B) A change to cranberry juice mixtures of subheading"
                + " 2009.90 from any other subheading within chapter 20, except from subheadings 2009.11 through 2009.39 or subheading"
                + " 2009.81, whether or not there is also a change from any other chapter, provided there is a regional value content of"
                + " not less than: (1) 60 percent where the transaction value method is used; or (2) 50 percent where the net cost"
                + " method is used; or (C) A change to any other good of subheading 2009.90 from any other"
                + " subheading within chapter 20, whether or not there is also a change from any other chapter, provided that a single"
                + " juice ingredient, or juice ingredients from a single non-USMCA country, constitute in single strength form no more"
                + " than 60 percent by volume of the good.";
        List<RuleAlternative> juice = parsed(text);
        assertThat(juice).hasSize(3);
        TariffShift b = juice.get(1).tariffShift();
        assertThat(b.from()).containsExactly(new ShiftSource.OtherWithin(HsLevel.SUBHEADING, List.of(new HsRange(HsLevel.CHAPTER, "20", "20"))),
                new ShiftSource.AnyOther(HsLevel.CHAPTER));
        assertThat(b.except()).containsExactly(subheadings("200911", "200939"), subheadings("200981", "200981"));
        // constructed: an excepted heading of another chapter, which "any other chapter" would admit, so the order matters
        assertThat(refused("A change to subheading 2009.90 from any other subheading within chapter 20, except from heading 0805,"
                + " whether or not there is also a change from any other chapter.", Refusal.UNRECOGNISED))
                .contains("an exception of materials it may admit");
    }

    @Test
    void shouldReadDecimalsInADescriptionAndRefuseAGoodNarrowerThanTheRule() {
        // GN11o-metals-79-7905: "foil of a thickness not exceeding 0.15 mm (excluding backing) of heading 7905"
        List<RuleAlternative> zinc = parsed("(A) A change to heading 7905 from any other heading; or (B) A change to foil of a thickness"
                + " not exceeding 0.15 mm (excluding backing) of heading 7905 from within that heading, whether or not there is also a"
                + " change from any other heading.");
        assertThat(zinc.get(1).goodConditions()).singleElement().satisfies(c -> assertThat(c.question().words())
                .isEqualTo("foil of a thickness not exceeding 0.15 mm (excluding backing) of heading 7905"));
        // GN11o-metals-78-7804-11-20: the foil is of 7804.11, narrower than (A)'s 7804.11-7804.20
        assertThat(refused("(A) A change to subheadings 7804.11 through 7804.20 from any other subheading, including another"
                + " subheading within that group; or (B) A change to foil of a thickness not exceeding 0.15 mm (excluding backing) of"
                + " subheading 7804.11 from within that subheading, whether or not there is also a change from any other subheading.",
                Refusal.GOOD_DESCRIBED)).contains("narrower provisions");
    }

    @Test
    void shouldReportEveryReading() {
        PrintedSlips.Read read = PrintedSlips.read(MACHINE_TOOL);
        assertThat(read.readings()).singleElement().satisfies(r -> assertThat(r.printed()).isEqualTo(", (C) Whether or not there is also a change from"));
        assertThat(PrintedSlips.read("A change to heading 7313 from any other heading.").readings()).isEmpty();
    }
}
