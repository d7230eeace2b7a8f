package org.origincheck.domain.bom;

import java.math.BigDecimal;

/** Total cost and the excluded costs in it (SOR/2020-155 s.1 "total cost", "excluded costs"; s.7(11)). */
public record Costs(BigDecimal totalCost, BigDecimal excludedCosts) {

    public BigDecimal netCost() {
        return totalCost.subtract(excludedCosts == null ? BigDecimal.ZERO : excludedCosts);
    }
}
