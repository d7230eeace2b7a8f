package org.origincheck.domain.supplier;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of supplier declarations, as the determination path sees it (a port: the determination code depends on
 * this, not on the supplier package, so that revoking a declaration can re-determine without a package cycle).
 */
public interface SupplierDeclarations {

    /** A supplier x part a determination named, and the declaration that decided its origin (null if none did). */
    record Use(String supplierId, String partNumber, String declarationId) {
    }

    /** The declaration of this supplier covering this part, valid on the date (the most recently recorded if several). */
    Optional<SupplierDeclaration> validFor(String tenant, String supplierId, String partNumber, LocalDate date);

    /** Records which supplier x parts a determination named; called inside the transaction that stores it. */
    void recordUses(UUID determinationId, String tenant, List<Use> uses);

    /** The same for several determinations stored in one transaction (a batch's chunk): a store may write them together. */
    default void recordUses(String tenant, java.util.Map<UUID, List<Use>> usesByDetermination) {
        usesByDetermination.forEach((determination, uses) -> recordUses(determination, tenant, uses));
    }
}
