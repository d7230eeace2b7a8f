package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.rulepack.text.ParsedTexts.parsed;
import static org.origincheck.rulepack.text.ParsedTexts.refused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/**
 * Provisos other than a regional value content ("provided that ..."). Texts are copied from the pack's rule files
 * (rules/usmca/psr/gn11o/chapter-NN.yaml, named per test) unless the test says "constructed".
 */
class RuleProvisosTest {


    @Test
    void shouldReadTheSteelShareByWeightAsComputedFromTheBillOfMaterials() {
        // chapter-73.yaml, GN11o-metals-73-7312-10#phase2 (checked against the official page, 2026-12-02)
        List<RuleAlternative> alternatives = parsed("(a) A change to subheading 7312.10 from any other heading, except from headings 7208 "
                + "through 7229 or 7301 through 7326; (b) A change to subheading 7312.10 from headings 7208 through 7229 or 7301 through "
                + "7326, provided that at least 70 percent by weight of the materials of headings 7208 through 7229 and 7301 through 7326 "
                + "is originating; or (c) No change in tariff classification to a good of subheading 7312.10, provided there is a regional "
                + "value content of not less than: (i) 75 percent where the transaction value method is used; or (ii) 65 percent where "
                + "the net cost method is used.");
        assertThat(alternatives).extracting(RuleAlternative::label).containsExactly("a", "b", "c");
        assertThat(alternatives.get(0).provisos()).isEmpty();
        assertThat(alternatives.get(1).regionalValueContent()).isNull();
        assertThat(alternatives.get(1).provisos()).containsExactly(new Proviso.OriginatingShareByWeight(
                List.of(HsRange.parse("72.08-72.29"), HsRange.parse("73.01-73.26")), new BigDecimal("70"),
                "at least 70 percent by weight of the materials of headings 7208 through 7229 and 7301 through 7326 is originating"));
        // chapter-73.yaml, 7308.40 phase 2: a list of headings
        List<RuleAlternative> list = parsed("(a) A change to subheading 7308.40 from any other heading, except from headings 7208, 7211, "
                + "7216, 7225 or 7226; (b) A change to subheading 7308.40 from headings 7208, 7211, 7216, 7225, or 7226, provided that at "
                + "least 70 percent by weight of the materials of headings 7208, 7211, 7216, 7225 and 7226 is originating.");
        assertThat(((Proviso.OriginatingShareByWeight) list.get(1).provisos().get(0)).materials()).hasSize(5);
    }

    @Test
    void shouldReadAConditionOfFactAsADeclarationWithTheLawsWords() {
        // chapter-27.yaml, GN11o-minerals-27-2707-10-91
        List<RuleAlternative> alternatives = parsed("(A) A change to subheadings 2707.10 through 2707.91 from any other heading; or (B) A "
                + "change to subheadings 2707.10 through 2707.91 from any other subheading within heading 2707, whether or not there is "
                + "also a change from any other heading, provided that the good resulting from such change is the product of a chemical "
                + "reaction.");
        Proviso.Declared declared = (Proviso.Declared) alternatives.get(1).provisos().get(0);
        assertThat(declared.words()).isEqualTo("the good resulting from such change is the product of a chemical reaction");
        assertThat(declared.question().id()).startsWith("2707.10-2707.91:provided-the-good-resulting-from-such-change").hasSizeLessThanOrEqualTo(80);
        // chapter-13.yaml, 1302.39: "provided the ..." without "that"; a share of the good by weight, declared
        List<RuleAlternative> carrageenan = parsed("(A) A change to carrageenan of subheading 1302.39 from within that subheading or any "
                + "other chapter, provided the nonoriginating materials of subheading 1302.39 do not exceed 50 percent by weight of the "
                + "good; or (B) A change to any other good of subheading 1302.39 from any other chapter, except from concentrates of "
                + "poppy straw of subheading 2939.11.");
        assertThat(carrageenan.get(0).provisos()).singleElement().isInstanceOf(Proviso.Declared.class);
        assertThat(carrageenan.get(0).goodConditions()).hasSize(1);
    }

    @Test
    void shouldReadAProvisoThatIsTheWholeRequirementOfNoChangeInClassification() {
        // chapter-22.yaml, GN11o-food-22-2208-30-70: the denominator (alcoholic content by volume) is not in the BOM
        List<RuleAlternative> alternatives = parsed("No required change in tariff classification to a good of subheadings 2208.30 through "
                + "2208.70, provided that the nonoriginating alcoholic ingredients constitute no more than 10 percent of the alcoholic "
                + "content of the good by volume.");
        assertThat(alternatives).singleElement().satisfies(a -> {
            assertThat(a.tariffShift()).isNull();
            assertThat(a.regionalValueContent()).isNull();
            assertThat(a.provisos()).singleElement().extracting(Proviso::words).isEqualTo("the nonoriginating alcoholic ingredients "
                    + "constitute no more than 10 percent of the alcoholic content of the good by volume");
        });
        // "No change in tariff classification" with nothing after it is still refused (8541.10-8542.90 as transcribed).
        assertThat(refused("No change in tariff classification to a good of subheadings 8541.10 through 8542.90.", Refusal.RVC_MISSING))
                .isNotEmpty();
    }

    @Test
    void shouldRefuseProvisosWithStructureOfTheirOwnAndLeaveCutAndSewnToTheirReader() {
        // chapter-85.yaml, 8525.50-8525.60 (start): a proviso with its own alternatives
        assertThat(refused("A change to subheadings 8525.50 through 8525.60 from any other subheading, provided that, with respect to "
                + "printed circuit assemblies (PCAs) of subheading 8529.90: (A) Except as provided in (B), a change to subheading 8529.90 "
                + "from any other subheading.", Refusal.OTHER_CONDITION)).contains("parts of its own");
        // Constructed from the 7312.10 rule: the share's materials are not HS provisions.
        assertThat(refused("A change to subheading 7312.10 from headings 7208 through 7229, provided that at least 70 percent by weight "
                + "of the materials of steel is originating.", Refusal.WEIGHT_CONDITION)).isNotEmpty();
        // Constructed from the 7312.10 rule: a share above 100 percent.
        assertThat(refused("A change to subheading 7312.10 from headings 7208 through 7229, provided that at least 170 percent by weight "
                + "of the materials of headings 7208 through 7229 is originating.", Refusal.WEIGHT_CONDITION)).contains("170");
        // Constructed from chapter-61.yaml rule 1: cut and sewn is read by CutAndSewnConditions, and a form it does not know is
        // refused as such, never taken for a declaration here.
        assertThat(refused("A change to headings 6101 through 6102 from any other chapter, provided that the good is both cut (or knit "
                + "to shape) and sewn or otherwise assembled in the territory of one or more of the USMCA countries or in Guatemala.",
                Refusal.ASSEMBLY_CONDITION)).isNotEmpty();
    }

}
