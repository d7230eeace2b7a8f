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
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
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
 * Writes determinations as evidence: the submission as received beside the response as returned, its review (decided by
 * {@link ReviewOpening}), the supplier parts it used and its idempotency key, for one determination or many, in ONE
 * statement ({@link EvidenceRows}), so nothing is half-written and there is one way of writing evidence. A request whose
 * key was already used is answered with the first determination (a replay). {@link DeterminationStored} (one) or
 * {@link DeterminationsStored} (several) is fired once the rows are committed.
 *
 * <p>The statement runs on a connection of the pool in auto-commit, as its own transaction, not in a JTA transaction:
 * one round trip for a lone determination instead of four (docs/benchmarks.md, branch i19t). Called inside a JTA
 * transaction it would join it instead (the pool enlists the connection), and the events' after-commit observers would
 * wait for that commit.
 */
@ApplicationScoped
class DeterminationWriter {

    private final EvidenceFormat format;
    private final Event<DeterminationStored> stored;
    private final Event<DeterminationsStored> storedTogether;
    private final ReviewOpening reviews;
    private final DataSource dataSource;
    private final Clock clock = Clock.systemUTC();

    DeterminationWriter(EvidenceFormat format, Event<DeterminationStored> stored, Event<DeterminationsStored> storedTogether,
                        ReviewOpening reviews, DataSource dataSource) {
        this.format = format;
        this.stored = stored;
        this.storedTogether = storedTogether;
        this.reviews = reviews;
        this.dataSource = dataSource;
    }

    /**
     * A determination evaluated and written as its response, with the review it opens, not yet stored. It keeps the rows to
     * write and nothing of the evaluation itself: a batch holds a part of these until its statement, and the evaluations'
     * objects kept with them were copied by every young collection meanwhile (docs/benchmarks.md, branch i20a).
     */
    record Prepared(DeterminationRecord record, ReviewOpening.Opened review, List<SupplierDeclarations.Use> supplierParts,
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
        return new Prepared(record, reviews.open(record, evaluation), supplierParts(bom.materials()), idempotencyKey, requestSha256);
    }

    /** Stores one determination on its own; a concurrent twin with the same key answers with the winner's result. */
    Stored storeAlone(Prepared prepared) {
        String tenant = prepared.record().tenantId;
        String idempotencyKey = prepared.idempotencyKey();
        try {
            write(List.of(prepared));
        } catch (RuntimeException e) {
            // A concurrent request with the same key committed first: answer with its determination.
            IdempotencyRecord winner = idempotencyKey == null || DatabaseUnreachable.test(e) ? null
                    : QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.find(tenant, idempotencyKey));
            if (winner != null) {
                return replay(winner, prepared.requestSha256(), tenant);
            }
            throw e;
        }
        return prepared.stored();
    }

    /**
     * Stores many determinations (of any tenants: each row carries its own) as one: all of them, or, if the statement
     * fails, none of them. The caller decides what to try again.
     */
    void storeTogether(List<Prepared> chunk) {
        write(chunk);
    }

    private void write(List<Prepared> rows) {
        try (Connection connection = dataSource.getConnection()) {
            EvidenceRows.insert(connection, rows);
        } catch (SQLException e) {
            throw new NotStored(e);
        }
        // Committed (the statement was its own transaction): the observers count it (metrics); none writes anything.
        if (rows.size() == 1) {
            stored.fire(new DeterminationStored(rows.get(0).record()));
        } else {
            List<DeterminationStored> each = new ArrayList<>(rows.size());
            for (Prepared p : rows) {
                each.add(new DeterminationStored(p.record()));
            }
            storedTogether.fire(new DeterminationsStored(each));
        }
    }

    /** The statement storing determinations failed; nothing of them was stored. The cause is the driver's. */
    static final class NotStored extends RuntimeException {
        NotStored(SQLException cause) {
            super("storing determinations failed; nothing of them was stored (SQLState " + cause.getSQLState() + ")", cause);
        }
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
