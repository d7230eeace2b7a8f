package org.origincheck.domain.supplier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A supplier's declaration of the origin of the parts it supplies to the producer, for a period (a blanket
 * period of at most 12 months, as for a certification of origin: USMCA Art. 5.2, Annex 5-A element 8). It is
 * evidence: kept as received; a revocation is a separate event, never an edit.
 *
 * <p>A revoked declaration is evidence for no date at all, not only after the revocation: a supplier revokes
 * because what it declared was wrong (the duty to notify an incorrect certification), so the determinations
 * that relied on it must be looked at again whatever their as-of date.
 */
public record SupplierDeclaration(String id, Supplier supplier, List<Item> items, LocalDate validFrom, LocalDate validTo,
                                  Certifier certifier, LocalDate issuedAt, Instant recordedAt, String recordedBy,
                                  Revocation revocation) {

    public record Supplier(String id, String name, String country) {
    }

    /** One part the declaration covers. {@code nonOriginatingValue} is the supplier's statement for accumulation (Art. 4.11; SOR s.9). */
    public record Item(String partNumber, String hsCode, Origin origin, String originCriterion, BigDecimal nonOriginatingValue, String currency) {
    }

    public enum Origin { ORIGINATING, NON_ORIGINATING }

    public record Certifier(String name, String title, String email) {
    }

    public record Revocation(Instant revokedAt, String revokedBy, String reason) {
    }

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    /** The longest blanket period, in months. */
    public static final int MAX_PERIOD_MONTHS = 12;

    /** The last day a blanket period starting on {@code from} may cover: 12 months, both ends included. */
    public static LocalDate lastDayAllowed(LocalDate from) {
        return from.plusMonths(MAX_PERIOD_MONTHS).minusDays(1);
    }

    /**
     * REVOKED once revoked; otherwise EXPIRED after its period, else ACTIVE (which includes a period that has not
     * started yet: the declaration stands, it is simply not evidence for dates before {@code validFrom}).
     */
    public Status statusOn(LocalDate date) {
        if (revocation != null) {
            return Status.REVOKED;
        }
        return date.isAfter(validTo) ? Status.EXPIRED : Status.ACTIVE;
    }

    /** Evidence for a good made on {@code date}: not revoked and the date within its period. */
    public boolean validOn(LocalDate date) {
        return revocation == null && !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    public Optional<Item> item(String partNumber) {
        return items.stream().filter(i -> i.partNumber().equals(partNumber)).findFirst();
    }

    public SupplierDeclaration revoked(Revocation revocation) {
        return new SupplierDeclaration(id, supplier, items, validFrom, validTo, certifier, issuedAt, recordedAt, recordedBy, revocation);
    }
}
