package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.VehicleBodyType;
import org.origincheck.domain.automotive.VehicleFacts;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The automotive arithmetic against the regulation's formulas, computed here independently in exact integer
 * arithmetic (amounts in cents): the LVC of s.18(6)(a) with its credits capped (s.18(1)), and the 70% share
 * of s.17(1). A verdict is never decided on a rounded figure, and a displayed figure never rounds a failure
 * up to the threshold.
 */
class AutomotiveProperties {

    private static RulePack pack;
    private static final ReferenceOriginEngine ENGINE = new ReferenceOriginEngine();
    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    private static final BigDecimal NET_COST = new BigDecimal("20000.00");

    @BeforeContainer
    static void loadPack() {
        pack = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack();
    }

    @Property(tries = 300)
    void laborValueContentIsDecidedExactlyWithCappedCredits(
            @ForAll @BigRange(min = "0", max = "12000") @Scale(2) BigDecimal highWageMaterials,
            @ForAll @BigRange(min = "0", max = "3000") @Scale(2) BigDecimal labourCosts,
            @ForAll @BigRange(min = "0", max = "200000000") @Scale(2) BigDecimal researchWages,
            @ForAll @IntRange(min = 0, max = 150000) int engineCapacity) {
        BigDecimal productionWages = new BigDecimal("1000000000.00");
        AutomotiveResult.LaborValueContent lvc = evaluate(labor(highWageMaterials, labourCosts, researchWages, productionWages, engineCapacity), steelShare(70, 100))
                .automotive().laborValueContent();

        // Exact: points = (HWM + HWLC) x 100 / NC; tech = min(10, R x 100 / P); assembly = 5 if capacity >= 100,000.
        BigInteger numerator = cents(highWageMaterials.add(labourCosts)).multiply(BigInteger.valueOf(100));
        BigInteger nc = cents(NET_COST);
        boolean techCapped = cents(researchWages).multiply(BigInteger.valueOf(100)).compareTo(cents(productionWages).multiply(BigInteger.TEN)) >= 0;
        int assembly = engineCapacity >= 100_000 ? 5 : 0;
        // total >= 40  <=>  numerator/nc + tech + assembly >= 40, with tech = R*100/P unless capped at 10
        BigInteger p = cents(productionWages);
        BigInteger lhs = techCapped
                ? numerator.multiply(BigInteger.ONE).add(BigInteger.valueOf(10 + assembly).multiply(nc))
                : numerator.multiply(p).add(cents(researchWages).multiply(BigInteger.valueOf(100)).multiply(nc)).add(BigInteger.valueOf(assembly).multiply(nc).multiply(p));
        BigInteger rhs = techCapped ? BigInteger.valueOf(40).multiply(nc) : BigInteger.valueOf(40).multiply(nc).multiply(p);
        boolean totalMet = lhs.compareTo(rhs) >= 0;
        boolean floorMet = numerator.compareTo(BigInteger.valueOf(25).multiply(nc)) >= 0;

        assertThat(lvc.outcome()).isEqualTo(totalMet && floorMet ? Outcome.PASS : Outcome.FAIL);
        assertThat(lvc.technologyCredit()).isLessThanOrEqualTo(BigDecimal.TEN);
        assertThat(lvc.assemblyCredit()).isEqualByComparingTo(BigDecimal.valueOf(assembly));
        if (!totalMet) {
            assertThat(lvc.total()).as("a failing total is never displayed at or above 40").isLessThan(BigDecimal.valueOf(40));
            assertThat(lvc.pointsShort()).isPositive();
        }
    }

    @Property(tries = 200)
    void moreHighWageMaterialNeverTurnsAPassIntoAFail(
            @ForAll @BigRange(min = "0", max = "10000") @Scale(2) BigDecimal highWageMaterials,
            @ForAll @BigRange(min = "0", max = "2000") @Scale(2) BigDecimal more) {
        BigDecimal rd = new BigDecimal("50000000.00");
        BigDecimal p = new BigDecimal("1000000000.00");
        Outcome before = evaluate(labor(highWageMaterials, new BigDecimal("1500"), rd, p, 0), steelShare(70, 100)).automotive().laborValueContent().outcome();
        Outcome after = evaluate(labor(highWageMaterials.add(more), new BigDecimal("1500"), rd, p, 0), steelShare(70, 100)).automotive().laborValueContent().outcome();
        if (before == Outcome.PASS) {
            assertThat(after).isEqualTo(Outcome.PASS);
        }
    }

