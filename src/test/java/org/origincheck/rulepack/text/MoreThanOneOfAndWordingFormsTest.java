package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.rulepack.text.ParsedTexts.parsed;
import static org.origincheck.rulepack.text.ParsedTexts.refused;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.GoodCondition;
import org.origincheck.domain.rules.MoreThanOneOf;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.rules.TariffShift;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/**
 * The forms of issue 13 read by {@link MoreThanOneOfExceptions} and the small hooks beside it in {@link PsrTextParser}.
 * Every input is the text of the shipped pack (rules/usmca/psr/gn11o, the rule named in the comment) unless the test says
 * "constructed"; each form is read, and a near miss is refused with its reason.
 */
class MoreThanOneOfAndWordingFormsTest {



    private static final String MACHINE_TOOL_GROUPS = "(A) subheadings 8413.50 through 8413.60, (B) tariff items 8466.93.15,"
            + " 8466.93.30 or 8466.93.53, (C) subheadings 8501.32 or 8501.52, (D) subheading 8537.10";

    @Test
    void shouldReadExceptFromMoreThanOneOfTheFollowingAsGroupsOfProvisions() {
        // GN11o-mach-84-8458-11
        List<RuleAlternative> alternatives = parsed("A change to subheading 8458.11 from any other heading, except from more than one"
                + " of the following: " + MACHINE_TOOL_GROUPS + ".");
        TariffShift shift = alternatives.get(0).tariffShift();
        assertThat(shift.from()).containsExactly(new ShiftSource.AnyOther(HsLevel.HEADING));
        assertThat(shift.except()).isEmpty();
        assertThat(shift.exceptMoreThanOne()).isEqualTo(new MoreThanOneOf(List.of(
                group("A", "8413.50-8413.60"), group("B", "8466.93.15", "8466.93.30", "8466.93.53"),
                group("C", "8501.32", "8501.52"), group("D", "8537.10"))));
        assertThat(shift.describe()).contains("except from more than one of the following: (A) subheadings");
    }

    @Test
    void shouldReadPlainExceptionsBeforeTheGroupsAndCapitalisedLevelWords() {
        // GN11o-mach-84-8477-10
        TariffShift shift = parsed("A change to subheading 8477.10 from any other subheading, except from tariff item 8477.90.25 or"
                + " more than one of the following: (A) Tariff item 8477.90.45, (B) Subheading 8537.10.").get(0).tariffShift();
        assertThat(shift.except()).isEqualTo(ranges("8477.90.25"));
        assertThat(shift.exceptMoreThanOne().groups()).containsExactly(group("A", "8477.90.45"), group("B", "8537.10"));
    }

    @Test
    void shouldReadGroupsLabelledWithNumbersInALabelledAlternative() {
        // GN11o-mach-84-8456-90, alternative (C)
        List<RuleAlternative> alternatives = parsed("(A) A change to water-jet cutting machinery of subheading 8456.90 from any other"
                + " good within that subheading, subheadings 8456.10 through 8456.30 or any other heading, except from subheading"
                + " 8466.93 or heading 8479; (B) A change to water-jet cutting machinery of subheading 8456.90 from subheading 8466.93,"
                + " whether or not there is also a change from any other good within subheading 8456.90, subheadings 8456.10 through"
                + " 8456.30 or any other heading, except from heading 8479, provided there is a regional value content of not less"
                + " than: (1) 60 percent where the transaction value method is used, or (2) 50 percent where the net cost method is"
                + " used; or (C) A change to any other good of subheading 8456.90 from water-jet cutting machinery within that"
                + " subheading or any other heading, except from more than one of the following: (1) subheadings 8413.50 through"
                + " 8413.60, (2) tariff items 8466.93.15, 8466.93.30 or 8466.93.53, (3) subheadings 8501.32 or 8501.52, (4)"
                + " subheading 8537.10.");
        assertThat(alternatives).hasSize(3);
        assertThat(alternatives.get(2).tariffShift().exceptMoreThanOne().groups()).extracting(MoreThanOneOf.Group::label)
                .containsExactly("1", "2", "3", "4");
        // (B) "from any other good within subheading 8456.90": a material of 8456.90 declared to be another good
        ShiftSource withinNamed = alternatives.get(1).tariffShift().from().get(1);
        assertThat(withinNamed).isInstanceOf(ShiftSource.Described.class);
        DescribedProvisions described = ((ShiftSource.Described) withinNamed).materials();
        assertThat(described.ranges()).isEqualTo(ranges("8456.90"));
        assertThat(described.question().words()).isEqualTo("any other good within subheading 8456.90");
        assertThat(described.required()).isTrue();
    }

