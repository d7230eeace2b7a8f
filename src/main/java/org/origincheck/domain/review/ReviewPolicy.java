package org.origincheck.domain.review;

import java.math.BigDecimal;
import java.util.List;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.OriginCriterion;
import org.origincheck.domain.evaluation.RvcEntry;

import static org.origincheck.domain.evaluation.Assessments.PARTS_RULE_LISTED_PART;

/**
 * Which determinations an officer must look at before they can be relied on: every one that is not
 * originating or lacks data, and every originating one whose deciding margin is thin, i.e. where some RVC
 * that was met cleared its threshold by less than {@code marginPoints} percentage points (a small change in
 * a cost or a supplier's status would turn it). The rest are approved automatically, and recorded as such.
 */
public record ReviewPolicy(BigDecimal marginPoints) {

    public record Decision(ReviewAction action, String reason) {
    }

    /**
     * Under criteria A and C no RVC decides; under B or D the widest margin of the RVCs met is the one that
     * carried the good (any one alternative suffices), so it is the one compared with {@code marginPoints}.
     */
    public Decision decide(DeterminationStatus status, OriginCriterion criterion, List<RvcEntry> rvc) {
        return decide(status, criterion, rvc, null, false);
    }

    /**
     * {@code metAlternatives}: the labels of the rule's alternatives that were met (null: every entry counts); only their
     * RVCs (or Art. 4.2(d)'s under criterion D) carried the good. {@code vehicleRequirements}: a passenger vehicle or
     * truck, whose core parts, steel and LVC rest on the producer's figures: always reviewed.
     */
    public Decision decide(DeterminationStatus status, OriginCriterion criterion, List<RvcEntry> rvc, java.util.Set<String> metAlternatives,
                           boolean vehicleRequirements) {
        return decide(status, criterion, rvc, metAlternatives, vehicleRequirements, false);
    }

    /**
     * {@code provisional}: the answer rests on a rule whose text is not verified against the official text; whatever the
     * status and however wide the margin, an officer must confirm that the official text says the same.
     */
    public Decision decide(DeterminationStatus status, OriginCriterion criterion, List<RvcEntry> rvc, java.util.Set<String> metAlternatives,
                           boolean vehicleRequirements, boolean provisional) {
        if (provisional) {
            return new Decision(ReviewAction.REVIEW_REQUIRED, "the engine found the good " + status + " under a product-specific rule applied "
                    + "provisionally, its text not verified against the official text: every provisional result is reviewed");
        }
        if (status != DeterminationStatus.ORIGINATING) {
            return new Decision(ReviewAction.REVIEW_REQUIRED, "the engine found the good " + status + ": every such result is reviewed");
        }
        if (criterion == null) {
            return new Decision(ReviewAction.REVIEW_REQUIRED, "originating without a criterion of USMCA Art. 4.2(a)-(d): a set under "
                    + "SOR/2020-155 s.6 (Art. 4.17), or a Schedule 2 good imported from a CUSMA country under s.3(7); an officer decides "
                    + "what the certification states, so every such result is reviewed");
        }
        if (vehicleRequirements) {
            return new Decision(ReviewAction.REVIEW_REQUIRED, "a passenger vehicle, light truck or heavy truck: its core parts, steel and aluminum and LVC "
                    + "rest on the producer's figures, so every such result is reviewed");
        }
        if (criterion == OriginCriterion.D) {
            for (RvcEntry entry : rvc) {
                if (PARTS_RULE_LISTED_PART.equals(entry.requirement())) {
                    return new Decision(ReviewAction.REVIEW_REQUIRED, "originating under Art. 4.2(d) as an automotive part of Table B-F: whether its "
                            + "part threshold or Art. 4.2(d)'s own 50% NC / 60% TV applies is not settled (SOR/2020-155 s.3(4)(a)(iii), s.14(14)-(17), "
                            + "s.15(2)-(3), s.20), so every such result is reviewed");
                }
            }
        }
        if (metAlternatives != null) {
            rvc = rvc.stream().filter(e -> criterion == OriginCriterion.D ? e.requirement().startsWith("PARTS_RULE_4_2_D")
                    : "PRODUCT_RULE".equals(e.requirement()) && metAlternatives.contains(e.alternative())).toList();
        }
        if (criterion == OriginCriterion.A || criterion == OriginCriterion.C) {
            return new Decision(ReviewAction.AUTO_APPROVED, "originating under criterion " + criterion + ", which no value threshold decides");
        }
        RvcEntry best = null;
        for (RvcEntry entry : rvc) {
            if (entry.met() && (best == null || margin(entry).compareTo(margin(best)) > 0)) {
                best = entry;
            }
        }
        if (best != null && margin(best).compareTo(marginPoints) < 0) {
            return new Decision(ReviewAction.REVIEW_REQUIRED, "originating, but its regional value content (" + best.method() + ", "
                    + best.value().stripTrailingZeros().toPlainString() + "%) clears the " + best.threshold().stripTrailingZeros().toPlainString()
                    + "% threshold by less than " + marginPoints.toPlainString() + " points");
        }
        return new Decision(ReviewAction.AUTO_APPROVED, best == null ? "originating by a change in tariff classification alone"
                : "originating, its regional value content clearing the threshold by at least " + marginPoints.toPlainString() + " points");
    }

    /**
     * An originating answer that holds whatever a missing fact is: the figures shown are those found with one value, and the
     * margin or the vehicle requirements of another value may differ, so an officer confirms it.
     */
    public Decision decideOverUnknownFacts(DeterminationStatus status, Decision otherwise) {
        if (status != DeterminationStatus.ORIGINATING) {
            return otherwise;
        }
        return new Decision(ReviewAction.REVIEW_REQUIRED, "originating whatever the facts the submission leaves out (each value was tried); "
                + "the figures shown are those of one value, so every such result is reviewed");
    }

    private static BigDecimal margin(RvcEntry entry) {
        return entry.value().subtract(entry.threshold());
    }
}
