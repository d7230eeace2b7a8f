package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The display rule for a percentage beside its threshold: one decimal as the official examples print them (47.4%), and never
 * a figure that reads as being on the other side of the threshold (59.96% is not "60%" beside a 60% requirement).
 */
class PercentagesProperties {

    record Case(BigDecimal percent, BigDecimal threshold) {
    }

    /** Percentages with up to ten decimals, many of them within a hair of the threshold, against the thresholds the law uses. */
    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<BigDecimal> threshold = Arbitraries.of(new BigDecimal("60"), new BigDecimal("50"), new BigDecimal("62.5"),
                new BigDecimal("75"), new BigDecimal("10"), new BigDecimal("7"), new BigDecimal("35"), new BigDecimal("67.5"));
        Arbitrary<BigDecimal> offset = Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-0.1"), new BigDecimal("0.1")).ofScale(10),
                Arbitraries.bigDecimals().between(new BigDecimal("-0.0001"), new BigDecimal("0.0001")).ofScale(10),
                Arbitraries.bigDecimals().between(new BigDecimal("-50"), new BigDecimal("40")).ofScale(4),
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("-0.04"), new BigDecimal("0.04"), new BigDecimal("-0.05"),
                        new BigDecimal("-0.0000001")));
        return Combinators.combine(threshold, offset).as((t, o) -> new Case(t.add(o), t));
    }

    @Property(tries = 5000)
    void theShownFigureComparesWithTheThresholdAsTheExactOneDoes(@ForAll("cases") Case c) {
        String shown = Percentages.against(c.percent(), c.threshold());
        int exact = Integer.signum(c.percent().compareTo(c.threshold()));
        if (shown.startsWith("just under ")) {
            assertThat(exact).isNegative();
        } else if (shown.startsWith("just over ")) {
            assertThat(exact).isPositive();
        } else {
            assertThat(Integer.signum(new BigDecimal(shown).compareTo(c.threshold()))).as(c + " shown as " + shown).isEqualTo(exact);
        }
    }

    @Property(tries = 5000)
    void oneDecimalRoundedHalfUpWhereThatCannotMislead(@ForAll("cases") Case c) {
        BigDecimal oneDecimal = c.percent().setScale(1, RoundingMode.HALF_UP);
        if (Integer.signum(oneDecimal.compareTo(c.threshold())) == Integer.signum(c.percent().compareTo(c.threshold()))) {
            assertThat(new BigDecimal(Percentages.against(c.percent(), c.threshold()))).isEqualByComparingTo(oneDecimal);
        }
    }

    @Property(tries = 5000)
    void neverMoreDecimalsThanNeeded(@ForAll("cases") Case c) {
        String shown = Percentages.against(c.percent(), c.threshold());
        if (!shown.startsWith("just")) {
            assertThat(new BigDecimal(shown).scale()).isLessThanOrEqualTo(Percentages.MAX_DECIMALS);
            assertThat(new BigDecimal(shown).subtract(c.percent()).abs()).isLessThanOrEqualTo(new BigDecimal("0.05"));
        }
    }

    @Example
    void officialExampleRounding() {
        assertThat(Percentages.against(new BigDecimal("47.3684210526"), new BigDecimal("60"))).isEqualTo("47.4");
        assertThat(Percentages.against(new BigDecimal("43.75"), new BigDecimal("70"))).isEqualTo("43.8");
    }

    @Example
    void aFailingFigureNeverReadsAsMeetingItsThreshold() {
        assertThat(Percentages.against(new BigDecimal("59.96"), new BigDecimal("60"))).isEqualTo("59.96");
        assertThat(Percentages.against(new BigDecimal("59.9999999999"), new BigDecimal("60"))).isEqualTo("just under 60");
        assertThat(Percentages.against(new BigDecimal("60"), new BigDecimal("60"))).isEqualTo("60");
        assertThat(Percentages.against(new BigDecimal("60.04"), new BigDecimal("60"))).isEqualTo("60.04");
    }
}
