package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.origincheck.domain.bom.Costs;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.hs.HsCode;

/**
 * The RVC and de minimis arithmetic against a plain reference written the way the regulation reads:
 * divide, multiply by 100, compare (with 40 significant digits, so no rounding can change a comparison
 * of these inputs).
 */
class RegionalValueContentProperties {

    private static final MathContext WIDE = new MathContext(40);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record Case(BigDecimal basis, BigDecimal vnm, BigDecimal threshold) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<BigDecimal> basis = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("1000000000")).ofScale(2);
        Arbitrary<BigDecimal> share = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(4);
        Arbitrary<BigDecimal> threshold = Arbitraries.bigDecimals().between(BigDecimal.ZERO, HUNDRED).ofScale(1)
                .edgeCases(c -> c.includeOnly(new BigDecimal("60"), new BigDecimal("50"), new BigDecimal("75")));
        return Combinators.combine(basis, share, threshold)
                .as((b, s, t) -> new Case(b, b.multiply(s).setScale(2, RoundingMode.DOWN), t));
    }

    static BigDecimal referencePercentage(BigDecimal basis, BigDecimal vnm) {
        return basis.subtract(vnm).divide(basis, WIDE).multiply(HUNDRED);
    }

    @Property(tries = 2000)
    void meetsAgreesWithTheFormulaAsWritten(@ForAll("cases") Case c) {
        boolean reference = referencePercentage(c.basis(), c.vnm()).compareTo(c.threshold()) >= 0;
        assertThat(RegionalValueContent.meets(c.basis(), c.vnm(), c.threshold())).isEqualTo(reference);
    }

    @Property(tries = 2000)
    void reportedValueIsTheFormulaToTenDecimals(@ForAll("cases") Case c) {
        BigDecimal reference = referencePercentage(c.basis(), c.vnm()).setScale(10, RoundingMode.HALF_EVEN);
        assertThat(RegionalValueContent.percentage(c.basis(), c.vnm())).isEqualByComparingTo(reference);
    }

    @Property(tries = 2000)
    void pointsShortIsZeroExactlyWhenMet(@ForAll("cases") Case c) {
        BigDecimal shortBy = RegionalValueContent.pointsShort(c.basis(), c.vnm(), c.threshold());
        assertThat(shortBy.signum()).isGreaterThanOrEqualTo(0);
        assertThat(shortBy.signum() == 0).isEqualTo(RegionalValueContent.meets(c.basis(), c.vnm(), c.threshold()));
    }

    @Property(tries = 2000)
    void replacingTheReportedValueReachesTheThresholdExactly(@ForAll("cases") Case c) {
        BigDecimal over = RegionalValueContent.nonOriginatingValueOver(c.basis(), c.vnm(), c.threshold());
        assertThat(RegionalValueContent.meets(c.basis(), c.vnm().subtract(over), c.threshold())).isTrue();
        if (over.signum() > 0) {
            assertThat(RegionalValueContent.meets(c.basis(), c.vnm().subtract(over).add(new BigDecimal("0.0001")), c.threshold()))
                    .as("any less replaced is not enough").isFalse();
        }
    }

    @Property(tries = 1000)
    void moreNonOriginatingValueNeverHelps(@ForAll("cases") Case c,
                                           @ForAll @BigRange(min = "0", max = "1000") @Scale(2) BigDecimal extra) {
        if (!RegionalValueContent.meets(c.basis(), c.vnm(), c.threshold())) {
            assertThat(RegionalValueContent.meets(c.basis(), c.vnm().add(extra), c.threshold())).isFalse();
        }
    }

    record Bases(BigDecimal tv, BigDecimal totalCost, BigDecimal excluded, BigDecimal netCost, BigDecimal value) {
    }

    @Provide
    Arbitrary<Bases> bases() {
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(2);
        Arbitrary<BigDecimal> optionalMoney = money.injectNull(0.3);
        Arbitrary<BigDecimal> fraction = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.99")).ofScale(2);
        return Combinators.combine(optionalMoney, optionalMoney, fraction, optionalMoney, money.map(v -> v.divide(BigDecimal.TEN, 2, RoundingMode.DOWN)))
                .as((tv, tc, f, nc, value) -> new Bases(tv, tc, tc == null ? null : tc.multiply(f).setScale(2, RoundingMode.DOWN),
                        tc == null ? nc : null, value));
    }

    /** s.5(1)/(4): at most 10% of the transaction value or of total cost; net cost only ever as a lower bound of total cost. */
    @Property(tries = 3000)
    void deMinimisShareFollowsTheRegulation(@ForAll("bases") Bases b) {
        BigDecimal share = BigDecimal.TEN;
        Good good = new Good("G", "g", HsCode.parse("8402.11"), null, "MX", "USD", b.tv(), b.netCost(),
                b.totalCost() == null ? null : new Costs(b.totalCost(), b.excluded()), null);
        boolean withinTv = b.tv() != null && b.value().compareTo(b.tv().multiply(new BigDecimal("0.1"))) <= 0;
        boolean withinTc = b.totalCost() != null && b.value().compareTo(b.totalCost().multiply(new BigDecimal("0.1"))) <= 0;
        boolean withinNcBound = b.totalCost() == null && b.netCost() != null && b.value().compareTo(b.netCost().multiply(new BigDecimal("0.1"))) <= 0;
        Verdict expected = withinTv || withinTc || withinNcBound ? Verdict.MET
                : b.tv() == null && b.totalCost() == null && b.netCost() == null ? Verdict.UNDETERMINED : Verdict.NOT_MET;
        assertThat(Assessments.shareVerdict(good, b.value(), share)).isEqualTo(expected);
    }
}
