package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.rulepack.text.ParsedTexts.parsed;
import static org.origincheck.rulepack.text.ParsedTexts.refused;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.dated.DatedValue;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.GoodCondition;
import org.origincheck.domain.rules.Question;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.rules.TariffShift;
import org.origincheck.domain.dated.Threshold;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/**
 * The parser against real rule texts. Unless a test says otherwise, every input is copied verbatim from
 * HTSUS General Note 11(o) as transcribed in the reference TSV (the row's chapter and scope are named), from
 * the shipped pack's YAML, or from SOR/2020-155 s.13 (list items joined on one line). A few wordings the
 * brief names have no verbatim example in those sources: those tests say "constructed" and name the real
 * text they vary.
 */
class PsrTextParserTest {

    private static final LocalDate START = LocalDate.of(2020, 7, 1);

    private final PsrTextParser parser = new PsrTextParser();

    // ---------------------------------------------------------------------------------------------
    // "from any other chapter | heading | subheading | tariff item"

    @Test
    void shouldReadAnyOtherChapterWithAGroupOfHeadingsAsTarget() {
        // GN 11(o), chapter 01, headings 0101 through 0106
        assertThat(parsed("A change to headings 0101 through 0106 from any other chapter."))
                .isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.CHAPTER)), null)));
    }

    @Test
    void shouldReadAnyOtherHeading() {
        // GN 11(o), chapter 84, heading 8484
        assertThat(parsed("A change to heading 8484 from any other heading."))
                .isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.HEADING)), null)));
    }

    @Test
    void shouldReadAnyOtherSubheading() {
        // GN 11(o), chapter 90, subheading 9031.49
        assertThat(parsed("A change to subheading 9031.49 from any other subheading."))
                .isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.SUBHEADING)), null)));
    }

    @Test
    void shouldReadAnyOtherTariffItem() {
        // GN 11(o), chapter 73, tariff item 7321.90.20
        assertThat(parsed("A change to tariff item 7321.90.20 from any other tariff item."))
                .isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.TARIFF_ITEM)), null)));
    }

    // ---------------------------------------------------------------------------------------------
    // "..., including another subheading within that group"

    @Test
    void shouldReadAnyOtherSubheadingIncludingAnotherWithinThatGroupAsTheGoodsOwnSubheading() {
        // GN 11(o), chapter 85, subheadings 8514.10 through 8514.30
        assertThat(parsed("A change to subheadings 8514.10 through 8514.30 from any other subheading, including another "
                + "subheading within that group."))
                .isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.SUBHEADING)), null)));
    }

    @Test
    void shouldReadAnyOtherHeadingIncludingAnotherWithinThatGroup() {
        // GN 11(o), chapter 74, headings 7415 through 7418
        assertThat(parsed("A change to headings 7415 through 7418 from any other heading, including another heading "
                + "within that group."))
                .isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.HEADING)), null)));
    }

    // ---------------------------------------------------------------------------------------------
    // "from any heading outside that group" / "outside headings 52.08 through 52.12"

    @Test
    void shouldReadAnyHeadingOutsideThatGroupAsOutsideTheTargetHeadings() {
        // GN 11(o), chapter 53, headings 5306 through 5308
        assertThat(parsed("A change to headings 5306 through 5308 from any heading outside that group."))
                .isEqualTo(List.of(alt("A", shift(outside("5306-5308")), null)));
    }

    @Test
    void shouldReadAnySubheadingOutsideThatGroupAsOutsideTheTargetSubheadings() {
        // GN 11(o), chapter 40, subheadings 4012.11 through 4012.19
        assertThat(parsed("A change to subheadings 4012.11 through 4012.19 from any subheading outside that group."))
                .isEqualTo(List.of(alt("A", shift(outside("4012.11-4012.19")), null)));
    }

    @Test
    void shouldReadAnyHeadingOutsideNamedHeadings() {
        // Constructed: SOR/2020-155 s.5(15) Example 7 describes the 52.08 rule as "a change from any heading
        // outside headings 52.08 through 52.12"; no rule text prints it verbatim in the sources at hand.
        assertThat(parsed("A change to heading 5208 from any heading outside headings 52.08 through 52.12."))
                .isEqualTo(List.of(alt("A", shift(outside("52.08-52.12")), null)));
    }

    // ---------------------------------------------------------------------------------------------
    // "from subheading 8402.90", lists of provisions, "or any other ..."

    @Test
    void shouldReadAListOfSubheadingsOrAnyOtherChapterAsTwoClauses() {
        // GN 11(o), chapter 41, subheading 4106.22
        assertThat(parsed("A change to subheading 4106.22 from subheadings 4103.10 or 4106.21 or any other chapter."))
                .isEqualTo(List.of(alt("A", shift(from("4103.10", "4106.21"), anyOther(HsLevel.CHAPTER)), null)));
    }

    @Test
    void shouldReadHeadingsThroughAndATariffItemAsOneFromClause() {
        // rules/usmca/psr/chapter-74.yaml, GN11o-74-7408.11.60
        String text = "(A) A change to tariff item 7408.11.60 from any other chapter; or (B) A change to tariff item 7408.11.60 "
                + "from headings 7401 through 7402 or tariff item 7404.00.30, whether or not there is also a change from any "
                + "other chapter, provided there is a regional value content of not less than: (1) 60 percent where the "
                + "transaction value method is used; or (2) 50 percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(anyOther(HsLevel.CHAPTER)), null),
                alt("B", shift(from("74.01-74.02", "7404.00.30"), anyOther(HsLevel.CHAPTER)), tvNc("60", "50"))));
    }

    @Test
    void shouldReadFromSubheadingsOrHeadingAndTheSameListAsException() {
        // GN 11(o), chapter 84, tariff item 8427.10.40
        String text = "(A) A change to tariff item 8427.10.40 from any other heading, except from subheadings 8431.20 or "
                + "8483.40 or heading 8501; or (B) A change to tariff item 8427.10.40 from subheadings 8431.20 or 8483.40 or "
                + "heading 8501, whether or not there is also a change from any other heading, provided there is a regional "
                + "value content of not less than: (1) 60 percent where the transaction value method is used; or (2) 50 "
                + "percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(List.of(anyOther(HsLevel.HEADING)), "8431.20", "8483.40", "8501"), null),
                alt("B", shift(from("8431.20", "8483.40", "8501"), anyOther(HsLevel.HEADING)), tvNc("60", "50"))));
    }

    // ---------------------------------------------------------------------------------------------
    // ", whether or not there is also a change from any other heading" (with "including ... within that group")

    @Test
    void shouldAddTheWhetherOrNotClauseToTheSameFromList() {
        // rules/usmca/psr/chapter-74.yaml, GN11o-74-7401-7403 (GN 11(o), chapter 74, headings 7401 through 7403)
        String text = "(A) A change to headings 7401 through 7403 from any other heading, including another heading within that "
                + "group, except from heading 7404; or (B) A change to headings 7401 through 7403 from heading 7404, whether "
                + "or not there is also a change from any other heading, including another heading within that group, "
                + "provided there is a regional value content of not less than: (1) 60 percent where the transaction value "
                + "method is used; or (2) 50 percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(List.of(anyOther(HsLevel.HEADING)), "74.04"), null),
                alt("B", shift(from("74.04"), anyOther(HsLevel.HEADING)), tvNc("60", "50"))));
    }

    // ---------------------------------------------------------------------------------------------
    // ", except from ..."

    @Test
    void shouldReadExceptFromHeadingsThrough() {
        // rules/usmca/psr/chapter-74.yaml, GN11o-74-7413 (first alternative)
        String text = "(A) A change to heading 7413 from any other heading, except from headings 7407 through 7408; or (B) A "
                + "change to heading 7413 from headings 7407 through 7408, whether or not there is also a change from any "
                + "other heading, provided there is a regional value content of not less than: (1) 60 percent where the "
                + "transaction value method is used; or (2) 50 percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(List.of(anyOther(HsLevel.HEADING)), "74.07-74.08"), null),
                alt("B", shift(from("74.07-74.08"), anyOther(HsLevel.HEADING)), tvNc("60", "50"))));
    }

    @Test
    void shouldReadExceptFromSubheadingsThroughTariffItemsAndSubheadingJoinedByCommasOrAnd() {
        // GN 11(o), chapter 84, subheading 8483.20
        String text = "(A) A change to subheading 8483.20 from any other subheading, except from subheadings 8482.10 through "
                + "8482.80, tariff items 8482.99.05, 8482.99.15 or 8482.99.25, or subheading 8483.90; or (B) A change to "
                + "subheading 8483.20 from subheadings 8482.10 through 8482.80, tariff items 8482.99.05, 8482.99.15 and "
                + "8482.99.25 or subheading 8483.90, whether or not there is also a change from any other subheading, "
                + "provided there is a regional value content of not less than: (1) 60 percent where the transaction value "
                + "method is used; or (2) 50 percent where the net cost method is used.";
        String[] listed = {"8482.10-8482.80", "8482.99.05", "8482.99.15", "8482.99.25", "8483.90"};
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(List.of(anyOther(HsLevel.SUBHEADING)), listed), null),
                alt("B", shift(from(listed), anyOther(HsLevel.SUBHEADING)), tvNc("60", "50"))));
    }

    @Test
    void shouldReadExceptFromTariffItemsOrHeading() {
        // GN 11(o), chapter 74, heading 7411
        assertThat(parsed("A change to heading 7411 from any other heading, except from tariff items 7407.10.15, 7407.21.15, "
                + "7407.29.16 or heading 7409."))
                .isEqualTo(List.of(alt("A", shift(List.of(anyOther(HsLevel.HEADING)),
                        "7407.10.15", "7407.21.15", "7407.29.16", "74.09"), null)));
    }

    @Test
    void shouldReadExceptFromSeveralHeadingRangesOutsideThatGroup() {
        // rules/usmca/psr/chapter-52.yaml, GN11o-52-2
        String text = "A change to headings 5208 through 5212 from any heading outside that group, except from headings 5106 "
                + "through 5110, 5205 through 5206, 5401 through 5404 or 5509 through 5510.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(List.of(outside("52.08-52.12")),
                "51.06-51.10", "52.05-52.06", "54.01-54.04", "55.09-55.10"), null)));
    }

    @Test
    void shouldReadAChapterPrintedWithoutItsLeadingZero() {
        // GN 11(o), chapter 21, heading 2105
        String text = "A change to heading 2105 from any other heading, except from chapter 4 or tariff items 1901.90.32, "
                + "1901.90.33, 1901.90.34, 1901.90.36, 1901.90.38, 1901.90.42 or 1901.90.43.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(List.of(anyOther(HsLevel.HEADING)), "04",
                "1901.90.32", "1901.90.33", "1901.90.34", "1901.90.36", "1901.90.38", "1901.90.42", "1901.90.43"), null)));
    }

    // ---------------------------------------------------------------------------------------------
    // "No change in tariff classification ..."

    @Test
    void shouldReadNoChangeToAGoodOfSubheadingAsAnAlternativeWithoutShift() {
        // rules/usmca/psr/chapter-32.yaml, GN11o-32-4
        String text = "(A) A change to subheading 3205.00 from any other subheading; or (B) No change in tariff classification "
                + "to a good of subheading 3205.00, provided there is a regional value content of not less than: (1) 40 "
                + "percent where the transaction value method is used; or (2) 30 percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(anyOther(HsLevel.SUBHEADING)), null),
                alt("B", null, tvNc("40", "30"))));
    }

    @Test
    void shouldReadNoChangeToAGoodOfAnyOfSubheadings() {
        // rules/usmca/psr/chapter-95.yaml, GN11o-95-1
        String text = "(A) A change to subheadings 9503.00 through 9505.90 from any other subheading, including another "
                + "subheading within that group; or (B) No change in tariff classification to a good of any of subheadings "
                + "9503.00 through 9505.90, provided there is a regional value content of not less than: (1) 45 percent where "
                + "the transaction value method is used; or (2) 35 percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(anyOther(HsLevel.SUBHEADING)), null),
                alt("B", null, tvNc("45", "35"))));
    }

    @Test
    void shouldReadNoChangeToAGoodOfSubheadingIsRequired() {
        // Constructed: the wording "... is required, provided" varies the verbatim GN11o-32-4 text above; no
        // rule in the sources at hand prints it.
        String text = "No change in tariff classification to a good of subheading 3205.00 is required, provided there is a "
                + "regional value content of not less than: (1) 40 percent where the transaction value method is used; or "
                + "(2) 30 percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", null, tvNc("40", "30"))));
    }

    @Test
    void shouldReadNoChangeInTariffClassificationRequired() {
        // Constructed: "No change in tariff classification required, provided ..." is the README's wording;
        // the threshold is that of GN 11(o), chapter 84, rule 4 (subheading 8402.90).
        String text = "No change in tariff classification required, provided there is a regional value content of not less "
                + "than: (1) 60 percent where the transaction value method is used; or (2) 50 percent where the net cost "
                + "method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", null, tvNc("60", "50"))));
    }

    @Test
    void shouldReadNoRequiredChangeToSubheadingWithAnRvcOfNotLessThanPercentUnderTheNetCostMethod() {
        // Constructed: SOR/2020-155 s.13, 8708.29 paragraph (1)(b) reads "no required change in tariff
        // classification to subheading 8708.29, provided there is an RVC of not less than 50% under the net cost
        // method" inside an end-use paragraph; here it stands alone, capitalised as a rule.
        String text = "No required change in tariff classification to subheading 8708.29, provided there is an RVC of not "
                + "less than 50% under the net cost method.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", null, nc("50"))));
    }

    // ---------------------------------------------------------------------------------------------
    // Regional value content

    @Test
    void shouldReadTheTwoMethodsMarkedAAndB() {
        // GN 11(o), chapter 84, subheadings 8407.10 through 8407.29
        String text = "A change to subheadings 8407.10 through 8407.29 from any other heading, provided there is a regional "
                + "value content of not less than: (A) 60 percent where the transaction value method is used; or (B) 50 "
                + "percent where the net cost method is used.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.HEADING)), tvNc("60", "50"))));
    }

    @Test
    void shouldReadARegionalValueContentUnderTheNetCostMethodOnly() {
        // GN 11(o), chapter 87, subheading 8701.10
        String text = "A change to a good of subheading 8701.10 from any other heading, provided there is a regional value "
                + "content of not less than 60 percent under the net cost method.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.HEADING)), nc("60"))));
    }

    @Test
    void shouldReadAnRvcOfNotLessThanPercentSignUnderTheNetCostMethod() {
        // SOR/2020-155 s.13, 8701.10
        String text = "A change to a good of subheading 8701.10 from any other heading, provided there is an RVC of not less "
                + "than 60% under the net cost method.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.HEADING)), nc("60"))));
    }

    @Test
    void shouldReadAnRvcUnderTheNetCostMethodOfNotLessThanADecimalPercent() {
        // Constructed: 62.5% is the SOR/2020-155 s.13 threshold for 8702.10-8702.90 (15 or fewer persons),
        // whose verbatim rule describes the good by words; the wording "an RVC under the net cost method of not
        // less than" is that of s.13, 8701.20.
        String text = "A change to a good of subheading 8701.10 from any other heading, provided there is an RVC under the net "
                + "cost method of not less than 62.5%.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.HEADING)), nc("62.5"))));
    }

    @Test
    void shouldReadTheTwoMethodsUnderTheSorWording() {
        // SOR/2020-155 s.13, 8703.10
        String text = "A change to a good of subheading 8703.10 from any other heading, provided there is an RVC of not less "
                + "than (a) 60% under the transaction value method; or (b) 50% under the net cost method.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.HEADING)), tvNc("60", "50"))));
    }

    @Test
    void shouldReadAStagedNetCostThresholdAsADatedSchedule() {
        // SOR/2020-155 s.13, 8701.20
        String text = "A change to a good of subheading 8701.20 from any other heading, provided there is an RVC under the net "
                + "cost method of not less than (a) 60%, beginning on July 1, 2020 and ending on June 30, 2024; (b) 64%, "
                + "beginning on July 1, 2024 and ending on June 30, 2027; and (c) 70%, beginning on July 1, 2027.";
        Threshold staged = new Threshold(List.of(
                new DatedValue(LocalDate.of(2020, 7, 1), LocalDate.of(2024, 6, 30), new BigDecimal("60")),
                new DatedValue(LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30), new BigDecimal("64")),
                new DatedValue(LocalDate.of(2027, 7, 1), null, new BigDecimal("70"))));
        assertThat(parsed(text)).isEqualTo(List.of(
                alt("A", shift(anyOther(HsLevel.HEADING)), new RvcRequirement(null, staged))));
    }

    @Test
    void shouldUseThePackStartForConstantThresholds() {
        ParseResult result = parser.parse("A change to heading 8705 from any other heading, provided there is a regional value "
                + "content of not less than 60 percent under the net cost method.", LocalDate.of(2026, 1, 1));
        assertThat(result).isEqualTo(new ParseResult.Parsed(List.of(alt("A", shift(anyOther(HsLevel.HEADING)),
                new RvcRequirement(null, Threshold.constant(LocalDate.of(2026, 1, 1), new BigDecimal("60")))))));
    }

    // ---------------------------------------------------------------------------------------------
    // Refusals: each names the fragment that was not understood

    @Test
    void shouldRefuseAChapterNote() {
        // GN 11(o), chapter 84, subheading 8471.49 rule
        String text = "For the purposes of subheading 8471.49, the origin of each unit presented within a system shall be "
                + "determined in accordance with the rule that would be applicable to such unit if it were presented "
                + "separately and the rate of duty applicable to each unit presented within a system shall be: (a) in the "
                + "case of the territory of Mexico, the rate that would be applicable to such unit if it were presented "
                + "separately; and (b) in the case of the territory of Canada and the territory of the United States, the "
                + "rate that is applicable to each unit under the appropriate tariff item within subheading 8471.49. For the "
                + "purposes of this rule, the term \"unit presented within a system\" shall mean: (a) a separate unit as "
                + "described in Note 5(B) to chapter 84 of the tariff schedule; or (b) any other separate machine that is "
                + "presented and classified with a system under subheading 8471.49.";
        assertThat(refused(text, Refusal.NOT_A_CHANGE_RULE)).contains("\"For the purposes of subheading 8471.49, the origin");
    }

    @Test
    void shouldReadAConditionByWeightOfMaterialsAsAComputedProviso() {
        // GN 11(o), chapter 73, headings 7305 through 7307 (alternatives labelled (a), (b), (c))
        String text = "(a) A change to headings 7305 through 7307 from any other heading, except from headings 7208 through "
                + "7229 or 7301 through 7326; or (b) A change to headings 7305 through 7307 from headings 7208 through 7229 or "
                + "7301 through 7326, provided that at least 70 percent by weight of the materials of headings 7208 through "
                + "7229 or headings 7301 through 7326 is originating; or (c) No change in tariff classification to a good of "
                + "headings 7305 through 7307, provided there is a regional value content of not less than: (i) 75 percent "
                + "where the transaction value method is used; or (ii) 65 percent where the net cost method is used.";
        // Read since issue 13 (RuleProvisos); "headings A or headings B" is the same set of materials as "headings A and B".
        assertThat(parsed(text).get(1).provisos()).containsExactly(new org.origincheck.domain.rules.Proviso.OriginatingShareByWeight(
                ranges("72.08-72.29", "73.01-73.26"), new BigDecimal("70"), "at least 70 percent by weight of the materials of headings "
                        + "7208 through 7229 or headings 7301 through 7326 is originating"));
        // Constructed: a share by weight whose materials are not HS provisions is still refused.
        assertThat(refused(text.replace("of the materials of headings 7208 through 7229 or headings 7301 through 7326",
                "of the materials of steel"), Refusal.WEIGHT_CONDITION)).contains("alternative (b)");
    }

    @Test
    void shouldReadAChangeFromAnyOtherGoodWithinThatSubheadingAsAMaterialDeclaration() {
        // GN 11(o), chapter 84, subheading 8443.99: a material of the good's own subheading counts only if it is another
        // good, which its classification cannot show, so the producer declares it.
        String text = "A change to a good of subheading 8443.99 from any other good within that subheading or any other subheading.";
        Question otherGood = new Question("8443.99:any-other-good", "any other good within that subheading");
        assertThat(parsed(text)).containsExactly(alt("A",
                shift(new ShiftSource.SameProvision(HsLevel.SUBHEADING, otherGood), new ShiftSource.AnyOther(HsLevel.SUBHEADING)), null));
    }

    @Test
    void shouldReadFromWithinThatSubheadingAsTheGoodsOwnSubheading() {
        // GN 11(o), chapter 13, subheading 1301.20
        String text = "A change to a good of subheading 1301.20 from within that subheading or any other chapter.";
        assertThat(parsed(text)).containsExactly(alt("A",
                shift(new ShiftSource.SameProvision(HsLevel.SUBHEADING, null), new ShiftSource.AnyOther(HsLevel.CHAPTER)), null));
    }

    @Test
    void shouldReadAnyOtherSubheadingWithinAHeading() {
        // GN 11(o), chapter 85, subheading 8518.90 (B)
        String text = "(A) A change to subheading 8518.90 from any other heading; or (B) A change to subheading 8518.90 from any "
                + "other subheading within heading 8518, whether or not there is also a change from any other heading, provided "
                + "there is a regional value content of not less than: (1) 30 percent where the transaction value method is used; "
                + "or (2) 25 percent where the net cost method is used.";
        List<RuleAlternative> alternatives = parsed(text);
        assertThat(alternatives.get(1).tariffShift().from()).containsExactly(
                new ShiftSource.OtherWithin(HsLevel.SUBHEADING, List.of(HsRange.parse("85.18"))), new ShiftSource.AnyOther(HsLevel.HEADING));
    }

    @Test
    void shouldReadAnExceptionOfAnySubheadingWithinThatGroup() {
        // GN 11(o), chapter 85, subheadings 8539.10 through 8539.49
        String text = "A change to subheadings 8539.10 through 8539.49 from any other subheading, except from any subheading within that group.";
        assertThat(parsed(text)).containsExactly(alt("A",
                new TariffShift(List.of(new ShiftSource.AnyOther(HsLevel.SUBHEADING)), List.of(HsRange.parse("8539.10-8539.49"))), null));
    }

    @Test
    void shouldReadAnyOtherGoodOfASubheadingThatNoAlternativeDescribesAsItsOtherTariffItems() {
        // GN 11(o), chapter 85, rule 82 (8536.30), printed after rule 81 for tariff item 8536.30.40: no alternative describes a
        // good, so "any other good" is other than the tariff item's goods; the alternatives carry no declaration about the good.
        String text = "(A) A change to any other good of subheading 8536.30 from any other heading, except from tariff items "
                + "8538.90.10, 8538.90.30 or 8538.90.60; or (B) A change to any other good of subheading 8536.30 from tariff items "
                + "8538.90.10, 8538.90.30 or 8538.90.60, whether or not there is also a change from any other heading, provided "
                + "there is a regional value content of not less than: (1) 60 percent where the transaction value method is used; "
                + "or (2) 50 percent where the net cost method is used.";
        List<RuleAlternative> alternatives = parsed(text);
        assertThat(alternatives).extracting(RuleAlternative::label).containsExactly("A", "B");
        assertThat(alternatives).allSatisfy(a -> assertThat(a.goodConditions()).isEmpty());
        assertThat(alternatives.get(0).tariffShift().except()).containsExactly(HsRange.parse("8538.90.10"), HsRange.parse("8538.90.30"),
                HsRange.parse("8538.90.60"));
        // constructed: a text that describes a good after "any other good" of a subheading, or names a range, stays refused
        assertThat(refused("(A) A change to any other good of subheading 8536.30 from any other heading; or (B) A change to relays of"
                + " subheading 8536.30 from any other subheading.", Refusal.GOOD_DESCRIBED)).contains("no earlier alternative");
        assertThat(refused("A change to any other good of subheadings 8536.30 through 8536.50 from any other heading.",
                Refusal.GOOD_DESCRIBED)).contains("no earlier alternative");
    }

    @Test
    void shouldReadProvisionsAfterWithinThatCannotHoldTheLevelAsSourcesOfTheirOwn() {
        // GN11o-food-21-2106-90-54 (B): "any other subheading within chapter 21, heading 2009 or tariff item 2202.90.37"
        String text = "(A) A change to tariff item 2106.90.54 from any other chapter, except from heading 2009 or tariff item 2202.90.37;"
                + " or (B) A change to tariff item 2106.90.54 from any other subheading within chapter 21, heading 2009 or tariff item"
                + " 2202.90.37, whether or not there is also a change from any other chapter, provided that a single juice ingredient,"
                + " or juice ingredients from a single non-USMCA country, constitute in single strength form no more than 60 percent"
                + " by volume of the good.";
        List<RuleAlternative> alternatives = parsed(text);
        ShiftSource within = alternatives.get(1).tariffShift().from().get(0);
        assertThat(within).isEqualTo(new ShiftSource.OtherWithin(HsLevel.SUBHEADING, List.of(HsRange.parse("21"), HsRange.parse("2009"),
                HsRange.parse("2202.90.37"))));
        org.origincheck.domain.hs.HsCode good = org.origincheck.domain.hs.HsCode.parse("2106.90.54");
        assertThat(within.admits(good, org.origincheck.domain.hs.HsCode.parse("2009.89"))).isEqualTo(org.origincheck.domain.hs.Match.YES);
        assertThat(within.admits(good, org.origincheck.domain.hs.HsCode.parse("2202.90.37"))).isEqualTo(org.origincheck.domain.hs.Match.YES);
        assertThat(within.admits(good, org.origincheck.domain.hs.HsCode.parse("2106.90.99"))).isEqualTo(org.origincheck.domain.hs.Match.NO);
        assertThat(within.admits(good, org.origincheck.domain.hs.HsCode.parse("2202.99"))).isEqualTo(org.origincheck.domain.hs.Match.NO);
        // constructed: a later provision holding the good's own subheading would be read two ways ("any other subheading within
        // heading 2106" admits less than "heading 2106"): refused
        refused("A change to tariff item 2106.90.54 from any other subheading within chapter 20, heading 2106 or tariff item"
                + " 2202.90.37.", Refusal.PROVISION);
    }

    @Test
    void shouldReadAnyOtherGoodInAnExceptionAsOtherThanTheMaterialsTheFromClauseDescribes() {
        // GN11o-text-51-5112-11-canada (a), as transcribed
        String text = "(a) A change to woven fabrics (other than tapestry fabrics or upholstery fabrics of a weight not exceeding 140"
                + " grams per square meter) of combed fine animal hair of subheading 5112.11 from yarn of combed camel hair or combed"
                + " cashmere of subheading 5108.20 or any other heading, except from headings 5106 through 5107, any other good of"
                + " heading 5108, or headings 5109 through 5111, 5205 through 5206, 5401 through 5404, or 5509 through 5510; or (b) A"
                + " change to any other good of subheading 5112.11 from any other heading, except from headings 5106 through 5111 or"
                + " 5113, 5205 through 5206, 5401 through 5404 or 5509 through 5510.";
        TariffShift a = parsed(text).get(0).tariffShift();
        DescribedProvisions yarn = ((ShiftSource.Described) a.from().get(0)).materials();
        assertThat(a.except()).contains(new HsRange(HsLevel.SUBHEADING, "510800", "510819"), new HsRange(HsLevel.SUBHEADING, "510821", "510899"),
                HsRange.parse("5109-5111"));
        assertThat(a.exceptDescribed()).containsExactly(new DescribedProvisions(yarn.ranges(), yarn.question(), false));
        assertThat(yarn.ranges()).containsExactly(HsRange.parse("5108.20"));
        // constructed: with no material described in the "from" clause, "other" refers to nothing: refused
        assertThat(refused("A change to subheading 5112.11 from any other heading, except from any other good of heading 5108.",
                Refusal.MATERIAL_DESCRIBED)).contains("'any other good of' in an exception");
    }

    @Test
    void shouldReadAParenthesisAfterTheGoodsProvisionAsPartOfItsDescription() {
        // GN11o-text-58-5801-37-canada (a), as transcribed
        String text = "(a) A change to warp pile fabrics, cut, of subheading 5801.37 (if such fabrics are fabrics with pile of dry-spun"
                + " acrylic staple fibers of subheading 5503.30 and dyed in the piece to a single uniform color) from any other chapter,"
                + " except from headings 5106 through 5113, 5204 through 5212, 5310 through 5311, chapter 54, headings 5501 through"
                + " 5502, subheadings 5503.10 through 5503.20 or 5503.40 through 5503.90 or headings 5504 through 5516; or (b) A change"
                + " to any other good of subheading 5801.37 from any other chapter, except from headings 5106 through 5113, 5204"
                + " through 5212, 5310 through 5311, or chapters 54 through 55.";
        List<RuleAlternative> alternatives = parsed(text);
        Question fabrics = alternatives.get(0).goodConditions().get(0).question();
        assertThat(fabrics.words()).isEqualTo("warp pile fabrics, cut, of subheading 5801.37 (if such fabrics are fabrics with pile of"
                + " dry-spun acrylic staple fibers of subheading 5503.30 and dyed in the piece to a single uniform color)");
        assertThat(alternatives.get(1).goodConditions()).containsExactly(new GoodCondition(fabrics, false));
        // constructed: a parenthesis that does not close right before " from " is not read
        refused("A change to warp pile fabrics of subheading 5801.37 (if dyed) in the piece from any other chapter.", Refusal.GOOD_DESCRIBED);
    }

    @Test
    void shouldKeepQuestionIdsWithinTheApiLimitAndDistinct() {
        Question a = PsrTextParser.question(List.of(HsRange.parse("4802")), "paper or paperboard in rectangular (including square) sheets "
                + "with the larger dimension not exceeding 36 cm", "words one");
        Question b = PsrTextParser.question(List.of(HsRange.parse("4802")), "paper or paperboard in rectangular (including square) sheets "
                + "with the larger dimension exceeding 36 cm", "words two");
        assertThat(a.id()).hasSizeLessThanOrEqualTo(80).matches("[A-Za-z0-9][A-Za-z0-9.:_\\[\\]-]{0,79}").startsWith("4802:paper-or-paperboard");
        assertThat(b.id()).hasSizeLessThanOrEqualTo(80).isNotEqualTo(a.id());
    }

    @Test
    void shouldRefuseACutAndSewnConditionInAnotherForm() {
        // Constructed from GN 11(o), chapter 62, subheadings 6207.19 through 6207.99: "sewn in Mexico" is not the form the
        // chapters print, so it is refused (the forms that are read: CutAndSewnConditionsTest).
        String text = "A change to subheadings 6207.19 through 6207.99 from any other chapter, except from headings 5106 through "
                + "5113, 5204 through 5212, 5310 through 5311, chapter 54, headings 5508 through 5516, 5801 through 5802 or "
                + "6001 through 6006, provided that the good is both cut and sewn or otherwise assembled in Mexico.";
        assertThat(refused(text, Refusal.ASSEMBLY_CONDITION)).contains("\"provided that the good is both cut and sewn");
    }

    @Test
    void shouldReadATradeDirectionPreambleAndRefuseWhatFollowsOnItsOwnGrounds() {
        // GN 11(o), chapter 57, heading 5704 (Mexico-US trade): the preamble is read (DirectionOfTradeTest); "from any chapter"
        // (not "any other chapter", flagged as printed) is not a recognised 'from' clause.
        String text = "Heading rule: For the purposes of trade between the territory of Mexico and the territory of the United "
                + "States of goods of heading 5704 the following rule of origin applies: (a) A change to heading 5704 from any "
                + "chapter, except from headings 5106 through 5113, 5204 through 5212, 5311, or chapters 54 or 55.";
        assertThat(refused(text, Refusal.FROM_CLAUSE)).contains("\"any chapter, except from headings 5106");
    }

    @Test
    void shouldRefuseANotwithstandingRule() {
        // GN 11(o), chapter 07, subdivision (e) rule
        String text = "Notwithstanding subdivision (e)(ii) of this note, subdivision (e)(i) applies to nonoriginating truffles of "
                + "subheading 0709.59 used in the production of mixtures of mushrooms and truffles of subheading 0709.59 and "
                + "nonoriginating capers of subheading 0711.90 used in the production of mixtures of vegetables of subheading "
                + "0711.90.";
        assertThat(refused(text, Refusal.NOTWITHSTANDING)).contains("\"Notwithstanding subdivision (e)(ii) of this note");
    }

    @Test
    void shouldRefuseEndUsePhrasingForVehiclesNotRead() {
        // Constructed from GN 11(o), chapter 87, heading 8707 for use in a heavy truck (read: EndUsePreamblesTest), with a
        // vehicle no end use of the pack stands for.
        String text = "For a good of heading 8707 for use in a motorcycle: (A) A change to heading 8707 from any other chapter; "
                + "or (B) A change to heading 8707 from heading 8708, whether or not there is also a change from any other "
                + "chapter, provided there is a regional value content of not less than 70 percent under the net cost method.";
        assertThat(refused(text, Refusal.END_USE)).contains("\"For a good of heading 8707 for use in a motorcycle:");
    }

    @Test
    void shouldRefuseTruncatedText() {
        // GN 11(o), chapter 85, rule 113 (8543.90): the transcription ends mid-proviso
        String text = "(A) No change in tariff classification electronic microassemblies of subheading 8543.90; (B) A change to "
                + "any other good of subheading 8543.90 from electronic microassemblies of subheading 8543.90 or any other "
                + "heading; or (C) No change in tariff classification to any other good of subheading 8543.90, provided there "
                + "is a regional value content of not less than: (2) 50 percent where the net cost method is used. (1) 60 "
                + "percent where the transaction value method is used; or";
        assertThat(refused(text, Refusal.TRUNCATED)).contains("\"1) 60 percent where the transaction value method is used; or\"");
    }

    @Test
    void shouldReadAGoodDescribedByWordsAsAGoodDeclaration() {
        // GN 11(o), chapter 09, subheading 0904.22: (A) applies to allspice crushed or ground, (B) to any other good.
        String text = "(A) A change to allspice, crushed or ground, of subheading 0904.22 from allspice, neither crushed nor "
                + "ground of subheading 0904.21 or from any other chapter; or (B) A change to any other good of subheading "
                + "0904.22 from any other chapter.";
        Question good = new Question("0904.22:allspice-crushed-or-ground", "allspice, crushed or ground, of subheading 0904.22");
        Question material = new Question("0904.21:allspice-neither-crushed-nor-ground", "allspice, neither crushed nor ground of subheading 0904.21");
        assertThat(parsed(text)).containsExactly(
                new RuleAlternative("A", shift(new ShiftSource.Described(new DescribedProvisions(List.of(HsRange.parse("0904.21")), material, true)),
                        new ShiftSource.AnyOther(HsLevel.CHAPTER)), null, List.of(new GoodCondition(good, true))),
                new RuleAlternative("B", shift(new ShiftSource.AnyOther(HsLevel.CHAPTER)), null, List.of(new GoodCondition(good, false))));
    }

    @Test
    void shouldReadRvcProvisosWithPrintedSlipsThatDoNotChangeTheirMeaning() {
        // GN 11(o), chapter 90, subheading 9007.20: "where the net cost is used" (the word "method" is missing)
        String text = "(A) A change to subheading 9007.20 from any other heading; or (B) A change to subheading 9007.20 from "
                + "subheading 9007.92, whether or not there is also a change from any other heading, provided there is a "
                + "regional value content of not less than: (1) 60 percent where the transaction value method is used; or (2) "
                + "50 percent where the net cost is used.";
        RvcRequirement sixtyFifty = new RvcRequirement(Threshold.constant(START, BigDecimal.valueOf(60)), Threshold.constant(START, BigDecimal.valueOf(50)));
        assertThat(parsed(text).get(1).regionalValueContent()).isEqualTo(sixtyFifty);
        // chapter 84, 8454.10-8454.30: "where the transaction value method; or"; 8468.10-8468.80: "or 2)"; 8512.10-8512.40:
        // "provided there is also"; 3301.12-3301.13: no comma before "provided"; chapter 73: "(i) ..., or (ii) ...".
        for (String proviso : List.of(
                ", provided there is a regional value content of not less than: (1) 60 percent where the transaction value method; or (2) 50 percent where the net cost method is used.",
                ", provided there is a regional value content of not less than: (1) 60 percent where the transaction value method is used; or 2) 50 percent where the net cost method is used.",
                ", provided there is also a regional value content of not less than: (1) 60 percent where the transaction value method is used; or (2) 50 percent where the net cost method is used.",
                " provided there is a regional value content of not less than: (1) 60 percent where the transaction value is used; or (2) 50 percent where the net cost method is used.",
                ", provided there is a regional value content of not less than: (i) 60 percent where the transaction value method is used, or (ii) 50 percent where the net cost method is used.")) {
            assertThat(parsed("No change in tariff classification to a good of subheading 8454.10" + proviso))
                    .as(proviso).containsExactly(alt("A", null, sixtyFifty));
        }
        // A proviso whose markers do not pair is still refused.
        assertThat(refused("No change in tariff classification to a good of subheading 8454.10, provided there is a regional value "
                + "content of not less than: (1) 60 percent where the transaction value method is used; or (ii) 50 percent where the "
                + "net cost method is used.", Refusal.RVC_WORDING)).contains("do not match");
    }

    @Test
    void shouldRefuseThatGroupWhenTheLevelDoesNotMatchTheGoodsProvisions() {
        // GN 11(o), chapter 28: "including another heading within that group" in a rule for subheadings
        String text = "(A) A change to subheadings 2801.10 through 2853.00 from any other subheading, including another heading "
                + "within that group; or (B) No change in tariff classification to a good of subheadings 2801.10 through "
                + "2853.00, provided there is a regional value content of not less than: (1) 40 percent where the transaction "
                + "value method is used; or (2) 30 percent where the net cost method is used.";
        assertThat(refused(text, Refusal.GROUP)).contains("alternative (A)")
                .contains("\"including another heading within that group\"");
    }

    @Test
    void shouldReadTheMissingSpaceOfThatgroupButRefuseOtherMisspellings() {
        // GN 11(o), chapter 84, rule 99 (8436.10-8436.80): "thatgroup", printed so in the official text too; read as "that group"
        String text = "A change to subheadings 8436.10 through 8436.80 from any other subheading, including another subheading "
                + "within thatgroup.";
        assertThat(parsed(text)).isEqualTo(List.of(alt("A", shift(anyOther(HsLevel.SUBHEADING)), null)));
        // constructed near-miss: any other slip in the phrase is still refused
        assertThat(refused(text.replace("thatgroup", "that grup"), Refusal.UNRECOGNISED))
                .contains("\"including another subheading within that grup\"");
    }

    @Test
    void shouldRefuseAProvisionAtTheWrongLevel() {
        // GN 11(o), chapter 90, subheadings 9017.10 through 9017.80: "subheading 9017.90.01" (a tariff item)
        String text = "(A) A change to subheadings 9017.10 through 9017.80 from any other heading; or (B) A change to "
                + "subheadings 9017.10 through 9017.80 from subheading 9017.90.01, whether or not there is also a change "
                + "from any other heading, provided there is a regional value content of not less than: (1) 60 percent where "
                + "the transaction value method is used; or (2) 50 percent where the net cost method is used.";
        String reason = parser.parse(text, START) instanceof ParseResult.Unparsed u ? u.reason() : "";
        assertThat(Refusal.of(reason)).contains(Refusal.PROVISION);
        assertThat(reason).contains("alternative (B)").contains("'9017.90.01' is not a subheading number")
                .contains("\"subheading 9017.90.01, whether or not");
    }

    @Test
    void shouldReadTheStatedPeriodWithAWeightConditionWithinIt() {
        // GN 11(o), chapter 86, subheadings 8607.11 through 8607.12 (phase 2)
        String text = "Beginning on July 1, 2023, and thereafter, the following rules of origin shall apply to subheadings "
                + "8607.11 through 8607.12: (a) A change to subheadings 8607.11 through 8607.12 from any other heading, except "
                + "from headings 7208 through 7229 or 7301 through 7326; (b) A change to subheadings 8607.11 through 8607.12 "
                + "from headings 7208 through 7229 or 7301 through 7326, provided that at least 70 percent by weight of the "
                + "materials of headings 7208 through 7229 or 7301 through 7326 is originating; or (c) No change in tariff "
                + "classification to a good of subheadings 8607.11 through 8607.12, provided there is a regional value content "
                + "of not less than: (i) 70 percent where the transaction value method is used; or (ii) 60 percent where the "
                + "net cost method is used.";
        ParseResult.Parsed result = (ParseResult.Parsed) parser.parse(text, START);
        assertThat(result.period().from()).isEqualTo(LocalDate.of(2023, 7, 1));
        assertThat(result.alternatives().get(1).provisos()).singleElement().extracting(org.origincheck.domain.rules.Proviso::words)
                .asString().contains("70 percent by weight");
    }

    @Test
    void shouldReadAnExceptionThatDescribesTheMaterialsByWords() {
        // GN 11(o), chapter 84, subheadings 8467.21 through 8467.29: "housings of" describes the subheadings 8467.91 and
        // 8467.99 only; "heading 8501" (motors) is an exception of its own.
        String text = "(A) A change to subheadings 8467.21 through 8467.29 from any subheading outside that group, except "
                + "from housings of subheadings 8467.91 or 8467.99 or heading 8501; or (B) A change to subheadings 8467.21 "
                + "through 8467.29 from housings of subheadings 8467.91 or 8467.99 or heading 8501, whether or not there is "
                + "also a change from any subheading outside that group, provided there is a regional value content of not "
                + "less than: (1) 60 percent where the transaction value method is used; or (2) 50 percent where the net cost "
                + "method is used.";
        DescribedProvisions housings = new DescribedProvisions(List.of(HsRange.parse("8467.91"), HsRange.parse("8467.99")),
                new Question("8467.91_8467.99:housings", "housings of subheadings 8467.91 or 8467.99"), true);
        List<RuleAlternative> alternatives = parsed(text);
        assertThat(alternatives.get(0).tariffShift()).isEqualTo(new TariffShift(
                List.of(new ShiftSource.Outside(List.of(HsRange.parse("8467.21-8467.29")))), List.of(HsRange.parse("85.01")), List.of(housings)));
        assertThat(alternatives.get(1).tariffShift().from()).containsExactly(new ShiftSource.Described(housings),
                new ShiftSource.From(List.of(HsRange.parse("85.01"))), new ShiftSource.Outside(List.of(HsRange.parse("8467.21-8467.29"))));
    }

    @Test
    void shouldRefuseEmptyText() {
        assertThat(refused("  ", Refusal.EMPTY)).isNotBlank();
    }

    // ---------------------------------------------------------------------------------------------
    // The shipped pack: every rule's text gives its hand-encoded alternatives

    /**
     * The two SOR/2020-155 s.13 rules for 8708.40 begin "(1) For a good of subheading 8708.40 for use as
     * original equipment in a passenger vehicle or light truck, ..." / "(2) ... in a heavy truck": the end use
     * is a condition of the rule that {@link ParseResult.Parsed} cannot carry, so the parser refuses them
     * rather than drop it.
     */
    private static final Set<String> END_USE_PARAGRAPHS = Set.of("SOR13-8708.40-1", "SOR13-8708.40-2");

    @Test
    void shouldParseEveryHandEncodedRuleOfTheShippedPackToItsAlternatives() {
        RulePack pack = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack();
        // The hand-encoded files rules/usmca/psr/chapter-NN.yaml (not the generated ones in sub-folders).
        List<ProductRule> rules = pack.productRules().all().stream()
                .filter(rule -> rule.file().replace('\\', '/').matches("(.*/)?psr/chapter-\\d+\\.yaml"))
                .toList();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(18);
        List<String> compared = new ArrayList<>();
        for (ProductRule rule : rules) {
            ParseResult result = parser.parse(rule.text(), pack.effectiveFrom());
            if (END_USE_PARAGRAPHS.contains(rule.id())) {
                assertThat(result).as(rule.id()).isInstanceOf(ParseResult.Unparsed.class);
                assertThat(Refusal.of(((ParseResult.Unparsed) result).reason())).as(rule.id()).contains(Refusal.END_USE);
                continue;
            }
            assertThat(result).as(rule.id() + ": " + result).isInstanceOf(ParseResult.Parsed.class);
            if (rule.notes() == null) {
                assertThat(((ParseResult.Parsed) result).alternatives()).as(rule.id()).isEqualTo(rule.alternatives());
                compared.add(rule.id());
            }
        }
        assertThat(compared).as("rules compared in full").hasSizeGreaterThanOrEqualTo(16);
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    @Test
    void shouldReadARuleStatedForAPeriodWithItsPeriod() {
        // GN 11(o), chapter 86, subheading 8607.29: "until July 1, 2023" ends the day before the next period begins.
        String text = "Beginning on July 1, 2020 until July 1, 2023, the following rule of origin shall apply to subheading 8607.29: "
                + "(a) A change to subheading 8607.29 from any other heading; or (b) No change in tariff classification to a good of "
                + "subheading 8607.29, provided there is a regional value content of not less than: (i) 60 percent where the "
                + "transaction value method is used, or (ii) 50 percent where the net cost method is used.";
        ParseResult.Parsed result = (ParseResult.Parsed) parser.parse(text, START);
        assertThat(result.period()).isEqualTo(new ParseResult.Period(LocalDate.of(2020, 7, 1), LocalDate.of(2023, 6, 30),
                List.of(HsRange.parse("8607.29"))));
        assertThat(result.alternatives()).extracting(RuleAlternative::label).containsExactly("a", "b");

        ParseResult.Parsed open = (ParseResult.Parsed) parser.parse("Beginning on July 1, 2020 until July 1, 2023, the following rule "
                + "of origin shall apply to heading 8609: (a) A change to heading 8609 from any other heading.", START);
        assertThat(open.alternatives()).containsExactly(alt("a", shift(new ShiftSource.AnyOther(HsLevel.HEADING)), null));
        ParseResult.Parsed later = (ParseResult.Parsed) parser.parse("Beginning on July 1, 2025, and thereafter, the following rules of "
                + "origin shall apply to subheading 8504.90: (a) A change to subheading 8504.90 from any other heading, except from "
                + "headings 7225, 7226 or 7326; or (b) No change in tariff classification to a good of subheading 8504.90, provided "
                + "there is a regional value content of not less than: (i) 65 percent where the transaction value method is used; or "
                + "(ii) 55 percent where the net cost method is used.", START);
        assertThat(later.period().from()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(later.period().to()).isNull();
        // Outside a stated period, a lone "(a)" still suggests a truncated text.
        assertThat(refused("(a) A change to heading 7313 from any other heading.", Refusal.ALTERNATIVE_LABELS)).contains("only alternative");
    }

    private static RuleAlternative alt(String label, TariffShift shift, RvcRequirement rvc) {
        return new RuleAlternative(label, shift, rvc);
    }

    private static TariffShift shift(ShiftSource... from) {
        return new TariffShift(List.of(from), List.of());
    }

    private static TariffShift shift(List<ShiftSource> from, String... except) {
        return new TariffShift(from, ranges(except));
    }

    private static ShiftSource anyOther(HsLevel level) {
        return new ShiftSource.AnyOther(level);
    }

    private static ShiftSource from(String... ranges) {
        return new ShiftSource.From(ranges(ranges));
    }

    private static ShiftSource outside(String... ranges) {
        return new ShiftSource.Outside(ranges(ranges));
    }

    private static List<HsRange> ranges(String... ranges) {
        return Arrays.stream(ranges).map(HsRange::parse).toList();
    }

    private static RvcRequirement tvNc(String transactionValue, String netCost) {
        return new RvcRequirement(Threshold.constant(START, new BigDecimal(transactionValue)),
                Threshold.constant(START, new BigDecimal(netCost)));
    }

    private static RvcRequirement nc(String netCost) {
        return new RvcRequirement(null, Threshold.constant(START, new BigDecimal(netCost)));
    }
}
