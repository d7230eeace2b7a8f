package org.origincheck.domain.automotive;

import org.origincheck.domain.dated.Threshold;

/**
 * Regional value content thresholds that the automotive provisions substitute for those of the
 * product-specific rule ("Despite the RVC requirements set out in Schedule 1 ..."). The transaction value
 * figure applies only where the rule itself includes a transaction value method (s.15(2)-(3); GN 11(k)).
 * {@code mandatory}: the part is originating only if it meets this RVC, so an alternative without an RVC
 * does not suffice and Art. 4.2(d) is not available (s.14(2), s.15(4)).
 */
public record PartSchedule(String id, String description, String citation, Threshold netCost, Threshold transactionValue,
                           boolean mandatory) {
}
