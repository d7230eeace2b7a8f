package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Percentages as a compliance officer reads them: rounded to one decimal, half up, as the worked examples of
 * SOR/2020-155 print them (47.4%). Only for display: every comparison with a threshold uses the exact value.
 */
public final class Percentages {

    private Percentages() {
    }

    /** Beyond this many decimals a figure that still rounds onto its threshold is said to be "just under" or "just over" it. */
    static final int MAX_DECIMALS = 6;

    public static String display(BigDecimal percent) {
        return display(percent, 1);
    }

    /**
     * {@code percent} as shown beside the {@code threshold} it was compared with: one decimal, unless that rounding would put it on
     * the other side of the threshold or onto it (59.96 shown as 60 beside 60% would read as meeting it). Then as many more
     * decimals as it takes, up to {@value #MAX_DECIMALS}; past those, "just under 60" or "just over 60". The shown figure always
     * compares with the threshold exactly as the exact figure does.
     */
    public static String against(BigDecimal percent, BigDecimal threshold) {
        int exact = Integer.signum(percent.compareTo(threshold));
        for (int decimals = 1; decimals <= MAX_DECIMALS; decimals++) {
            BigDecimal shown = percent.setScale(decimals, RoundingMode.HALF_UP);
            if (Integer.signum(shown.compareTo(threshold)) == exact) {
                return display(percent, decimals);
            }
        }
        return (exact < 0 ? "just under " : "just over ") + plain(threshold);
    }

    private static String display(BigDecimal percent, int decimals) {
        return plain(percent.setScale(decimals, RoundingMode.HALF_UP));
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
