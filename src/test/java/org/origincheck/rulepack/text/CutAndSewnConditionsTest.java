package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.rulepack.text.ParsedTexts.parsed;
import static org.origincheck.rulepack.text.ParsedTexts.refused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/**
 * The cut-and-sewn proviso of chapters 61-63, read as declarations about the good. Texts are copied from the pack's rule
 * files (rules/usmca/psr/gn11o/chapter-NN.yaml, named per test) unless the test says "constructed".
 */
class CutAndSewnConditionsTest {

    private static final String TERRITORY = "sewn or otherwise assembled in the territory of one or more of the USMCA countries";

    @Test
    void shouldReadCutOrKnitToShapeAndSewnAsOneDeclarationWithItsWords() {
        // chapter-61.yaml, GN11o-text-61-rule-15 (6109)
        List<RuleAlternative> alternatives = parsed("A change to heading 6109 from any other chapter, except from headings 5106 through "
                + "5113, 5204 through 5212, 5310 through 5311, chapter 54 or headings 5508 through 5516 or 6001 through 6006, or other "
                + "made-up textile articles of heading 9619, provided that the good is both cut (or knit to shape) and " + TERRITORY + ".");
        assertThat(alternatives).singleElement().satisfies(a -> {
            assertThat(a.tariffShift()).isNotNull();
            assertThat(a.provisos()).containsExactly(new Proviso.Declared(new Question(CutAndSewnConditions.CUT_OR_KNIT_TO_SHAPE_ID,
                    "the good is both cut (or knit to shape) and " + TERRITORY)));
        });
    }

    @Test
    void shouldReadCutAndSewnWithoutKnitToShapeAsAnotherFact() {
        // chapter-62.yaml, GN11o-text-62-rule-6 (6207.19-6207.99): "cut" alone does not admit a good knit to shape
        List<RuleAlternative> alternatives = parsed("A change to subheadings 6207.19 through 6207.99 from any other chapter, except from "
                + "headings 5106 through 5113, 5204 through 5212, 5310 through 5311, chapter 54, headings 5508 through 5516, 5801 through "
                + "5802 or 6001 through 6006, provided that the good is both cut and " + TERRITORY + ".");
        assertThat(alternatives.get(0).provisos()).containsExactly(new Proviso.Declared(new Question(CutAndSewnConditions.CUT_ID,
                "the good is both cut and " + TERRITORY)));
    }

    @Test
    void shouldReadWhollyOfSuchFabricAsItsOwnDeclarationAndTheChapterRulesItSwitchesOff() {
        // chapter-61.yaml, GN11o-text-61-rule-8 (6107.21)
        List<RuleAlternative> alternatives = parsed("(A) A change to subheading 6107.21 from circular knit fabric, wholly of cotton yarns "
                + "exceeding 100 metric number per single yarn, of subheading 6006.21, circular knit fabric, wholly of cotton yarns "
                + "exceeding 100 metric number per single yarn, of subheading 6006.22, circular knit fabric, wholly of cotton yarns "
                + "exceeding 100 metric number per single yarn, of subheading 6006.23 or circular knit fabric, wholly of cotton yarns "
                + "exceeding 100 metric number per single yarn, of subheading 6006.24, provided that the good, exclusive of collar, cuffs, "
                + "waistband or elastic, is wholly of such fabric and the good is both cut and " + TERRITORY + ", and such goods will "
                + "not be subject to chapter rules 2 through 4 of this chapter; or (B) A change to subheading 6107.21 from any other "
                + "chapter, except from headings 5106 through 5113, 5204 through 5212, 5310 through 5311, chapter 54 or headings 5508 "
                + "through 5516 or 6001 through 6006, provided that the good is both cut (or knit to shape) and " + TERRITORY + ".");
        assertThat(alternatives).extracting(RuleAlternative::label).containsExactly("A", "B");
        List<Proviso> a = alternatives.get(0).provisos();
        assertThat(a).hasSize(3);
        Proviso.Declared wholly = (Proviso.Declared) a.get(0);
        assertThat(wholly.words()).isEqualTo("the good, exclusive of collar, cuffs, waistband or elastic, is wholly of such fabric");
        assertThat(wholly.question().id()).startsWith("6107.21:wholly-of-such-fabric-exclusive-of-collar").hasSizeLessThanOrEqualTo(80);
        assertThat(((Proviso.Declared) a.get(1)).question().id()).isEqualTo(CutAndSewnConditions.CUT_ID);
        assertThat(a.get(2)).isEqualTo(new Proviso.NotSubjectToChapterRules(List.of(2, 3, 4),
                "and such goods will not be subject to chapter rules 2 through 4 of this chapter"));
        assertThat(alternatives.get(1).provisos()).singleElement().extracting(Proviso::words)
                .isEqualTo("the good is both cut (or knit to shape) and " + TERRITORY);
    }

