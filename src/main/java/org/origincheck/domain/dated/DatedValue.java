package org.origincheck.domain.dated;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A value in force from a date, and until a date when the law ends it (both inclusive). */
public record DatedValue(LocalDate from, LocalDate to, BigDecimal value) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
