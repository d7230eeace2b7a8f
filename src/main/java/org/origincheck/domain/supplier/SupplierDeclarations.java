package org.origincheck.domain.supplier;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The store of supplier declarations, as the determination path sees it (a port: the determination code depends on
 * this, not on the supplier package, so that revoking a declaration can re-determine without a package cycle).
 */
public interface SupplierDeclarations {

    /**
     * A supplier x part a determination named, and the declaration that decided its origin (null if none did): stored with
     * the determination (determination_supplier_part) for the gaps report and revocations.
     */
    record Use(String supplierId, String partNumber, String declarationId) {
    }

    /** The declaration of this supplier covering this part, valid on the date (the most recently recorded if several). */
    Optional<SupplierDeclaration> validFor(String tenant, String supplierId, String partNumber, LocalDate date);
}