    @Test
    void shouldReadTheSentenceThatSwitchesChapterRulesOffAfterTheProviso() {
        // chapter-62.yaml, GN11o-text-62-rule-8 (6212.10)
        List<RuleAlternative> alternatives = parsed("A change to subheading 6212.10 from any other chapter, provided that the good is both "
                + "cut and " + TERRITORY + ". Such goods shall not be subject to rules 3 through 5 of this chapter.");
        assertThat(alternatives.get(0).provisos()).containsExactly(
                new Proviso.Declared(new Question(CutAndSewnConditions.CUT_ID, "the good is both cut and " + TERRITORY)),
                new Proviso.NotSubjectToChapterRules(List.of(3, 4, 5), "Such goods shall not be subject to rules 3 through 5 of this chapter"));
    }

    @Test
    void shouldReadASingleChapterRuleSwitchedOff() {
        // Constructed from chapter-63.yaml, GN11o-text-63-rule-3 (A), with the curtains named by their subheading only
        List<RuleAlternative> alternatives = parsed("A change to subheading 6303.92 from subheadings 5402.44, 5402.47 or 5402.52, provided "
                + "that the good is both cut and " + TERRITORY + ", and such goods will not be subject to chapter rule 2 of this chapter.");
        assertThat(alternatives.get(0).provisos()).last().isEqualTo(new Proviso.NotSubjectToChapterRules(List.of(2),
                "and such goods will not be subject to chapter rule 2 of this chapter"));
    }

    @Test
    void shouldRefuseNearMissesWithTheReason() {
        // Constructed: "both" missing
        assertThat(refused("A change to heading 6109 from any other chapter, provided that the good is cut and " + TERRITORY + ".",
                Refusal.ASSEMBLY_CONDITION)).contains("not understood");
        // Constructed: another chapter's rules ("of that chapter") are not this chapter's to switch off
        assertThat(refused("A change to subheading 6212.10 from any other chapter, provided that the good is both cut and " + TERRITORY
                + ", and such goods will not be subject to chapter rules 2 through 4 of that chapter.", Refusal.ASSEMBLY_CONDITION)).isNotEmpty();
        // Constructed: an assembly in one named country
        assertThat(refused("A change to heading 6109 from any other chapter, provided that the good is both cut and sewn or otherwise "
                + "assembled in the territory of Canada.", Refusal.ASSEMBLY_CONDITION)).isNotEmpty();
        // Constructed from GN11o-text-63-rule-1: a range followed by a number that is not a range is not a list without its
        // separator (PrintedSlips reads only two ranges side by side), and stays refused as wording
        assertThat(refused("A change to headings 6301 through 6302 from any other chapter, except from headings 5106 through 5113, 5204 "
                + "through 5212 5310, chapters 54 through 55, provided that the good is both cut (or knit to shape) and " + TERRITORY + ".",
                Refusal.UNRECOGNISED)).contains("5310");
    }
}
