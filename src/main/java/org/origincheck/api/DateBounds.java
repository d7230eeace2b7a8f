package org.origincheck.api;

import java.time.LocalDate;

/**
 * The dates the API accepts, in one place. An as-of date (a submission's, a scenario run's, a supplier declaration's
 * period, which is evidence for an as-of date) lies between USMCA's predecessor's first day and the end of the century
 * the service plans for; any other stored or queried date must be one PostgreSQL and ISO YYYY-MM-DD both hold, since
 * dates beyond that were answered with a 500 (GeneratedInputTest; security review 2026-12-05, findings 1 and 2).
 */
public final class DateBounds {

    public static final LocalDate EARLIEST_AS_OF = LocalDate.of(1994, 1, 1);
    public static final LocalDate LATEST_AS_OF = LocalDate.of(2100, 12, 31);
    public static final String OUTSIDE_AS_OF_RANGE = "must be a date between " + EARLIEST_AS_OF + " and " + LATEST_AS_OF;
    public static final String OUTSIDE_STORABLE_RANGE = "must be a date between 0001-01-01 and 9999-12-31";

    private DateBounds() {
    }

    /** Null (not given) is within: whether a date is required is the caller's check. */
    public static boolean withinAsOfRange(LocalDate date) {
        return date == null || !(date.isBefore(EARLIEST_AS_OF) || date.isAfter(LATEST_AS_OF));
    }

    /** Years 1 to 9999; null is within. */
    public static boolean storable(LocalDate date) {
        return date == null || (date.getYear() >= 1 && date.getYear() <= 9999);
    }
}
