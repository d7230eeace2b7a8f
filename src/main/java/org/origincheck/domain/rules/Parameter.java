package org.origincheck.domain.rules;

import org.origincheck.domain.dated.Threshold;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A dated legal parameter (OpenFisca style): every value keyed by the date it takes effect, with its reference. */
public record Parameter(String name, String description, String reference, Threshold values) {

    public BigDecimal on(LocalDate date) {
        return values.on(date).orElseThrow(() -> new IllegalStateException(
                "parameter " + name + " has no value in force on " + date));
    }
}
