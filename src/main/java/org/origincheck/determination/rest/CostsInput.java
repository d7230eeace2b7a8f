package org.origincheck.determination.rest;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Costs", description = "Net cost = totalCost - excludedCosts (SOR/2020-155 s.1, s.7(11))")
public record CostsInput(
        @Schema(minimum = "0", exclusiveMinimum = true, maximum = ApiPatterns.MAX_MONEY, multipleOf = 0.000001)
        @NotNull @Amount(minInclusive = false, minMessage = "must be greater than 0", max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal totalCost,
        @Schema(minimum = "0", maximum = ApiPatterns.MAX_MONEY, multipleOf = 0.000001)
        @Amount(max = ApiPatterns.MAX_MONEY, integer = 15, fraction = 6) BigDecimal excludedCosts) {
}
