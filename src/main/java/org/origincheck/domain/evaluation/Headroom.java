package org.origincheck.domain.evaluation;

import java.math.BigDecimal;

/**
 * For a good that originates under a regional value content: how much more non-originating value it can take, at the same
 * transaction value and net cost, before the RVC fails ({@code value}), by the method that leaves the most room. It assumes
 * the added non-originating materials meet the tariff shift the alternative may also require. {@code value} is null when
 * the headroom is not available, and {@code explanation} says why.
 */
public record Headroom(String requirement, String alternative, PathToQualify.Method method, BigDecimal value, BigDecimal threshold,
                       String explanation, String citation) {
}
