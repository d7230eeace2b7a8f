package org.origincheck.domain.dated;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A percentage the law sets, possibly staged by date ("66%, beginning on July 1, 2020 and ending on June
 * 30, 2021; ..."). A schedule with one entry from the entry-into-force date is a plain threshold.
 */
public record Threshold(List<DatedValue> schedule) {

    public Threshold {
        schedule = schedule.stream().sorted(Comparator.comparing(DatedValue::from)).toList();
    }

    public static Threshold constant(LocalDate from, BigDecimal value) {
        return new Threshold(List.of(new DatedValue(from, null, value)));
    }

    public Optional<BigDecimal> on(LocalDate date) {
        DatedValue found = null;
        for (DatedValue entry : schedule) {
            if (entry.inForceOn(date)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found).map(DatedValue::value);
    }
}
