package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import org.origincheck.domain.rules.RvcMethod;

/**
 * One regional value content computed by one method against one threshold. {@code value} is unrounded
 * (to 10 decimal places for display); {@code met} is decided on exact arithmetic. When not met,
 * {@code pointsShort} and {@code nonOriginatingValueOver} say what is missing: how many percentage points,
 * and how much non-originating value would have to become originating.
 */
public record RvcEntry(String requirement, String alternative, RvcMethod method, BigDecimal value, BigDecimal threshold,
                       boolean met, BigDecimal basis, BigDecimal valueOfNonOriginatingMaterials, BigDecimal pointsShort,
                       BigDecimal nonOriginatingValueOver, String citation) {
}
