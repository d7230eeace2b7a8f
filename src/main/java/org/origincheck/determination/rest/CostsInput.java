package org.origincheck.determination.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Costs", description = "Net cost = totalCost - excludedCosts (SOR/2020-155 s.1, s.7(11))")
public record CostsInput(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0") @DecimalMax(ApiPatterns.MAX_MONEY)
        @Digits(integer = 15, fraction = 6) BigDecimal totalCost,
        @DecimalMin("0") @DecimalMax(ApiPatterns.MAX_MONEY) @Digits(integer = 15, fraction = 6) BigDecimal excludedCosts) {
}
