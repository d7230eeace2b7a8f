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
        MultiLevelEvaluation.Assessed assessed = answer(bom, rulePack);
        Evaluation evaluation = assessed.evaluation();
        DeterminationRecord record = DeterminationRecord.of(UUID.randomUUID(), clock.instant().truncatedTo(ChronoUnit.MICROS), bom,
                evaluation, received, tenant, subject);
        record.response = format.write(record.id, record.createdAt, assessed);
        List<SupplierDeclarations.Use> supplierParts = supplierParts(bom.materials());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                record.persist();
                stored.fire(new DeterminationStored(record, evaluation));
                if (!supplierParts.isEmpty()) {
                    record.flush(); // the determination row first: the supplier parts refer to it
                    declarations.recordUses(record.id, tenant, supplierParts);
                }
                if (idempotencyKey != null) {
                    IdempotencyRecord.keep(tenant, idempotencyKey, requestSha256, record.id, record.createdAt);
                }
            });
        } catch (RuntimeException e) {
            // A concurrent request with the same key committed first: answer with its determination.
            IdempotencyRecord winner = idempotencyKey == null ? null
                    : QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.find(tenant, idempotencyKey));
            if (winner != null) {
                return replay(winner, requestSha256, tenant);
            }
            throw e;
        }
        return new Stored(record.id, record.response, record.status, false);
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
            throw new DeterminationRefused(Reason.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key", "already used with a different body",
                    "Idempotency-Key '" + key.idempotencyKey + "' was used with a different request body: send a new key for a new submission");
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
