package org.origincheck.determination;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.origincheck.determination.DeterminationRefused.Reason;
import org.origincheck.determination.DeterminationService.Received;
import org.origincheck.determination.DeterminationService.Stored;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.OriginSource;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.supplier.SupplierDeclarations;

/**
 * Writes determinations as evidence: the submission as received beside the response as returned, its review (by the
 * {@link DeterminationStored} event), the supplier parts it used and its idempotency key, all in one transaction, so
 * nothing is half-written. A request whose key was already used is answered with the first determination (a replay).
 */
@ApplicationScoped
class DeterminationWriter {

    private final EvidenceFormat format;
    private final Event<DeterminationStored> stored;
    private final Event<DeterminationsStored> storedTogether;
    private final SupplierDeclarations declarations;
    private final Clock clock = Clock.systemUTC();

    DeterminationWriter(EvidenceFormat format, Event<DeterminationStored> stored, Event<DeterminationsStored> storedTogether,
                        SupplierDeclarations declarations) {
        this.format = format;
        this.stored = stored;
        this.storedTogether = storedTogether;
        this.declarations = declarations;
    }

    /** A determination evaluated and written as its response, not yet stored. */
    record Prepared(DeterminationRecord record, Evaluation evaluation, List<SupplierDeclarations.Use> supplierParts,
                    String idempotencyKey, String requestSha256) {

        Stored stored() {
            return new Stored(record.id, record.response, record.status, false);
        }
    }

    Prepared prepare(Received received, BillOfMaterials bom, MultiLevelEvaluation.Assessed assessed, String tenant, String subject,
                     String idempotencyKey, String requestSha256) {
        Evaluation evaluation = assessed.evaluation();
        DeterminationRecord record = DeterminationRecord.of(UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MICROS), bom,
                evaluation, received, tenant, subject);
        record.response = format.write(record.id, record.createdAt, assessed);
        return new Prepared(record, evaluation, supplierParts(bom.materials()), idempotencyKey, requestSha256);
    }

    /** Stores one determination in a transaction of its own; a concurrent twin with the same key answers with the winner's result. */
    Stored storeAlone(Prepared prepared) {
        DeterminationRecord record = prepared.record();
        String tenant = record.tenantId;
        String idempotencyKey = prepared.idempotencyKey();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                record.persist();
                stored.fire(new DeterminationStored(record, prepared.evaluation()));
                if (!prepared.supplierParts().isEmpty()) {
                    record.flush(); // the determination row first: the supplier parts refer to it
                    declarations.recordUses(record.id, tenant, prepared.supplierParts());
                }
                if (idempotencyKey != null) {
                    IdempotencyRecord.keep(tenant, idempotencyKey, prepared.requestSha256(), record.id, record.createdAt);
                }
            });
        } catch (RuntimeException e) {
            // A concurrent request with the same key committed first: answer with its determination.
            IdempotencyRecord winner = idempotencyKey == null ? null
                    : QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.find(tenant, idempotencyKey));
            if (winner != null) {
                return replay(winner, prepared.requestSha256(), tenant);
            }
            throw e;
        }
        return prepared.stored();
    }

    /**
     * One transaction for many determinations: each kind of row is written in its own run of inserts (the JDBC driver
     * sends each run as batched statements), the determinations first because every other row refers to one.
     */
    void storeTogether(List<Prepared> chunk, String tenant) {
        for (Prepared p : chunk) {
            p.record().persist();
        }
        DeterminationRecord.flush();
        // One event for the chunk: its observers write each kind of row together (review events, then statuses), which the
        // driver sends as batched statements; an event per determination interleaved them, one statement per row.
        List<DeterminationStored> each = new ArrayList<>(chunk.size());
        for (Prepared p : chunk) {
            each.add(new DeterminationStored(p.record(), p.evaluation()));
        }
        storedTogether.fire(new DeterminationsStored(each));
        for (Prepared p : chunk) {
            if (p.idempotencyKey() != null) {
                IdempotencyRecord.add(tenant, p.idempotencyKey(), p.requestSha256(), p.record().id, p.record().createdAt);
            }
        }
        DeterminationRecord.flush();
        Map<UUID, List<SupplierDeclarations.Use>> uses = new LinkedHashMap<>();
        for (Prepared p : chunk) {
            if (!p.supplierParts().isEmpty()) {
                uses.put(p.record().id, p.supplierParts());
            }
        }
        declarations.recordUses(tenant, uses); // the chunk's supplier parts together: one statement, not one per row
    }

    Stored replay(IdempotencyRecord key, String requestSha256, String tenant) {
        if (!key.requestSha256.equals(requestSha256)) {
            throw keyReusedRefusal(key.idempotencyKey, "Idempotency-Key");
        }
        DeterminationRecord original = QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findInTenant(key.determinationId, tenant));
        return new Stored(original.id, original.response, original.status, true);
    }

    static DeterminationRefused keyReusedRefusal(String key, String field) {
        return new DeterminationRefused(Reason.IDEMPOTENCY_KEY_REUSED, field, "already used with a different body",
                "Idempotency-Key '" + key + "' was used with a different request body: send a new key for a new submission");
    }

    /**
     * Every supplier x part the determination named, at every level, for the gaps report: one row per pair, and the
     * declaration that decided it wins over a stated origin for the same pair.
     */
    private static List<SupplierDeclarations.Use> supplierParts(List<Material> materials) {
        Map<List<String>, SupplierDeclarations.Use> uses = new LinkedHashMap<>();
        collectSupplierParts(materials, uses);
        return new ArrayList<>(uses.values());
    }

    private static void collectSupplierParts(List<Material> materials, Map<List<String>, SupplierDeclarations.Use> uses) {
        for (Material m : materials) {
            if (m.intermediate() != null) {
                collectSupplierParts(m.intermediate().components(), uses);
            } else if (m.evidence() != null && m.evidence().supplierId() != null) {
                String declaration = m.evidence().source() == OriginSource.DECLARATION ? m.evidence().sourceId() : null;
                uses.merge(List.of(m.evidence().supplierId(), m.partNumber()), new SupplierDeclarations.Use(m.evidence().supplierId(), m.partNumber(), declaration),
                        (a, b) -> a.declarationId() != null ? a : b);
            }
        }
    }

}
