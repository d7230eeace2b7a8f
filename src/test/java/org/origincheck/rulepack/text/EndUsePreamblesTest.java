package org.origincheck.rulepack.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;
import org.origincheck.rulepack.text.PsrTextParser.Refusal;

/**
 * End-use preambles of GN 11(o) rules for parts of heading 87.08. The texts are copied from the pack's
 * rules/usmca/psr/gn11o/chapter-87.yaml (as transcribed) unless the test says "constructed".
 */
class EndUsePreamblesTest {

    private static final LocalDate START = LocalDate.of(2020, 7, 1);
    private final PsrTextParser parser = new PsrTextParser();

    @Test
    void shouldReadAHeavyTruckPreambleAsTheHeavyTruckEndUse() {
        // GN 11(o), chapter 87, rule 33 (8708.50 for use in a heavy truck), first alternative only; and heading 8707.
        ParseResult.Parsed parsed = parsed("For a good of subheading 8708.94 for use in a heavy truck: (A) A change to subheading 8708.94 "
                + "from any other heading; (B) No change in tariff classification to a good of subheading 8708.94, provided there is a "
                + "regional value content of not less than 70 percent under the net cost method.");
        assertThat(parsed.forUse()).isEqualTo(new ParseResult.ForUse(List.of(HsRange.parse("8708.94")), Set.of(EndUse.HEAVY_TRUCK_OE), false,
                "For a good of subheading 8708.94 for use in a heavy truck"));
        assertThat(parsed.alternatives()).hasSize(2);
        ParseResult.Parsed heading = parsed("For a good of heading 8707 for use in a heavy truck: (A) A change to heading 8707 from any other "
                + "chapter; or (B) A change to heading 8707 from heading 8708, whether or not there is also a change from any other "
                + "chapter, provided there is a regional value content of not less than 70 percent under the net cost method.");
        assertThat(heading.forUse().endUses()).containsExactly(EndUse.HEAVY_TRUCK_OE);
    }

    @Test
    void shouldReadThreeVehiclesAndAnyOtherGood() {
        // GN 11(o), chapter 87, 8708.91 (vehicle and other rules).
        ParseResult.Parsed vehicles = parsed("For a good of subheading 8708.91 for use in a passenger vehicle, light truck or heavy truck: "
                + "(A) A change to radiators of subheading 8708.91 from any other heading; (B) A change to radiators of subheading 8708.91 "
                + "from any other good of subheading 8708.91, whether or not there is also a change from any other heading, provided there "
                + "is a regional value content of not less than 70 percent under the net cost method; or (C) No change in tariff "
                + "classification to any other good of subheading 8708.91, provided there is a regional value content of not less than "
                + "70 percent under the net cost method.");
        assertThat(vehicles.forUse().endUses()).isEqualTo(EnumSet.of(EndUse.PASSENGER_VEHICLE_OE, EndUse.LIGHT_TRUCK_OE, EndUse.HEAVY_TRUCK_OE));
        assertThat(vehicles.forUse().anyOther()).isFalse();
        ParseResult.Parsed other = parsed("For any other good of subheading 8708.94: (A) A change to subheading 8708.94 from any other "
                + "heading; (B) A change to steering wheels, steering columns or steering boxes of subheading 8708.94 from parts thereof "
                + "of subheadings 8708.94 or 8708.99, whether or not there is also a change from any other heading, provided there is a "
                + "regional value content of not less than 50 percent under the net cost method; or (C) No change in tariff "
                + "classification to parts of steering wheels, steering columns or steering boxes of subheading 8708.94, provided there "
                + "is a regional value content of not less than 50 percent under the net cost method.");
        assertThat(other.forUse().anyOther()).isTrue();
        assertThat(other.forUse().endUses()).isEmpty();
    }

