package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * RVC = (basis - VNM) / basis x 100, where basis is the transaction value (SOR/2020-155 s.7(2)) or the net
 * cost (s.7(3)). The law prescribes no rounding, so the comparison with the threshold is exact: value >=
 * threshold is decided as (basis - VNM) x 100 >= threshold x basis, with no division.
 */
public final class RegionalValueContent {

    static final int DISPLAY_SCALE = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RegionalValueContent() {
    }

    public static BigDecimal percentage(BigDecimal basis, BigDecimal vnm) {
        requirePositive(basis);
        return basis.subtract(vnm).multiply(HUNDRED).divide(basis, DISPLAY_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    public static boolean meets(BigDecimal basis, BigDecimal vnm, BigDecimal threshold) {
        requirePositive(basis);
        return basis.subtract(vnm).multiply(HUNDRED).compareTo(threshold.multiply(basis)) >= 0;
    }

    /** Percentage points missing to reach the threshold (zero when met). */
    public static BigDecimal pointsShort(BigDecimal basis, BigDecimal vnm, BigDecimal threshold) {
        if (meets(basis, vnm, threshold)) {
            return BigDecimal.ZERO;
        }
        return threshold.subtract(percentage(basis, vnm)).stripTrailingZeros();
    }

    /**
     * How much of the non-originating value would have to be replaced by originating value for the
     * threshold to be met: VNM - basis x (100 - threshold) / 100 (zero when met).
     */
    public static BigDecimal nonOriginatingValueOver(BigDecimal basis, BigDecimal vnm, BigDecimal threshold) {
        if (meets(basis, vnm, threshold)) {
            return BigDecimal.ZERO;
        }
        BigDecimal allowed = basis.multiply(HUNDRED.subtract(threshold)).divide(HUNDRED);
        return vnm.subtract(allowed).stripTrailingZeros();
    }

    /** Whether {@code part} is at most {@code percent} % of {@code whole}, exactly. */
    public static boolean atMostShareOf(BigDecimal part, BigDecimal percent, BigDecimal whole) {
        return part.multiply(HUNDRED).compareTo(percent.multiply(whole)) <= 0;
    }

    private static void requirePositive(BigDecimal basis) {
        if (basis.signum() <= 0) {
            throw new IllegalArgumentException("an RVC basis must be positive");
        }
    }
}
