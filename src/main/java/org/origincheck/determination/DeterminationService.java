package org.origincheck.determination;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.origincheck.determination.DeterminationRefused.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.OriginSource;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.supplier.SupplierDeclarations;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.RulePackRegistry;

/**
 * Determines the origin of a bill of materials (already mapped from the request) and stores it as evidence: the
 * submission as received beside the response as returned. Nothing is stored unless the whole evaluation
 * succeeded; the determination, its review (by the {@link DeterminationStored} event) and its idempotency key are
 * stored in one transaction.
 */
@ApplicationScoped
public class DeterminationService {

    public static final String DEFAULT_PACK = "usmca";

    private final RulePackRegistry packs;
    private final OriginEngine engine;
    private final EvidenceFormat format;
    private final Event<DeterminationStored> stored;
    private final SupplierDeclarations declarations;
    private final Clock clock = Clock.systemUTC();

    public DeterminationService(RulePackRegistry packs, OriginEngine engine, EvidenceFormat format, Event<DeterminationStored> stored,
                                SupplierDeclarations declarations) {
        this.declarations = declarations;
        this.packs = packs;
        this.engine = engine;
        this.format = format;
        this.stored = stored;
    }

    /** The request as it arrived: its body, its media type and, for a CSV, the query string that describes the good. */
    public record Received(String body, String mediaType, String parameters) {

        String sha256() {
            return DeterminationService.sha256(mediaType + "\n" + (parameters == null ? "" : parameters) + "\n" + body);
        }
    }

    /** {@code replayed}: the determination of an earlier request with the same Idempotency-Key. */
    public record Stored(UUID id, String json, String status, boolean replayed) {
    }

    /** Evaluates without storing (what-if, re-determination). {@code rulePack}: the pack's id, or null for the default. */
    public Evaluation evaluate(BillOfMaterials bom, String rulePack) {
        return assess(bom, rulePack).evaluation();
    }

    /**
     * Evaluates without storing, with how each material's origin was decided: intermediate materials are evaluated first,
     * under their own rule, and the reasons about evidence go first ({@link MultiLevelEvaluation}).
     */
    @io.micrometer.core.annotation.Timed(value = "origincheck.evaluation", description = "Rule evaluation of one bill of materials (stored or not)")
    public MultiLevelEvaluation.Assessed assess(BillOfMaterials bom, String rulePack) {
        return MultiLevelEvaluation.evaluate(engine, bom, selectPack(rulePack, bom.asOf()));
    }

    /**
     * As {@link #assess}, with what the answer adds for the officer: the path to qualify of a good that does not originate, the
     * headroom of one that originates under an RVC. Not for re-determinations, which store only the status.
     */
    @io.micrometer.core.annotation.Timed(value = "origincheck.evaluation", description = "Rule evaluation of one bill of materials (stored or not)")
    public MultiLevelEvaluation.Assessed answer(BillOfMaterials bom, String rulePack) {
        RulePack pack = selectPack(rulePack, bom.asOf());
        return MultiLevelEvaluation.evaluate(engine, bom, pack).withPathToQualify(pack);
    }

    /**
     * Evaluates and stores; returns the response exactly as stored. With an Idempotency-Key, a retry with the
     * same key and the same request returns the determination the first request made (no second row), and the
     * same key with another request is refused. Two concurrent requests with one key cannot both store: the
     * key's primary key makes the second transaction fail, which then answers with the first one's result.
     */
    public Stored create(Received received, BillOfMaterials bom, String rulePack, String tenant, String subject, String idempotencyKey) {
        String requestSha256 = received.sha256();
        if (idempotencyKey != null) {
            IdempotencyRecord existing = IdempotencyRecord.find(tenant, idempotencyKey);
            if (existing != null) {
                return replay(existing, requestSha256, tenant);
            }
        }
        return storeAlone(prepare(received, bom, rulePack, tenant, subject, idempotencyKey, requestSha256));
    }

    /** A determination evaluated and written as its response, not yet stored. */
    private record Prepared(DeterminationRecord record, Evaluation evaluation, List<SupplierDeclarations.Use> supplierParts,
                            String idempotencyKey, String requestSha256) {

        Stored stored() {
            return new Stored(record.id, record.response, record.status, false);
        }
    }

