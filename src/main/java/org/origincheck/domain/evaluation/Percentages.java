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

    public static String display(BigDecimal percent) {
        BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
        return (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
    }
}