    @Property(tries = 300)
    void steelShareIsDecidedExactly(@ForAll @IntRange(min = 0, max = 1_000_000) int originatingCents,
                                    @ForAll @IntRange(min = 1, max = 1_000_000) int otherCents) {
        Evaluation e = evaluate(labor(new BigDecimal("7000"), new BigDecimal("1500"), BigDecimal.ZERO, BigDecimal.ONE, 0),
                steelShare(originatingCents, otherCents));
        AutomotiveResult.MetalShare steel = e.automotive().steelAndAluminum().metals().get(0);
        boolean met = BigInteger.valueOf(originatingCents).multiply(BigInteger.valueOf(100))
                .compareTo(BigInteger.valueOf(70).multiply(BigInteger.valueOf((long) originatingCents + otherCents))) >= 0;
        assertThat(steel.met()).isEqualTo(met);
        assertThat(e.automotive().steelAndAluminum().outcome()).isEqualTo(met ? Outcome.PASS : Outcome.FAIL);
        if (!met) {
            assertThat(steel.share()).isLessThan(BigDecimal.valueOf(70));
            assertThat(steel.originatingValueShort()).isPositive();
        }
    }

    private static BigInteger cents(BigDecimal amount) {
        return amount.movePointRight(2).toBigIntegerExact();
    }

    private static AutomotiveFacts.LaborValueContent labor(BigDecimal hwm, BigDecimal hwlc, BigDecimal rd, BigDecimal production, int engines) {
        return new AutomotiveFacts.LaborValueContent(AutomotiveFacts.LvcBasis.NET_COST,
                List.of(new AutomotiveFacts.Plant(0, "ASSY", "US", "USD", new BigDecimal("28.00"), null, null),
                        new AutomotiveFacts.Plant(1, "ENG", "MX", "MXN", new BigDecimal("320.00"), null, null)),
                List.of(new AutomotiveFacts.PlantAmount(0, "ENG", hwm)), List.of(new AutomotiveFacts.PlantAmount(0, "ASSY", hwlc)),
                null, null, null, false, new AutomotiveFacts.TechnologyExpenditures(rd, production),
                new AutomotiveFacts.AssemblyPlant("ENG", true, null, engines, 0, 0));
    }

    /** Steel purchases of the given values in cents, originating and not; aluminum always fully originating. */
    private static AutomotiveFacts.SteelAndAluminumPurchases steelShare(int originatingCents, int otherCents) {
        List<AutomotiveFacts.Purchase> purchases = new ArrayList<>();
        if (originatingCents > 0) {
            purchases.add(new AutomotiveFacts.Purchase(0, null, HsCode.parse("7209.16"), null, BigDecimal.valueOf(originatingCents, 2), true, true));
        }
        purchases.add(new AutomotiveFacts.Purchase(1, null, HsCode.parse("7209.16"), null, BigDecimal.valueOf(otherCents, 2), false, null));
        return new AutomotiveFacts.SteelAndAluminumPurchases(null, null, purchases);
    }

    private static Evaluation evaluate(AutomotiveFacts.LaborValueContent labor, AutomotiveFacts.SteelAndAluminumPurchases steel) {
        Good good = new Good("V", null, HsCode.parse("8703.23"), null, "MX", "USD", null, NET_COST, null, null,
                new VehicleFacts(false, null, VehicleBodyType.STANDARD, null));
        List<Material> materials = List.of(new Material(0, "SEATS", null, HsCode.parse("9401.20"), OriginStatus.NON_ORIGINATING, "CN",
                new BigDecimal("2000"), BigDecimal.ONE, "EA", MaterialKind.DIRECT));
        AutomotiveFacts.CoreParts core = new AutomotiveFacts.CoreParts(AutomotiveFacts.VnmMethod.ALL_MATERIALS, false,
                List.of(new AutomotiveFacts.CorePart(0, AutomotiveFacts.CorePartCategory.ENGINE, "ENG-1", new BigDecimal("3800"), new BigDecimal("760"), null, null)));
        AutomotiveFacts facts = new AutomotiveFacts(List.of(), null, core, steel, labor, null, null, null);
        return ENGINE.evaluate(new BillOfMaterials("p", AS_OF, good, materials, facts), pack);
    }
}
