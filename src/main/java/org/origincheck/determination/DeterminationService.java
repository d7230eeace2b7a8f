package org.origincheck.determination;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;
import org.origincheck.determination.DeterminationRefused.Reason;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.RulePackRegistry;

/**
 * Determines the origin of a bill of materials (already mapped from the request): selects the rule pack in force,
 * evaluates under it through the engine port, and hands the answer to the {@link DeterminationWriter} to be stored as
 * evidence. Nothing is stored unless the whole evaluation succeeded. Batches: {@link DeterminationBatches}.
 */
@ApplicationScoped
public class DeterminationService {

    public static final String DEFAULT_PACK = "usmca";

    private final RulePackRegistry packs;
    private final OriginEngine engine;
    private final DeterminationWriter writer;
    private final EvaluationCapacity capacity;
    private final DeterminationCommits commits;
    /** origincheck_evaluation_seconds, timed here rather than by {@code @Timed}, whose interceptor looked its timer up on every call. */
    private final EvaluationTimer timer;

    DeterminationService(RulePackRegistry packs, OriginEngine engine, DeterminationWriter writer, EvaluationCapacity capacity,
                         DeterminationCommits commits, EvaluationTimer timer) {
        this.timer = timer;
        this.packs = packs;
        this.engine = engine;
        this.writer = writer;
        this.capacity = capacity;
        this.commits = commits;
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
    public MultiLevelEvaluation.Assessed assess(BillOfMaterials bom, String rulePack) {
        return timer.time("assess", () -> {
            RulePack pack = selectPack(rulePack, bom.asOf());
            return capacity.evaluate(bom, () -> MultiLevelEvaluation.evaluate(engine, bom, pack));
        });
    }

    /**
     * As {@link #assess}, with what the answer adds for the officer: the path to qualify of a good that does not originate, the
     * headroom of one that originates under an RVC. Not for re-determinations, which store only the status.
     */
    public MultiLevelEvaluation.Assessed answer(BillOfMaterials bom, String rulePack) {
        return timer.time("answer", () -> {
            RulePack pack = selectPack(rulePack, bom.asOf());
            return capacity.evaluate(bom, () -> MultiLevelEvaluation.evaluate(engine, bom, pack).withPathToQualify(pack));
        });
    }

    /**
     * Evaluates and stores; returns the response exactly as stored. With an Idempotency-Key, a retry with the
     * same key and the same request returns the determination the first request made (no second row), and the
     * same key with another request is refused. Two concurrent requests with one key cannot both store: the
     * key's primary key makes the second transaction fail, which then answers with the first one's result. Stored with
     * the determinations of concurrent requests in one transaction ({@link DeterminationCommits}); answered after the commit.
     */
    public Stored create(Received received, BillOfMaterials bom, String rulePack, String tenant, String subject, String idempotencyKey) {
        // The request's hash is what a retry is compared with: without a key there is no retry to recognise, and hashing
        // the whole body was 2-4% of a determination's CPU (docs/benchmarks.md, issue 19).
        String requestSha256 = idempotencyKey == null ? null : received.sha256();
        if (idempotencyKey != null) {
            IdempotencyRecord existing = IdempotencyRecord.find(tenant, idempotencyKey);
            if (existing != null) {
                return writer.replay(existing, requestSha256, tenant);
            }
        }
        return commits.store(prepare(received, bom, rulePack, tenant, subject, idempotencyKey, requestSha256));
    }

    DeterminationWriter.Prepared prepare(Received received, BillOfMaterials bom, String rulePack, String tenant, String subject,
                                                 String idempotencyKey, String requestSha256) {
        return writer.prepare(received, bom, answer(bom, rulePack), tenant, subject, idempotencyKey, requestSha256);
    }

    // ------------------------------------------------------------------ batches

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
