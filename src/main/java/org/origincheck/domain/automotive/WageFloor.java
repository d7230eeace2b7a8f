package org.origincheck.domain.automotive;

import java.math.BigDecimal;

/** The average base hourly wage rate a plant must pay to qualify, in the currency of its country (SOR/2020-155 s.12). */
public record WageFloor(String country, String currency, BigDecimal amount, String citation) {
}
