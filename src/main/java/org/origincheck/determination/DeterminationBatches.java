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
        Set<String> keys = new HashSet<>();
        for (BatchLine line : lines) {
            if (line.idempotencyKey() != null) {
                keys.add(line.idempotencyKey());
            }
        }
        Map<String, IdempotencyRecord> used = keys.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.findAll(tenant, keys));
        Map<UUID, DeterminationRecord> replayed = used.isEmpty() ? Map.of() : QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findAllInTenant(
                used.values().stream().map(k -> k.determinationId).toList(), tenant));
        Map<String, Integer> firstWithKey = new HashMap<>();
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
                pending.add(service.prepare(line.received(), line.bom(), line.rulePack(), tenant, subject, key, hashes[i]));
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
                QuarkusTransaction.requiringNew().run(() -> writer.storeTogether(chunk, tenant));
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
                QuarkusTransaction.requiringNew().run(() -> writer.storeTogether(again, tenant));
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
