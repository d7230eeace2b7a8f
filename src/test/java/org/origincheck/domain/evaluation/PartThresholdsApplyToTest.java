package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.automotive.PartSchedule;
import org.origincheck.domain.dated.Threshold;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.GoodCondition;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RvcRequirement;

/**
 * The automotive thresholds replace only a rule's RVC ("despite the RVC requirements set out in Schedule 1", SOR/2020-155
 * s.14-s.15): an alternative for a good described in words, or with a proviso, keeps them. Before, the replaced
 * alternative was built anew from its shift and the new RVC, and both were dropped, so a part could be found
 * originating without the condition its rule states.
 */
class PartThresholdsApplyToTest {

    private static final LocalDate START = LocalDate.of(2020, 7, 1);

    @Test
    void shouldKeepTheGoodsConditionsAndProvisosWhenTheScheduleReplacesTheThreshold() {
        GoodCondition described = new GoodCondition(new Question("8708.30:described", "mounted brake linings"), true);
        Proviso proviso = new Proviso.Declared(new Question("8708.30:provided-test", "the good resulting from such change is a test fixture"));
        RuleAlternative alternative = new RuleAlternative("A", null, new RvcRequirement(null, Threshold.constant(START, new BigDecimal("50"))),
                List.of(described), List.of(proviso));
        ProductRule rule = new ProductRule("TEST-8708.30", List.of(HsRange.parse("8708.30")), Set.of(), Set.of(), null, null,
                "test fixture, not law", "test", "test", "test", List.of(alternative), null, null, ParseStatus.HAND_ENCODED, null, "test.yaml", 1);
        PartSchedule schedule = new PartSchedule("TEST_SCHEDULE", "a test schedule", "test", Threshold.constant(START, new BigDecimal("66")), null, true);

        RuleAlternative applied = new PartThresholds(schedule, List.of(), "listed", null, null).applyTo(rule).alternatives().get(0);

        assertThat(applied.goodConditions()).containsExactly(described);
        assertThat(applied.provisos()).containsExactly(proviso);
        assertThat(applied.regionalValueContent().netCost()).isEqualTo(schedule.netCost());
    }
}
