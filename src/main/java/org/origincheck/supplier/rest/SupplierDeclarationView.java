package org.origincheck.supplier.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.supplier.SupplierDeclaration;

/** A declaration as stored, with its status computed on the day it is read (UTC). */
@Schema(name = "SupplierDeclaration")
public record SupplierDeclarationView(String id, SupplierDeclaration.Supplier supplier, List<SupplierDeclaration.Item> items,
                                      LocalDate validFrom, LocalDate validTo, SupplierDeclaration.Certifier certifier, LocalDate issuedAt,
                                      @Schema(description = "ACTIVE (not revoked, period not over: valid on the days of its period), EXPIRED "
                                              + "(period over) or REVOKED (not evidence for any date), computed on the day of the request (UTC)")
                                      SupplierDeclaration.Status status,
                                      Instant recordedAt, String recordedBy, SupplierDeclaration.Revocation revocation) {

    public static SupplierDeclarationView of(SupplierDeclaration d, LocalDate today) {
        return new SupplierDeclarationView(d.id(), d.supplier(), d.items(), d.validFrom(), d.validTo(), d.certifier(), d.issuedAt(),
                d.statusOn(today), d.recordedAt(), d.recordedBy(), d.revocation());
    }
}
