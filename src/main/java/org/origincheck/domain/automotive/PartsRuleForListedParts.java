package org.origincheck.domain.automotive;

/**
 * Which regional value content Art. 4.2(d) (SOR/2020-155 s.3(4)) requires of an automotive part listed in
 * Table B, C, D, E or F. s.14(14)-(17), s.15(2)-(3) and s.20 set the part thresholds "despite" the RVC
 * requirements or product-specific rules "in Schedule 1"; s.3(4) is not in Schedule 1, but s.3(4)(a)(iii)
 * requires the good to satisfy "all other applicable requirements of these Regulations". Neither reading is
 * settled, so the pack states which it takes, and every such determination is reviewed.
 */
public enum PartsRuleForListedParts {
    /** Art. 4.2(d) needs the part's own threshold where it is higher than 50% NC / 60% TV: the conservative default. */
    PART_THRESHOLD,
    /** Art. 4.2(d) needs only its own 50% NC / 60% TV (s.3(4)(a)(ii)); the part thresholds govern Schedule 1 alone. */
    ARTICLE_4_2_D
}
