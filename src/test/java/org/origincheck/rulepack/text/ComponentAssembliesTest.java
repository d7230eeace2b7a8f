package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.rulepack.text.ParsedTexts.parsed;
import static org.origincheck.rulepack.text.ParsedTexts.refused;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.DescribedProvisions;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.ShiftOutcome;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.rules.TariffShift;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/**
 * Materials described by their components ({@link ComponentAssemblies}): a material declaration, asked of the materials of the
 * provisions named after the list, or of any material when none is named. Inputs are the texts of the shipped pack (the rule
 * named in the comment) unless the test says "constructed".
 */
class ComponentAssembliesTest {

    private static final String COMPRESSOR_WORDS = "assemblies incorporating more than one of the following: compressor, condenser,"
            + " evaporator, connecting tubing";

    @Test
    void shouldReadAssembliesWithoutProvisionsAsADeclarationAboutAnyMaterial() {
        // GN11o-mach-84-8418-10-21
        List<RuleAlternative> fridge = parsed("A change to subheadings 8418.10 through 8418.21 from any subheading outside that group,"
                + " except from subheading 8418.91, tariff item 8418.99.40 or " + COMPRESSOR_WORDS + ".");
        TariffShift shift = fridge.get(0).tariffShift();
        assertThat(shift.except()).containsExactly(new HsRange(HsLevel.SUBHEADING, "841891", "841891"),
                new HsRange(HsLevel.TARIFF_ITEM, "84189940", "84189940"));
        DescribedProvisions assemblies = shift.exceptDescribed().get(0);
        assertThat(assemblies.question().words()).isEqualTo(COMPRESSOR_WORDS);
        assertThat(assemblies.question().id()).startsWith("material:assemblies-incorporating").hasSizeLessThanOrEqualTo(80);
        assertThat(assemblies.ranges()).containsExactly(ComponentAssemblies.ANY_MATERIAL);
        HsCode good = HsCode.parse("8418.10");
        HsCode condensingUnit = HsCode.parse("8418.69");
        String id = assemblies.question().id();
        assertThat(shift.test(good, condensingUnit, java.util.Map.of(id, true))).isEqualTo(ShiftOutcome.EXCEPTED);
        assertThat(shift.test(good, condensingUnit, java.util.Map.of(id, false))).isEqualTo(ShiftOutcome.ALLOWED);
        assertThat(shift.test(good, condensingUnit, java.util.Map.of())).isEqualTo(ShiftOutcome.UNDETERMINED);
        // a material of the group fails whatever it is declared: nothing to ask
        assertThat(shift.test(good, HsCode.parse("8418.21"), java.util.Map.of())).isEqualTo(ShiftOutcome.NOT_ALLOWED);
    }

    @Test
    void shouldReadAssembliesOfNamedProvisionsAndAsAFromClause() {
        // GN11o-mach-84-8418-29 (C): door assemblies of 8418.99, then the compressor assemblies
        List<RuleAlternative> rule = parsed("(A) A change to absorption-type electrical household refrigerators of subheading 8418.29"
                + " from any other heading; (B) A change to absorption-type electrical household refrigerators of subheading 8418.29"
                + " from subheadings 8418.91 through 8418.99, whether or not there is also a change from any other heading, provided"
                + " there is a regional value content of not less than: (1) 60 percent where the transaction value method is used; or"
                + " (2) 50 percent where the net cost method is used.; or (C) A change to any other good of subheading 8418.29 from any"
                + " other subheading, except from subheadings 8418.30, 8418.40 or 8418.91, door assemblies incorporating more than one"
                + " of the following: inner panel, outer panel, insulation, hinges, handles of subheading 8418.99 or " + COMPRESSOR_WORDS + ".");
        List<DescribedProvisions> described = rule.get(2).tariffShift().exceptDescribed();
        assertThat(described).hasSize(2);
        assertThat(described.get(0).ranges()).containsExactly(new HsRange(HsLevel.SUBHEADING, "841899", "841899"));
        assertThat(described.get(0).question().words()).endsWith("hinges, handles of subheading 8418.99");
        assertThat(described.get(0).asks(HsCode.parse("8418.10"), java.util.Map.of())).isFalse();
        assertThat(described.get(1).ranges()).containsExactly(ComponentAssemblies.ANY_MATERIAL);
        // GN11o-mach-84-8415-10 (C): "from tariff item 8415.90.40 or assemblies ..., whether or not ..."
        List<RuleAlternative> split = parsed("A change to \"split-systems\" of subheading 8415.10 from tariff item 8415.90.40 or "
                + COMPRESSOR_WORDS + ", whether or not there is also a change from subheadings 8415.20 through 8415.83, provided there"
                + " is a regional value content of not less than: (1) 60 percent where the transaction value method is used; or (2) 50"
                + " percent where the net cost method is used.");
        assertThat(split.get(0).tariffShift().from()).hasSize(3);
        assertThat(split.get(0).tariffShift().from().get(1)).isInstanceOf(ShiftSource.Described.class);
    }

    @Test
    void shouldRefuseAListThatIsNotPlainComponents() {
        // constructed: one component is not "more than one of the following"
        refused("A change to subheadings 8450.11 through 8450.20 from any subheading outside that group, except from washer"
                + " assemblies incorporating more than one of the following: agitator.", Refusal.MATERIAL_DESCRIBED);
        // constructed: "or" inside the list leaves words the grammar does not read
        refused("A change to subheadings 8450.11 through 8450.20 from any subheading outside that group, except from washer"
                + " assemblies incorporating more than one of the following: agitator, motor or clutch.", Refusal.MATERIAL_DESCRIBED);
        // GN11o-mach-84-8422-11: "incorporating a pump, whether or not motorized, and ..." is not this form
        refused("A change to subheading 8422.11 from any other subheading, except from tariff items 8422.90.02, 8422.90.04, 8537.10.30"
                + " or water circulation systems incorporating a pump, whether or not motorized, and auxiliary apparatus for"
                + " controlling, filtering, or dispersing a spray.", Refusal.MATERIAL_DESCRIBED);
    }
}