    @Test
    void shouldRefuseAnAssemblyDescribedByItsComponentsAndGroupsThatAreNotProvisions() {
        // GN11o-mach-84-8422-11: components that are not a plain list ("assemblies incorporating more than one of the following:
        // compressor, ..." of 8418.10-8418.21 is now read, ComponentAssembliesTest)
        assertThat(refused("A change to subheading 8422.11 from any other subheading, except from tariff items 8422.90.02, 8422.90.04,"
                + " 8537.10.30 or water circulation systems incorporating a pump, whether or not motorized, and auxiliary apparatus for"
                + " controlling, filtering, or dispersing a spray.", Refusal.MATERIAL_DESCRIBED))
                .contains("the exception does not name HS provisions").contains("water circulation systems incorporating");
        // constructed from GN11o-mach-84-8458-11: a group in words
        assertThat(refused("A change to subheading 8458.11 from any other heading, except from more than one of the following:"
                + " (A) subheadings 8413.50 through 8413.60, (B) hydraulic pumps.", Refusal.MATERIAL_DESCRIBED))
                .contains("group (B) of 'more than one of the following' is not a list of HS provisions");
        // constructed: one group only, labels out of sequence, overlapping groups
        assertThat(refused("A change to subheading 8458.11 from any other heading, except from more than one of the following:"
                + " (A) subheadings 8413.50 through 8413.60.", Refusal.MATERIAL_DESCRIBED)).contains("lists only one group");
        assertThat(refused("A change to subheading 8458.11 from any other heading, except from more than one of the following:"
                + " (A) subheading 8413.50, (C) subheading 8537.10.", Refusal.MATERIAL_DESCRIBED))
                .contains("is not a list of HS provisions");
        assertThat(refused("A change to subheading 8458.11 from any other heading, except from more than one of the following:"
                + " (A) subheading 8466.93, (B) tariff item 8466.93.15.", Refusal.MATERIAL_DESCRIBED)).contains("overlap");
    }

    @Test
    void shouldReadNoChangeWhetherOrNotThereIsAlsoAChangeAsTheRvcAlone() {
        // GN11o-chemicals-33-3301-29, alternative (C)
        List<RuleAlternative> alternatives = parsed("(A) A change to essential oils of geranium, jasmine, lavender, lavandin or"
                + " vetiver of subheading 3301.29 from any other good of subheading 3301.29 or any other subheading; (B) A change to"
                + " any other good of subheading 3301.29 from any other chapter; or (C) No change in tariff classification to a good"
                + " of subheading 3301.29, whether or not there is also a change from any other chapter, provided there is a regional"
                + " value content of not less than: (1) 60 percent where the transaction value method is used; or (2) 50 percent"
                + " where the net cost method is used.");
        assertThat(alternatives.get(2).tariffShift()).isNull();
        assertThat(alternatives.get(2).regionalValueContent()).isNotNull();
        // GN11o-jewels-71-7106 (B): the same form with a process condition is the condition alone, a declared proviso in the
        // law's words (with the provisos of issue 13; before them it was refused for the condition)
        List<RuleAlternative> jewels = parsed("(A) A change to subheadings 7106.10 through 7106.92 from any other subheading, including another"
                + " subheading within that group; or (B) No change in tariff classification to a good of subheading 7106.91, whether"
                + " or not there is also a change from any other subheading, provided that the nonoriginating materials undergo"
                + " electrolytic, thermal or chemical separation or alloying.");
        assertThat(jewels.get(1).tariffShift()).isNull();
        assertThat(jewels.get(1).regionalValueContent()).isNull();
        assertThat(jewels.get(1).provisos()).extracting(org.origincheck.domain.rules.Proviso::words)
                .containsExactly("the nonoriginating materials undergo electrolytic, thermal or chemical separation or alloying");
    }

    @Test
    void shouldReadAFullStopPrintedBeforeTheNextAlternative() {
        // GN11o-mach-85-8508-70: "... is used.; or (C) ..."
        List<RuleAlternative> alternatives = parsed("(A) A change to parts of domestic vacuum cleaners of subheading 8508.70 from any"
                + " other heading, except from heading 8509; (B) No change in tariff classification to parts of domestic vacuum"
                + " cleaners of subheading 8508.70, provided there is a regional value content of not less than: (1) 60 percent where"
                + " the transaction value method is used; or (2) 50 percent where the net cost method is used.; or (C) A change to"
                + " any other good of subheading 8508.70 from parts of domestic vacuum cleaners of subheading 8508.70 or any other"
                + " heading, except from heading 8479.");
        assertThat(alternatives).extracting(RuleAlternative::label).containsExactly("A", "B", "C");
        // constructed: two full stops are not a slip the parser reads
        assertThat(refused("(A) A change to heading 8509 from any other heading..; or (B) A change to heading 8509 from"
                + " any other chapter.", Refusal.UNRECOGNISED)).contains("alternative (A)");
    }

    @Test
    void shouldReadAnyOtherGoodWithinTheseSubheadingsAsTheGoodsOwnGroup() {
        // GN11o-chemicals-31-3101-3105
        List<RuleAlternative> alternatives = parsed("A change to subheadings 3101.00 through 3105.90 from any other good within these"
                + " subheadings or any other subheading, including another subheading within that group.");
        ShiftSource own = alternatives.get(0).tariffShift().from().get(0);
        assertThat(own).isInstanceOf(ShiftSource.Described.class);
        assertThat(((ShiftSource.Described) own).materials().ranges()).isEqualTo(ranges("3101.00-3105.90"));
        assertThat(((ShiftSource.Described) own).materials().question().words()).isEqualTo("any other good within these subheadings");
        // constructed near miss: "these" at another level than the good's provisions
        assertThat(refused("A change to subheadings 3101.00 through 3105.90 from any other good within these headings or any other"
                + " subheading.", Refusal.GROUP)).contains("is not at the level of the good's provisions");
    }

