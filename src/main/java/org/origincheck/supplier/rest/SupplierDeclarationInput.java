package org.origincheck.supplier.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.origincheck.domain.supplier.SupplierDeclaration;

/** A supplier's declaration as submitted (POST /api/v1/supplier-declarations); checked by {@link SupplierDeclarationMapper}. */
@Schema(name = "SupplierDeclarationSubmission")
public record SupplierDeclarationInput(
        @Schema(required = true) Supplier supplier,
        @Schema(required = true, description = "The parts the declaration covers, each at most once") List<Item> items,
        @Schema(required = true, description = "First day the declaration covers (ISO date, 1994-01-01 to 2100-12-31)") LocalDate validFrom,
        @Schema(required = true, description = "Last day it covers: a blanket period of at most 12 months (USMCA Annex 5-A, element 8), by 2100-12-31") LocalDate validTo,
        @Schema(required = true) Certifier certifier,
        @Schema(required = true, description = "Date the supplier signed it; from 1994-01-01, not after the day it is recorded") LocalDate issuedAt) {

    @Schema(name = "DeclarationSupplier")
    public record Supplier(@Schema(required = true, description = "The producer's id for the supplier; materials[].supplierId names it") String id,
                           @Schema(required = true) String name,
                           @Schema(required = true, description = "ISO 3166-1 alpha-2") String country) {
    }

    @Schema(name = "SupplierDeclarationItem")
    public record Item(@Schema(required = true) String partNumber,
                       @Schema(required = true, description = "6 to 10 digits, dots optional") String hsCode,
                       @Schema(required = true) SupplierDeclaration.Origin origin,
                       @Schema(description = "A, B, C or D (USMCA Art. 4.2), only for an ORIGINATING part") String originCriterion,
                       @Schema(description = "Accumulation (USMCA Art. 4.11; SOR/2020-155 s.9): for a NON_ORIGINATING part produced in the "
                               + "territory, the part of its value the supplier states is non-originating. Needs currency.") BigDecimal nonOriginatingValue,
                       @Schema(description = "ISO 4217 currency of nonOriginatingValue (the supplier's, SOR/2020-155 s.9(7)(c))") String currency) {
    }

    @Schema(name = "DeclarationCertifier")
    public record Certifier(@Schema(required = true) String name, String title, @Schema(required = true) String email) {
    }
}
