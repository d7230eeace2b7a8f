package org.origincheck.determination;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.origincheck.determination.DeterminationService.Received;
import org.origincheck.determination.DeterminationService.Stored;
import org.origincheck.determination.DeterminationWriter.Prepared;
import org.origincheck.domain.bom.BillOfMaterials;

/**
 * Determines and stores the lines of a batch ({@code POST /api/v1/determination-batches}): each line as if it had been
 * posted alone, the rows written together.
 */
@ApplicationScoped
public class DeterminationBatches {

    private final DeterminationService service;
    private final DeterminationWriter writer;

    DeterminationBatches(DeterminationService service, DeterminationWriter writer) {
        this.service = service;
        this.writer = writer;
    }

    /** Most determinations stored in one transaction of a batch: few commits, and a failed one repeats little work. */
    public static final int BATCH_TRANSACTION_SIZE = 100;

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
     * One batch while its lines go through {@link #createAll} a part at a time: what it must remember from one part to the
     * next so that each line is answered as if the whole batch were one part. A key belongs to the first line that
     * carries it; a key that was already used before the batch reached it is answered from the database for every line.
     */
    public static final class Batch {

        private final String tenant;
        private final String subject;
        private final Map<String, IdempotencyRecord> usedBefore = new HashMap<>();
        private final Map<UUID, DeterminationRecord> usedBy = new HashMap<>();
        private final Map<String, FirstWithKey> firstWithKey = new HashMap<>();

        private Batch(String tenant, String subject) {
            this.tenant = tenant;
            this.subject = subject;
        }
    }

    /** The first line of a batch with a key not used before: its request's hash, and (once known) its outcome. */
    private static final class FirstWithKey {
        final String requestSha256;
        LineOutcome outcome;

        FirstWithKey(String requestSha256) {
            this.requestSha256 = requestSha256;
        }
    }

    public Batch begin(String tenant, String subject) {
        return new Batch(tenant, subject);
    }

    /**
     * Determines and stores the next lines of a batch (at most {@link #BATCH_TRANSACTION_SIZE} at a time keeps what a
     * batch holds in memory to one part); the outcomes are in the order of the lines. Each line is as if it had been
     * posted alone (same evaluation, review, metrics, idempotency), but the rows are written together,
     * {@link #BATCH_TRANSACTION_SIZE} determinations per transaction, so that a batch costs few commits and few round
     * trips. If such a transaction fails (a concurrent request took a key, the database refused a row), its lines are
     * stored again one by one, so one bad line never takes the others with it. Within a batch, a key belongs to the
     * first line that carries it: a later line with the same key and the same submission is answered with that line's
     * outcome, with another submission it is refused, as a retry would be.
     *
     * <p>{@code lines} is consumed: each element is set to null once its line is evaluated, so that a part holds its BOMs
     * only until they are evaluated and then only the rows to store (issue 19: what four batches keep alive is copied by
     * every young collection).
     */
    public List<LineOutcome> createAll(Batch batch, List<BatchLine> lines) {
        String tenant = batch.tenant;
        LineOutcome[] outcomes = new LineOutcome[lines.size()];
        String[] lineKeys = new String[lines.size()];
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String key = lines.get(i).idempotencyKey();
            lineKeys[i] = key;
            if (key != null && !batch.usedBefore.containsKey(key) && !batch.firstWithKey.containsKey(key)) {
                keys.add(key);
            }
        }
        Map<String, IdempotencyRecord> used = keys.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.findAll(tenant, keys));
        if (!used.isEmpty()) {
            batch.usedBefore.putAll(used);
            batch.usedBy.putAll(QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findAllInTenant(
                    used.values().stream().map(k -> k.determinationId).toList(), tenant)));
        }
        // Hashed only with a key: the hash is what a retry is compared with (2-4% of a determination's CPU otherwise).
        String[] hashes = new String[lines.size()];
        List<Integer> repeats = new ArrayList<>();
        List<Integer> firsts = new ArrayList<>();
        List<Integer> pendingIndexes = new ArrayList<>();
        List<Prepared> pending = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BatchLine line = lines.set(i, null);
            String key = line.idempotencyKey();
            hashes[i] = key == null ? null : line.received().sha256();
            if (key != null && batch.usedBefore.containsKey(key)) {
                IdempotencyRecord existing = batch.usedBefore.get(key);
                outcomes[i] = existing.requestSha256.equals(hashes[i]) ? replayOf(batch.usedBy.get(existing.determinationId)) : keyReused(key);
                continue;
            }
            if (key != null) {
                if (batch.firstWithKey.containsKey(key)) {
                    repeats.add(i);
                    continue;
                }
                batch.firstWithKey.put(key, new FirstWithKey(hashes[i]));
                firsts.add(i);
            }
            try {
                pending.add(service.prepare(line.received(), line.bom(), line.rulePack(), tenant, batch.subject, key, hashes[i]));
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
                writer.storeTogether(chunk);
                for (int j = from; j < to; j++) {
                    outcomes[pendingIndexes.get(j)] = new Created(pending.get(j).stored());
                }
            } catch (RuntimeException together) {
                retry(pending, pendingIndexes, from, to, tenant, outcomes);
            }
        }
        for (int i : firsts) {
            batch.firstWithKey.get(lineKeys[i]).outcome = outcomes[i];
        }
        for (int i : repeats) {
            String key = lineKeys[i];
            FirstWithKey first = batch.firstWithKey.get(key);
            if (!hashes[i].equals(first.requestSha256)) {
                outcomes[i] = keyReused(key);
            } else if (first.outcome instanceof Created created) {
                Stored s = created.stored();
                outcomes[i] = new Created(new Stored(s.id(), s.json(), s.status(), true));
            } else {
                outcomes[i] = first.outcome;
            }
        }
        return List.of(outcomes);
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
                writer.storeTogether(again);
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
            return new Created(writer.storeAlone(prepared));
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
        return new Refused(DeterminationWriter.keyReusedRefusal(key, "idempotencyKey"));
    }

}
