package org.origincheck.domain.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.evaluation.Assessments;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.OriginCriterion;
import org.origincheck.domain.evaluation.RvcEntry;
import org.origincheck.domain.rules.RvcMethod;

/** Issue 13: an Art. 4.2(d) result for a Table B-F part was approved automatically on its margin over 50%. */
class ReviewPolicyTest {

    private final ReviewPolicy policy = new ReviewPolicy(new BigDecimal("5"));

    private static RvcEntry netCost(String requirement, String value, String threshold) {
        return new RvcEntry(requirement, null, RvcMethod.NET_COST, new BigDecimal(value), new BigDecimal(threshold), true,
                new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, "SOR/2020-155 s.3(4)");
    }

    @Test
    void partsRuleForAListedAutomotivePartIsAlwaysReviewedWhateverItsMargin() {
        ReviewPolicy.Decision decision = policy.decide(DeterminationStatus.ORIGINATING, OriginCriterion.D,
                List.of(netCost(Assessments.PARTS_RULE_LISTED_PART, "90", "50")), Set.of(), false);
        assertThat(decision.action()).isEqualTo(ReviewAction.REVIEW_REQUIRED);
        assertThat(decision.reason()).contains("50% NC").contains("part threshold");
    }

    @Test
    void partsRuleForAnyOtherGoodStillApprovedOnAWideMargin() {
        ReviewPolicy.Decision decision = policy.decide(DeterminationStatus.ORIGINATING, OriginCriterion.D,
                List.of(netCost("PARTS_RULE_4_2_D", "90", "50")), Set.of(), false);
        assertThat(decision.action()).isEqualTo(ReviewAction.AUTO_APPROVED);
    }

    /** A set originating under SOR s.6 names no criterion of Art. 4.2: it was approved as if a tariff shift had carried it. */
    @Test
    void aSetOriginatingUnderSection6IsAlwaysReviewed() {
        ReviewPolicy.Decision decision = policy.decide(DeterminationStatus.ORIGINATING, null, List.of(), Set.of(), false);
        assertThat(decision.action()).isEqualTo(ReviewAction.REVIEW_REQUIRED);
        assertThat(decision.reason()).contains("s.6");
    }
}