    @Test
    void shouldRefuseAnyOtherGoodForAUseAndAVehicleNotNamedByAnEndUse() {
        // GN 11(o), chapter 87, 8708.29: "any other good" is other than the body stampings another rule describes.
        String text = "For any other good of subheading 8708.29 for use in a passenger vehicle, light truck or heavy truck: (A) A change "
                + "to subheading 8708.29 from any other heading; or (B) No change in tariff classification to a good of subheading "
                + "8708.29, provided there is a regional value content of not less than 70 percent under the net cost method.";
        assertThat(refused(text)).contains("another rule describes in words");
        // Constructed: a vehicle no end use stands for.
        assertThat(refused("For a good of subheading 8708.94 for use in a tractor: (A) A change to subheading 8708.94 from any other heading."))
                .contains("not a recognised end use");
        // Constructed: "(D) For any other good" (8708.92 as transcribed) is not a preamble.
        assertThat(parser.parse("(D) For any other good of subheading 8708.92: (E) A change to subheading 8708.92 from any other heading.", START))
                .isInstanceOf(ParseResult.Unparsed.class);
    }

    /**
     * Every GN 11(o) rule of 87.08 whose preamble was read is selected by the end uses its preamble names, and for each end use
     * exactly one rule applies: the SOR/2020-155 s.13 rules (hand-encoded) for the end uses they name, the GN 11(o) "any other
     * good" rule only for the end uses no other rule names. So the hand-encoded and the parsed rules never both apply.
     */
    @Test
    void shouldSelectEachParsedEndUseRuleOnlyForTheEndUsesItsPreambleNames() {
        RulePack pack = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack();
        List<ProductRule> preambled = pack.productRules().all().stream()
                .filter(r -> r.id().startsWith("GN11o-trans-87-8708") && r.text().startsWith("For ") && r.isApplicable()).toList();
        assertThat(preambled).extracting(ProductRule::id).contains("GN11o-trans-87-8708-30-other", "GN11o-trans-87-8708-40-other",
                "GN11o-trans-87-8708-91-vehicle", "GN11o-trans-87-8708-91-other", "GN11o-trans-87-8708-94-heavy", "GN11o-trans-87-8708-94-other");
        LocalDate asOf = LocalDate.of(2026, 1, 15);
        for (ProductRule rule : preambled) {
            HsCode code = HsCode.parse(rule.scope().get(0).from() + "00");
            ParseResult.ForUse forUse = ((ParseResult.Parsed) parser.parse(rule.text(), pack.effectiveFrom())).forUse();
            for (EndUse endUse : EndUse.values()) {
                RuleLookup lookup = pack.productRules().lookup(code, endUse, asOf);
                assertThat(lookup).as(rule.id() + " " + endUse).isInstanceOf(RuleLookup.Found.class);
                ProductRule chosen = ((RuleLookup.Found) lookup).rule();
                boolean named = forUse.anyOther() ? chosen.id().equals(rule.id()) : forUse.endUses().contains(endUse);
                assertThat(chosen.id().equals(rule.id())).as(rule.id() + " for " + endUse + " (chosen " + chosen.id() + ")").isEqualTo(named);
                if (!chosen.id().equals(rule.id())) {
                    assertThat(chosen.appliesTo(endUse)).as("the rule chosen instead applies to " + endUse).isTrue();
                }
            }
            if (forUse.anyOther()) {
                // "any other good" is for the end uses the s.13 and heavy-truck rules do not name: never original equipment of the three.
                for (EndUse oe : List.of(EndUse.PASSENGER_VEHICLE_OE, EndUse.LIGHT_TRUCK_OE, EndUse.HEAVY_TRUCK_OE)) {
                    ProductRule chosen = ((RuleLookup.Found) pack.productRules().lookup(code, oe, asOf)).rule();
                    assertThat(chosen.id()).as(rule.id() + " must not apply to " + oe).isNotEqualTo(rule.id());
                }
            }
        }
    }

    private ParseResult.Parsed parsed(String text) {
        ParseResult result = parser.parse(text, START);
        assertThat(result).as("%s", result).isInstanceOf(ParseResult.Parsed.class);
        return (ParseResult.Parsed) result;
    }

    private String refused(String text) {
        ParseResult result = parser.parse(text, START);
        assertThat(result).as("%s", result).isInstanceOf(ParseResult.Unparsed.class);
        String reason = ((ParseResult.Unparsed) result).reason();
        assertThat(Refusal.of(reason)).as(reason).contains(Refusal.END_USE);
        return reason;
    }
}