    @Test
    void shouldReadAGoodDescribedOnBothSidesOfItsProvisionAsOneGoodDeclaration() {
        // GN11o-hides-41-4101
        List<RuleAlternative> alternatives = parsed("(A) A change to hides or skins of heading 4101 which have undergone a tanning"
                + " (including pre-tanning) process which is reversible from any other good of heading 4101 or any other chapter; or"
                + " (B) A change to any other good of heading 4101 from any other chapter.");
        GoodCondition tanned = alternatives.get(0).goodConditions().get(0);
        assertThat(tanned.question().words()).isEqualTo("hides or skins of heading 4101 which have undergone a tanning"
                + " (including pre-tanning) process which is reversible");
        assertThat(tanned.required()).isTrue();
        assertThat(tanned.question().id()).startsWith("4101:hides-or-skins-of-heading-4101-which-have").hasSizeLessThanOrEqualTo(80);
        // (B), "any other good": the good declared not to be the one (A) describes
        assertThat(alternatives.get(1).goodConditions()).containsExactly(new GoodCondition(tanned.question(), false));
        assertThat(alternatives.get(0).tariffShift().from()).hasSize(2);
    }

    @Test
    void shouldReadWordsAfterAProvisionUpToTheCommaBeforeFrom() {
        // GN11o-plastics-40-4009-12
        List<RuleAlternative> alternatives = parsed("(A) A change to tubes, pipes, or hoses of subheading 4009.12, of a kind for use"
                + " in a motor vehicle of tariff items 8702.10.60, 8702.90.30 or 8702.90.60, subheadings 8703.21 through 8703.90,"
                + " 8704.21 or 8704.31, or heading 8711, from any other heading, except from headings 4010 through 4017; (B) A change"
                + " to tubes, pipes or hoses of subheading 4009.12, of a kind for use in a motor vehicle of tariff items 8702.10.60,"
                + " 8702.90.30 or 8702.90.60, subheadings 8703.21 through 8703.90, 8704.21 or 8704.31, or heading 8711, from"
                + " subheadings 4009.11 through 4017.00, whether or not there is also a change from any other heading, provided there"
                + " is a regional value content of not less than: (1) 60 percent where the transaction value method is used, or (2)"
                + " 50 percent where the net cost method is used; or (C) A change to tubes, pipes or hoses of subheading 4009.12,"
                + " other than those of a kind for use in a motor vehicle of tariff items 8702.10.60, 8702.90.30 or 8702.90.60,"
                + " subheadings 8703.21 through 8703.90, 8704.21 or 8704.31, or heading 8711, from any other heading, except from"
                + " headings 4010 through 4017.");
        assertThat(alternatives.get(0).goodConditions().get(0).question().words()).isEqualTo("tubes, pipes, or hoses of subheading"
                + " 4009.12, of a kind for use in a motor vehicle of tariff items 8702.10.60, 8702.90.30 or 8702.90.60, subheadings"
                + " 8703.21 through 8703.90, 8704.21 or 8704.31, or heading 8711");
        assertThat(alternatives.get(0).tariffShift().except()).isEqualTo(ranges("40.10-40.17"));
        // (C) is its own declaration, in its own words ("other than those of a kind ...")
        assertThat(alternatives.get(2).goodConditions().get(0).question().words()).startsWith("tubes, pipes or hoses of subheading"
                + " 4009.12, other than those of a kind for use");
    }

    @Test
    void shouldRefuseWordsAfterAProvisionThatAreNotPlainWords() {
        // constructed from GN11o-hides-41-4101: a proviso before "from" is not a description
        assertThat(refused("A change to hides or skins of heading 4101, provided that they are tanned from any other chapter.",
                Refusal.GOOD_DESCRIBED)).contains("expected ' from ' after the good's provisions");
        // GN11o-mach-85-8507-60 (A): "excluding battery cells of 8507.90" after the change is still not understood
        assertThat(refused("(A) A change to a battery of subheading 8507.60, of a kind used as the primary source of electrical"
                + " power for the propulsion of an electric passenger vehicle or light truck from any other subheading, excluding"
                + " battery cells of 8507.90; or (B) A change to any other good of subheading 8507.60 from any other heading.",
                Refusal.UNRECOGNISED)).contains("excluding battery cells");
    }

    private static MoreThanOneOf.Group group(String label, String... ranges) {
        return new MoreThanOneOf.Group(label, ranges(ranges));
    }

    private static List<HsRange> ranges(String... ranges) {
        return Arrays.stream(ranges).map(HsRange::parse).toList();
    }
}