    private Prepared prepare(Received received, BillOfMaterials bom, String rulePack, String tenant, String subject, String idempotencyKey,
                             String requestSha256) {
        MultiLevelEvaluation.Assessed assessed = answer(bom, rulePack);
        Evaluation evaluation = assessed.evaluation();
        DeterminationRecord record = DeterminationRecord.of(UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MICROS), bom,
                evaluation, received, tenant, subject);
        record.response = format.write(record.id, record.createdAt, assessed);
        return new Prepared(record, evaluation, supplierParts(bom.materials()), idempotencyKey, requestSha256);
    }

    /** Stores one determination in a transaction of its own; a concurrent twin with the same key answers with the winner's result. */
    private Stored storeAlone(Prepared prepared) {
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

    // ------------------------------------------------------------------ batches

    /** Most determinations stored in one transaction of a batch: few commits, and a failed one repeats little work. */
    static final int BATCH_TRANSACTION_SIZE = 100;

    /** One line of a batch, already mapped; {@code idempotencyKey} may be null. */
    public record BatchLine(Received received, BillOfMaterials bom, String rulePack, String idempotencyKey) {
    }

    /** What became of one line of a batch. */
    public sealed interface LineOutcome {
    }

    /** Stored now, or the determination an earlier request with the same key made ({@link Stored#replayed()}). */
    public record Created(Stored stored) implements LineOutcome {
    }

    /** Refused for a reason the caller can fix (no pack in force, a key reused with another submission). */
    public record Refused(DeterminationRefused refusal) implements LineOutcome {
    }

    /** An unexpected failure of this line alone; nothing of it was stored. */
    public record Failed(RuntimeException error) implements LineOutcome {
    }

    /**
     * Determines and stores the lines of a batch; the outcomes are in the order of the lines. Each line is as if it had
     * been posted alone (same evaluation, review, metrics, idempotency), but the rows are written together,
     * {@link #BATCH_TRANSACTION_SIZE} determinations per transaction, so that a batch costs few commits and few round
     * trips. If such a transaction fails (a concurrent request took a key, the database refused a row), its lines are
     * stored again one by one, so one bad line never takes the others with it. Within a batch, a key belongs to the
     * first line that carries it: a later line with the same key and the same submission is answered with that line's
     * outcome, with another submission it is refused, as a retry would be.
     */
    public List<LineOutcome> createAll(List<BatchLine> lines, String tenant, String subject) {
        LineOutcome[] outcomes = new LineOutcome[lines.size()];
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (BatchLine line : lines) {
            if (line.idempotencyKey() != null) {
                keys.add(line.idempotencyKey());
            }
        }
        Map<String, IdempotencyRecord> used = keys.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.findAll(tenant, keys));
        Map<UUID, DeterminationRecord> replayed = used.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findAllInTenant(
                used.values().stream().map(k -> k.determinationId).toList(), tenant));
        Map<String, Integer> firstWithKey = new java.util.HashMap<>();
        String[] hashes = new String[lines.size()];
        List<Integer> repeats = new ArrayList<>();
        List<Integer> pendingIndexes = new ArrayList<>();
        List<Prepared> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BatchLine line = lines.get(i);
            hashes[i] = line.received().sha256();
            String key = line.idempotencyKey();
            if (key != null && used.containsKey(key)) {
                IdempotencyRecord existing = used.get(key);
                outcomes[i] = existing.requestSha256.equals(hashes[i]) ? replayOf(replayed.get(existing.determinationId)) : keyReused(key);
                continue;
            }
            if (key != null && firstWithKey.putIfAbsent(key, i) != null) {
                repeats.add(i);
                continue;
            }
            try {
                pending.add(prepare(line.received(), line.bom(), line.rulePack(), tenant, subject, key, hashes[i]));
                pendingIndexes.add(i);
            } catch (DeterminationRefused e) {
                outcomes[i] = new Refused(e);
            } catch (RuntimeException e) {
                outcomes[i] = new Failed(e);
            }
        }
        for (int from = 0; from < pending.size(); from += BATCH_TRANSACTION_SIZE) {
            int to = Math.min(pending.size(), from + BATCH_TRANSACTION_SIZE);
            List<Prepared> chunk = pending.subList(from, to);
            try {
                QuarkusTransaction.requiringNew().run(() -> storeTogether(chunk, tenant));
                for (int j = from; j < to; j++) {
                    outcomes[pendingIndexes.get(j)] = new Created(pending.get(j).stored());
                }
            } catch (RuntimeException together) {
                retry(pending, pendingIndexes, from, to, tenant, outcomes);
            }
        }
        for (int i : repeats) {
            int first = firstWithKey.get(lines.get(i).idempotencyKey());
            LineOutcome earlier = outcomes[first];
            if (!hashes[i].equals(hashes[first])) {
                outcomes[i] = keyReused(lines.get(i).idempotencyKey());
            } else if (earlier instanceof Created created) {
                Stored s = created.stored();
                outcomes[i] = new Created(new Stored(s.id(), s.json(), s.status(), true));
            } else {
                outcomes[i] = earlier;
            }
        }
        return List.of(outcomes);
    }

    /**
     * One transaction for many determinations: each kind of row is written in its own run of inserts (the JDBC driver
     * sends each run as batched statements), the determinations first because every other row refers to one.
     */
    private void storeTogether(List<Prepared> chunk, String tenant) {
        for (Prepared p : chunk) {
            p.record().persist();
        }
        DeterminationRecord.flush();
        for (Prepared p : chunk) {
            stored.fire(new DeterminationStored(p.record(), p.evaluation()));
        }
        for (Prepared p : chunk) {
            if (p.idempotencyKey() != null) {
                IdempotencyRecord.add(tenant, p.idempotencyKey(), p.requestSha256(), p.record().id, p.record().createdAt);
            }
        }
        DeterminationRecord.flush();
        for (Prepared p : chunk) {
            if (!p.supplierParts().isEmpty()) {
                declarations.recordUses(p.record().id, tenant, p.supplierParts());
            }
        }
    }

    /**
     * A transaction of a batch failed. Most often a concurrent request took one of its keys: those lines are answered as
     * retries (in one query), the rest stored together once more, and only if that fails too one by one.
     */
    private void retry(List<Prepared> pending, List<Integer> pendingIndexes, int from, int to, String tenant, LineOutcome[] outcomes) {
        List<String> keys = new ArrayList<>();
        for (int j = from; j < to; j++) {
            if (pending.get(j).idempotencyKey() != null) {
                keys.add(pending.get(j).idempotencyKey());
            }
        }
        Map<String, IdempotencyRecord> taken = keys.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.findAll(tenant, keys));
        Map<UUID, DeterminationRecord> takenBy = taken.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findAllInTenant(
                taken.values().stream().map(k -> k.determinationId).toList(), tenant));
        List<Integer> rest = new ArrayList<>();
        for (int j = from; j < to; j++) {
            Prepared p = pending.get(j);
            IdempotencyRecord winner = p.idempotencyKey() == null ? null : taken.get(p.idempotencyKey());
            if (winner == null) {
                rest.add(j);
            } else {
                outcomes[pendingIndexes.get(j)] = winner.requestSha256.equals(p.requestSha256()) ? replayOf(takenBy.get(winner.determinationId))
                        : keyReused(p.idempotencyKey());
            }
        }
        if (rest.isEmpty()) {
            return;
        }
        if (rest.size() < to - from) { // keys were taken: the others may well store together now
            List<Prepared> again = rest.stream().map(pending::get).toList();
            try {
                QuarkusTransaction.requiringNew().run(() -> storeTogether(again, tenant));
                for (int j : rest) {
                    outcomes[pendingIndexes.get(j)] = new Created(pending.get(j).stored());
                }
                return;
            } catch (RuntimeException stillFailing) {
                // one by one below
            }
        }
        for (int j : rest) {
            outcomes[pendingIndexes.get(j)] = storeAloneOutcome(pending.get(j));
        }
    }

    private LineOutcome storeAloneOutcome(Prepared prepared) {
        try {
            return new Created(storeAlone(prepared));
        } catch (DeterminationRefused e) {
            return new Refused(e);
        } catch (RuntimeException e) {
            return new Failed(e);
        }
    }

    private static LineOutcome replayOf(DeterminationRecord original) {
        return new Created(new Stored(original.id, original.response, original.status, true));
    }

    private static LineOutcome keyReused(String key) {
        return new Refused(keyReusedRefusal(key, "idempotencyKey"));
    }

    private static DeterminationRefused keyReusedRefusal(String key, String field) {
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

    private Stored replay(IdempotencyRecord key, String requestSha256, String tenant) {
        if (!key.requestSha256.equals(requestSha256)) {
            throw keyReusedRefusal(key.idempotencyKey, "Idempotency-Key");
        }
        DeterminationRecord original = QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findInTenant(key.determinationId, tenant));
        return new Stored(original.id, original.response, original.status, true);
    }

    /** The pack a submission is evaluated under: the one named, or the default, in force on {@code asOf}. */
    public RulePack selectPack(String requested, LocalDate asOf) {
        String id = requested == null ? DEFAULT_PACK : requested;
        if (!packs.knows(id)) {
            throw DeterminationRefused.of(Reason.UNKNOWN, "rulePack", "no rule pack '" + id + "' is loaded; see GET /api/v1/rule-packs");
        }
        return packs.inForce(id, asOf).orElseThrow(() -> DeterminationRefused.of(Reason.CANNOT_EVALUATE, "asOf",
                "no version of rule pack '" + id + "' is in force on " + asOf + " (USMCA entered into force on 2020-07-01)"));
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
