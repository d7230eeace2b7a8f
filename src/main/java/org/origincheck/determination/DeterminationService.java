package org.origincheck.determination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.api.ProblemMappers;
import org.origincheck.determination.rest.BomSubmission;
import org.origincheck.determination.rest.CostsInput;
import org.origincheck.determination.rest.DeterminationResponse;
import org.origincheck.determination.rest.GoodInput;
import org.origincheck.determination.rest.MaterialInput;
import org.origincheck.determination.rest.AutomotiveInput;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.AutomotiveTable;
import org.origincheck.domain.automotive.VehicleFacts;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Costs;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.Outcome;
import org.origincheck.domain.evaluation.ReasonCode;
import org.origincheck.domain.evaluation.MaterialOrigin;
import org.origincheck.domain.evaluation.Reason;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.RulePackRegistry;

/**
 * Turns a submission into a determination: strict parsing, validation with field paths, evaluation by
 * the rules engine, and storage of the submission as received beside the response as returned. Nothing
 * is stored unless the whole evaluation succeeded.
 */
@ApplicationScoped
public class DeterminationService {

    public static final String DEFAULT_PACK = "usmca";
    private static final LocalDate LATEST_AS_OF = LocalDate.of(2100, 12, 31);

    private final RulePackRegistry packs;
    private final OriginEngine engine;
    private final Validator validator;
    private final ObjectMapper mapper;
    private final ObjectReader submissionReader;
    private final LimitsConfig limits;
    private final org.origincheck.review.ReviewService reviews;
    private final MaterialEvidence evidence;
    private final org.origincheck.domain.supplier.SupplierDeclarations declarations;
    private final Clock clock = Clock.systemUTC();

    public DeterminationService(RulePackRegistry packs, OriginEngine engine, Validator validator, ObjectMapper mapper, LimitsConfig limits,
                                org.origincheck.review.ReviewService reviews, MaterialEvidence evidence,
                                org.origincheck.domain.supplier.SupplierDeclarations declarations) {
        this.reviews = reviews;
        this.evidence = evidence;
        this.declarations = declarations;
        this.packs = packs;
        this.engine = engine;
        this.validator = validator;
        this.mapper = mapper;
        this.limits = limits;
        // Strict: a misspelt field ("netcost") or a duplicated key must not be silently ignored.
        this.submissionReader = mapper.readerFor(BomSubmission.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public BomSubmission parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("$", "the request body is empty: send a BOM submission as JSON");
        }
        try {
            return submissionReader.readValue(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ProblemMappers.jsonProblem(e));
        }
    }

    /** Evaluates without storing (what-if). Stored determinations it refers to must be the tenant's. */
    public Evaluation evaluate(BomSubmission submission, String tenant) {
        return assess(submission, tenant).evaluation();
    }

    /**
     * The evaluation, with the reasons for materials whose origin came from evidence first, and how each material's
     * origin was decided ({@code materials} null when every origin was stated and no supplier named).
     */
    public record Assessed(Evaluation evaluation, List<MaterialOrigin> materials, List<MaterialEvidence.SupplierPartUse> supplierParts) {
    }

    public Assessed assess(BomSubmission submission, String tenant) {
        Prepared prepared = prepare(submission, tenant);
        RulePack pack = selectPack(submission.rulePack(), prepared.bom().asOf());
        Evaluation e = engine.evaluate(prepared.bom(), pack);
        boolean allStated = prepared.origins().stream().allMatch(o -> o.originSource() == org.origincheck.domain.evaluation.OriginSource.STATED
                && o.supplierId() == null);
        if (allStated) {
            return new Assessed(e, null, List.of());
        }
        Evaluation settled = settle(withEvidence(e, new Level(prepared.bom().materials(), prepared.origins(), prepared.evidenceReasons())),
                prepared.origins());
        return new Assessed(settled, prepared.origins(), prepared.supplierParts());
    }

    /**
     * Evaluates and stores; returns the response exactly as stored. With an Idempotency-Key, a retry with the
     * same key and the same body returns the determination the first request made (no second row), and the
     * same key with another body is refused. Two concurrent requests with one key cannot both store: the
     * key's primary key makes the second transaction fail, which then answers with the first one's result.
     */
    public Stored create(String body, String mediaType, BomSubmission submission, String tenant, String subject, String idempotencyKey) {
        return create(body, null, mediaType, submission, tenant, subject, idempotencyKey);
    }

    /** {@code parameters}: for a CSV, the query string that describes the good; part of the request, so of its hash. */
    public Stored create(String body, String parameters, String mediaType, BomSubmission submission, String tenant, String subject,
                         String idempotencyKey) {
        String requestSha256 = sha256(mediaType + "\n" + (parameters == null ? "" : parameters) + "\n" + body);
        if (idempotencyKey != null) {
            IdempotencyRecord existing = IdempotencyRecord.find(tenant, idempotencyKey);
            if (existing != null) {
                return replay(existing, requestSha256, tenant);
            }
        }
        Assessed assessed = assess(submission, tenant);
        Evaluation evaluation = assessed.evaluation();
        UUID id = UUID.randomUUID();
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String response = write(DeterminationResponse.of(id, createdAt, evaluation, assessed.materials()));
        DeterminationRecord record = new DeterminationRecord();
        record.id = id;
        record.createdAt = createdAt;
        record.reference = evaluation.reference();
        record.partNumber = submission.good().partNumber();
        record.hsCode = HsCode.parse(submission.good().hsCode()).digits();
        record.asOf = evaluation.asOf();
        record.status = evaluation.status().name();
        record.originCriterion = evaluation.originCriterion() == null ? null : evaluation.originCriterion().name();
        record.rulePackId = evaluation.rulePack().id();
        record.rulePackVersion = evaluation.rulePack().version();
        record.rulePackSha256 = evaluation.rulePack().sha256();
        record.productRuleId = evaluation.productRule() == null ? null : evaluation.productRule().id();
        record.submission = body;
        record.submissionMediaType = mediaType;
        record.submissionParameters = parameters;
        record.response = response;
        record.tenantId = tenant;
        record.submittedBy = subject;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                record.persist();
                reviews.recordInitial(record, evaluation);
                if (!assessed.supplierParts().isEmpty()) {
                    record.flush(); // the determination row first: the supplier parts refer to it
                    declarations.recordUses(id, tenant, assessed.supplierParts().stream()
                            .map(u -> new org.origincheck.domain.supplier.SupplierDeclarations.Use(u.supplierId(), u.partNumber(), u.declarationId())).toList());
                }
                if (idempotencyKey != null) {
                    IdempotencyRecord key = new IdempotencyRecord();
                    key.tenantId = tenant;
                    key.idempotencyKey = idempotencyKey;
                    key.requestSha256 = requestSha256;
                    key.determinationId = id;
                    key.createdAt = createdAt;
                    key.persist();
                    IdempotencyRecord.flush();
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
        return new Stored(id, response, evaluation.status().name(), false);
    }

    private Stored replay(IdempotencyRecord key, String requestSha256, String tenant) {
        if (!key.requestSha256.equals(requestSha256)) {
            throw new ApiException(new Problem("https://origincheck.org/problems/idempotency-key-reused", "Idempotency-Key reused", 422,
                    "Idempotency-Key '" + key.idempotencyKey + "' was used with a different request body: send a new key for a new submission",
                    null, List.of(new Problem.FieldError("Idempotency-Key", "already used with a different body"))));
        }
        DeterminationRecord original = QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findInTenant(key.determinationId, tenant));
        return new Stored(original.id, original.response, original.status, true);
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code replayed}: the determination of an earlier request with the same Idempotency-Key. */
    public record Stored(UUID id, String json, String status, boolean replayed) {
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a response", e);
        }
    }

    BillOfMaterials toBom(BomSubmission submission, String tenant) {
        return prepare(submission, tenant).bom();
    }

    record Prepared(BillOfMaterials bom, List<MaterialOrigin> origins, List<Reason> evidenceReasons,
                    List<MaterialEvidence.SupplierPartUse> supplierParts) {
    }

    Prepared prepare(BomSubmission submission, String tenant) {
        Set<ConstraintViolation<BomSubmission>> violations = validator.validate(submission);
        List<Problem.FieldError> errors = new ArrayList<>(ProblemMappers.fieldErrors(violations));
        List<MaterialInput> inputs = submission.materials() == null ? List.of() : submission.materials();
        if (inputs.size() > limits.maxMaterials()) {
            errors.add(new Problem.FieldError("materials", "at most " + limits.maxMaterials()
                    + " materials per submission; got " + inputs.size() + " (roll sub-assemblies up into originating materials)"));
        }
        GoodInput g = submission.good();
        // The cross-field checks run only on figures that passed their own bounds: an absurd number (1e200000000)
        // must not be subtracted or printed. Their messages never echo a figure (costs are confidential).
        boolean goodFiguresValid = errors.stream().noneMatch(e -> e.field().startsWith("good."));
        if (g != null && goodFiguresValid) {
            CostsInput costs = g.costs();
            if (costs != null && costs.totalCost() != null && costs.excludedCosts() != null
                    && costs.excludedCosts().compareTo(costs.totalCost()) >= 0) {
                errors.add(new Problem.FieldError("good.costs.excludedCosts", "must be less than totalCost: net cost = totalCost - excludedCosts must be positive"));
            }
            if (g.netCost() != null && costs != null && costs.totalCost() != null) {
                BigDecimal derived = costs.totalCost().subtract(costs.excludedCosts() == null ? BigDecimal.ZERO : costs.excludedCosts());
                if (derived.compareTo(g.netCost()) != 0) {
                    errors.add(new Problem.FieldError("good.netCost", "does not equal totalCost - excludedCosts; send one or make them agree"));
                }
            }
        }
        AutomotiveFacts automotive = toAutomotive(submission.automotive(), tenant, errors);
        boolean asOfValid = true;
        if (submission.asOf() != null && (submission.asOf().isAfter(LATEST_AS_OF) || submission.asOf().getYear() < 1994)) {
            errors.add(new Problem.FieldError("asOf", "must be a date between 1994-01-01 and " + LATEST_AS_OF));
            asOfValid = false;
        }
        LocalDate asOf = submission.asOf() != null ? submission.asOf() : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (asOfValid) {
            checkTree(inputs, "materials", 1, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Costs costs = g.costs() == null ? null : new Costs(g.costs().totalCost(), g.costs().excludedCosts());
        VehicleFacts vehicle = g.vehicle() == null ? null : new VehicleFacts(g.vehicle().offRoad(), g.vehicle().compressionIgnition(),
                g.vehicle().bodyType(), g.vehicle().passengerCapacity());
        Good good = new Good(g.partNumber(), g.description(), HsCode.parse(g.hsCode()), g.endUse(), g.producerCountry(),
                g.currency(), g.transactionValue(), g.netCost(), costs, g.whollyObtained(), vehicle);
        java.util.Map<List<String>, MaterialEvidence.SupplierPartUse> supplierParts = new java.util.LinkedHashMap<>();
        Level level = level(inputs, "materials", good, asOf, submission.rulePack(), tenant, errors, supplierParts);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Prepared(new BillOfMaterials(submission.reference(), asOf, good, level.materials(), automotive), level.origins(),
                level.evidenceReasons(), List.copyOf(supplierParts.values()));
    }

    /** One level of the BOM, mapped: the materials the engine reads, how each origin was decided, and the evidence reasons. */
    private record Level(List<Material> materials, List<MaterialOrigin> origins, List<Reason> evidenceReasons) {
    }

    /** Depth and total size of a multi-level BOM, checked before anything is evaluated. */
    private void checkTree(List<MaterialInput> top, String field, int depth, List<Problem.FieldError> errors) {
        long total = 0;
        java.util.ArrayDeque<Object[]> pending = new java.util.ArrayDeque<>();
        pending.add(new Object[] {top, field, 1});
        while (!pending.isEmpty()) {
            Object[] next = pending.poll();
            @SuppressWarnings("unchecked") List<MaterialInput> inputs = (List<MaterialInput>) next[0];
            int d = (int) next[2];
            if (d > limits.maxBomDepth()) {
                errors.add(new Problem.FieldError((String) next[1], "a bill of materials has at most " + limits.maxBomDepth()
                        + " levels (origincheck.limits.max-bom-depth)"));
                return;
            }
            total += inputs.size();
            if (total > limits.maxMaterials()) {
                if (d > 1) {
                    errors.add(new Problem.FieldError("materials", "at most " + limits.maxMaterials() + " materials per submission, all levels together"));
                }
                return;
            }
            for (int i = 0; i < inputs.size(); i++) {
                MaterialInput m = inputs.get(i);
                if (m != null && m.components() != null && !m.components().isEmpty()) {
                    pending.add(new Object[] {m.components(), next[1] + "[" + i + "].components", d + 1});
                }
            }
        }
    }

    /**
     * The materials of one level. A material with components is an intermediate material (USMCA Art. 4.8; SOR/2020-155
     * s.8(6)): it is evaluated first, from its own components under its own rule, and its origin is the result.
     */
    private Level level(List<MaterialInput> inputs, String field, Good parent, LocalDate asOf, String rulePack, String tenant,
                        List<Problem.FieldError> errors, java.util.Map<List<String>, MaterialEvidence.SupplierPartUse> supplierParts) {
        List<Material> materials = new ArrayList<>(inputs.size());
        List<MaterialOrigin> origins = new ArrayList<>(inputs.size());
        List<Reason> evidenceReasons = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            MaterialInput m = inputs.get(i);
            if (m == null) {
                continue;
            }
            String at = field + "[" + i + "]";
            MaterialOrigin origin;
            org.origincheck.domain.supplier.SupplierDeclaration.Item declared = null;
            String hs = m.hsCode();
            if (m.components() != null && !m.components().isEmpty()) {
                origin = intermediate(i, at, m, parent, asOf, rulePack, tenant, errors, supplierParts);
                if (origin == null) {
                    continue;
                }
                evidenceReasons.add(intermediateReason(m, at, origin));
            } else {
                MaterialEvidence.Resolved r = evidence.resolve(i, at, m, asOf, tenant, errors);
                if (r == null) {
                    continue;
                }
                origin = r.origin();
                declared = r.declared();
                hs = hs != null ? hs : r.hsCode();
                if (r.reason() != null) {
                    evidenceReasons.add(r.reason());
                }
                if (r.use() != null) {
                    // One row per supplier x part; a declaration that decided it wins over a stated origin for the same pair.
                    supplierParts.merge(List.of(r.use().supplierId(), r.use().partNumber()), r.use(), (a, b) -> a.declarationId() != null ? a : b);
                }
            }
            if (!errors.isEmpty()) {
                continue;
            }
            BigDecimal accumulated = accumulated(m, at, origin, declared, parent, evidenceReasons);
            materials.add(new Material(i, m.partNumber(), m.description(), hs == null ? null : HsCode.parse(hs),
                    origin.origin(), m.countryOfOrigin(), m.value(), m.quantity(), m.unit(),
                    m.kind() == null ? MaterialKind.DIRECT : m.kind(), m.partOfGood(), accumulated));
            origins.add(origin);
        }
        return new Level(materials, origins, evidenceReasons);
    }

    static final String ACCUMULATION_CITATION = "USMCA Art. 4.11; SOR/2020-155 s.9(1)-(3), s.9(7)(c)";

    /**
     * Accumulation (USMCA Art. 4.11): a non-originating material whose supplier's declaration states the non-originating part
     * of its value counts in the VNM with only that part. The statement is in the supplier's currency (SOR s.9(7)(c)); in
     * another currency than the good's it is not converted here, and the whole value counts (the reason says so).
     */
    private static BigDecimal accumulated(MaterialInput m, String at, MaterialOrigin origin, org.origincheck.domain.supplier.SupplierDeclaration.Item declared,
                                          Good parent, List<Reason> reasons) {
        if (declared == null || declared.nonOriginatingValue() == null || origin.origin() != OriginStatus.NON_ORIGINATING) {
            return null;
        }
        String label = m.partNumber() != null && !m.partNumber().isBlank() ? m.partNumber() : at;
        if (!declared.currency().equals(parent.currency())) {
            reasons.add(new Reason(ReasonCode.ACCUMULATION, Outcome.INFO, "Not accumulated: the supplier states the non-originating value of "
                    + label + " in " + declared.currency() + ", the good's amounts are in " + parent.currency()
                    + "; its whole value counts as non-originating. Convert the statement and record it again to accumulate.",
                    ACCUMULATION_CITATION, List.of(label), null));
            return null;
        }
        reasons.add(new Reason(ReasonCode.ACCUMULATION, Outcome.INFO, "Accumulated: only the non-originating value the supplier states for "
                + label + " (declaration " + origin.originSourceId() + ") counts in the value of non-originating materials"
                + (declared.nonOriginatingValue().compareTo(m.value()) > 0 ? " (capped at the material's value)" : "") + ".",
                ACCUMULATION_CITATION, List.of(label), null));
        return declared.nonOriginatingValue();
    }

    private MaterialOrigin intermediate(int index, String at, MaterialInput m, Good parent, LocalDate asOf, String rulePack, String tenant,
                                        List<Problem.FieldError> errors, java.util.Map<List<String>, MaterialEvidence.SupplierPartUse> supplierParts) {
        if (m.hsCode() == null) {
            errors.add(new Problem.FieldError(at + ".hsCode", "is required for a material with components: its own product-specific rule decides its origin"));
        }
        if (m.origin() != null || m.supplierId() != null || m.determinationId() != null) {
            errors.add(new Problem.FieldError(at + ".components", "the components decide the origin of an intermediate material: leave origin, "
                    + "supplierId and determinationId out"));
        }
        if (m.netCost() != null && m.costs() != null && m.costs().totalCost() != null) {
            BigDecimal derived = m.costs().totalCost().subtract(m.costs().excludedCosts() == null ? BigDecimal.ZERO : m.costs().excludedCosts());
            if (derived.compareTo(m.netCost()) != 0) {
                errors.add(new Problem.FieldError(at + ".netCost", "does not equal totalCost - excludedCosts; send one or make them agree"));
            }
        }
        if (m.costs() != null && m.costs().totalCost() != null && m.costs().excludedCosts() != null
                && m.costs().excludedCosts().compareTo(m.costs().totalCost()) >= 0) {
            errors.add(new Problem.FieldError(at + ".costs.excludedCosts", "must be less than totalCost"));
        }
        if (!errors.isEmpty()) {
            // Its own components are still checked, so that every error is reported at once; nothing is evaluated.
            level(m.components(), at + ".components", parent, asOf, rulePack, tenant, errors, supplierParts);
            return null;
        }
        // The intermediate is made by the same producer, in the same country, in the good's currency, for the same end use.
        Good self = new Good(m.partNumber(), m.description(), HsCode.parse(m.hsCode()), parent.endUse(), parent.producerCountry(), parent.currency(),
                m.transactionValue(), m.netCost(), m.costs() == null ? null : new Costs(m.costs().totalCost(), m.costs().excludedCosts()), null, null);
        Level own = level(m.components(), at + ".components", self, asOf, rulePack, tenant, errors, supplierParts);
        if (!errors.isEmpty()) {
            return null;
        }
        RulePack pack = selectPack(rulePack, asOf);
        Evaluation evaluation = settle(withEvidence(engine.evaluate(new BillOfMaterials(m.partNumber(), asOf, self, own.materials(), null), pack),
                own), own.origins());
        evaluation = oneLevelRule(relabel(evaluation, at), own.origins(), m, at);
        OriginStatus origin = switch (evaluation.status()) {
            case ORIGINATING -> OriginStatus.ORIGINATING;
            case NOT_ORIGINATING -> OriginStatus.NON_ORIGINATING;
            case INSUFFICIENT_DATA -> OriginStatus.UNKNOWN;
        };
        return new MaterialOrigin(index, m.partNumber(), origin, org.origincheck.domain.evaluation.OriginSource.COMPONENTS, null, null,
                evaluation, own.origins());
    }

    /** The intermediate's missing facts named as fields of the submission: "good.netCost" of its own evaluation is "materials[2].netCost". */
    private static Evaluation relabel(Evaluation e, String at) {
        if (e.missingData().isEmpty()) {
            return e;
        }
        List<org.origincheck.domain.evaluation.MissingData> missing = e.missingData().stream().map(d -> new org.origincheck.domain.evaluation.MissingData(
                d.field() == null ? null : d.field().startsWith("good.") ? at + "." + d.field().substring(5)
                        : d.field().startsWith("materials[") ? at + ".components" + d.field().substring(9) : d.field(), d.message())).toList();
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), e.status(), e.originCriterion(), e.productRule(), e.regionalValueContent(),
                e.reasons(), missing, e.automotive());
    }

    static final String INTERMEDIATE_CITATION = "USMCA Art. 4.8; SOR/2020-155 s.7(4)(b), s.7(5), s.8(6)-(8)";

    private static Reason intermediateReason(MaterialInput m, String at, MaterialOrigin origin) {
        String label = m.partNumber() != null && !m.partNumber().isBlank() ? m.partNumber() : at;
        String message = switch (origin.origin()) {
            case ORIGINATING -> "Intermediate material " + label + " originates under its own rule (see its determination): its whole value counts "
                    + "as originating and the non-originating materials used to make it are not in this good's VNM (SOR s.7(4)(b)).";
            case NON_ORIGINATING -> "Intermediate material " + label + " does not originate under its own rule: as a designated intermediate "
                    + "material its whole value counts as non-originating. Not evaluated: leaving it undesignated, where only its non-originating "
                    + "materials would count (SOR s.7(5)(a)); to have that, list those materials under the good instead.";
            case UNKNOWN -> "The origin of intermediate material " + label + " could not be determined (see its determination): it counts as "
                    + "non-originating (USMCA Art. 4.5) until the missing facts are given.";
        };
        return new Reason(ReasonCode.INTERMEDIATE_MATERIAL, origin.origin() == OriginStatus.UNKNOWN ? Outcome.INSUFFICIENT_DATA : Outcome.INFO,
                message, INTERMEDIATE_CITATION, List.of(label), null);
    }

    /**
     * SOR/2020-155 s.8(6): if an intermediate material is subject to an RVC requirement, no other self-produced material subject
     * to one and incorporated in it may also be designated. Read here as: an RVC was computed for both. Which one the producer
     * designates is its choice, which the engine does not make for it: the outer one is then INSUFFICIENT_DATA.
     */
    private static Evaluation oneLevelRule(Evaluation e, List<MaterialOrigin> components, MaterialInput m, String at) {
        if (e.regionalValueContent().isEmpty()) {
            return e;
        }
        List<String> inner = components.stream().filter(c -> c.determination() != null && !c.determination().regionalValueContent().isEmpty())
                .map(c -> c.partNumber() != null ? c.partNumber() : at + ".components[" + c.index() + "]").toList();
        if (inner.isEmpty()) {
            return e;
        }
        List<Reason> reasons = new ArrayList<>(e.reasons());
        reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.INSUFFICIENT_DATA, "Both this intermediate material and "
                + String.join(", ", inner) + " inside it are subject to a regional value content requirement: only one of them may be designated "
                + "an intermediate material (SOR s.8(6)). The engine does not choose for the producer: submit the one not designated as a plain "
                + "material with its origin.", "SOR/2020-155 s.8(6)", inner, null));
        List<org.origincheck.domain.evaluation.MissingData> missing = new ArrayList<>(e.missingData());
        missing.add(new org.origincheck.domain.evaluation.MissingData(at + ".components",
                "which self-produced material is designated an intermediate material (SOR s.8(6), one level only)"));
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), org.origincheck.domain.evaluation.DeterminationStatus.INSUFFICIENT_DATA, null,
                e.productRule(), e.regionalValueContent(), reasons, missing, e.automotive());
    }

    /** The evidence and intermediate reasons of a level go first, before the engine's own. */
    private static Evaluation withEvidence(Evaluation e, Level level) {
        if (level.evidenceReasons().isEmpty()) {
            return e;
        }
        List<Reason> reasons = new ArrayList<>(level.evidenceReasons());
        reasons.addAll(e.reasons());
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), e.status(), e.originCriterion(), e.productRule(),
                e.regionalValueContent(), reasons, e.missingData(), e.automotive());
    }

    /**
     * A NOT_ORIGINATING answer that counted an intermediate material of undetermined origin as non-originating is not
     * definite: with the missing facts that material might originate, and so might the good. It becomes INSUFFICIENT_DATA,
     * naming what the intermediate material lacks. (An ORIGINATING answer stands: it holds even with that material non-originating.)
     */
    private static Evaluation settle(Evaluation e, List<MaterialOrigin> origins) {
        if (e.status() != org.origincheck.domain.evaluation.DeterminationStatus.NOT_ORIGINATING) {
            return e;
        }
        List<MaterialOrigin> undetermined = origins.stream().filter(o -> o.originSource() == org.origincheck.domain.evaluation.OriginSource.COMPONENTS
                && o.origin() == OriginStatus.UNKNOWN).toList();
        if (undetermined.isEmpty()) {
            return e;
        }
        List<org.origincheck.domain.evaluation.MissingData> missing = new ArrayList<>(e.missingData());
        List<String> labels = new ArrayList<>();
        for (MaterialOrigin o : undetermined) {
            labels.add(o.partNumber() != null ? o.partNumber() : "materials[" + o.index() + "]");
            missing.addAll(o.determination().missingData());
        }
        List<Reason> reasons = new ArrayList<>(e.reasons());
        reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.INSUFFICIENT_DATA, "The good does not originate with "
                + String.join(", ", labels) + " counted as non-originating, but their origin is undetermined: give what they lack "
                + "before this is a determination.", INTERMEDIATE_CITATION, labels, null));
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), org.origincheck.domain.evaluation.DeterminationStatus.INSUFFICIENT_DATA, null,
                e.productRule(), e.regionalValueContent(), reasons, missing, e.automotive());
    }

    /**
     * The automotive facts, with the checks Bean Validation cannot make: periods that end before they begin, a
     * plant named twice, wage data given neither way, a stored determination that does not exist. Errors are
     * added with their field path; nothing here echoes a wage or cost figure.
     */
    private AutomotiveFacts toAutomotive(AutomotiveInput input, String tenant, List<Problem.FieldError> errors) {
        if (input == null) {
            return null;
        }
        List<AutomotiveTable> declared = input.declaredTables() == null ? null
                : input.declaredTables().stream().filter(java.util.Objects::nonNull).map(t -> AutomotiveTable.byId(t).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        AutomotiveFacts.CoreParts coreParts = null;
        if (input.coreParts() != null) {
            List<AutomotiveFacts.CorePart> parts = new ArrayList<>();
            List<AutomotiveInput.CorePartInput> given = input.coreParts().parts() == null ? List.of() : input.coreParts().parts();
            for (int i = 0; i < given.size(); i++) {
                AutomotiveInput.CorePartInput p = given.get(i);
                if (p == null) continue;
                AutomotiveFacts.StoredDetermination stored = null;
                if (p.determinationId() != null) {
                    DeterminationRecord record = DeterminationRecord.findInTenant(p.determinationId(), tenant);
                    if (record == null) {
                        errors.add(new Problem.FieldError("automotive.coreParts.parts[" + i + "].determinationId",
                                "no determination " + p.determinationId() + " is stored here"));
                    } else {
                        JsonNode thresholds = readTree(record.response).path("automotive").path("thresholds");
                        // The conclusion that stands after review: a determination still pending, or rejected, is not relied on;
                        // an officer's override replaces the engine's status.
                        var review = reviews.view(record);
                        boolean settled = "APPROVED".equals(review.state()) || "OVERRIDDEN".equals(review.state());
                        String status = settled ? review.conclusion() : "INSUFFICIENT_DATA";
                        stored = new AutomotiveFacts.StoredDetermination(record.id.toString(), status, record.hsCode, record.asOf, thresholds.hasNonNull("schedule") ? thresholds.get("schedule").asText() : null,
                                thresholds.hasNonNull("netCost") ? thresholds.get("netCost").decimalValue() : null);
                    }
                }
                parts.add(new AutomotiveFacts.CorePart(i, p.category(), p.partNumber(), p.netCost(), p.valueOfNonOriginatingMaterials(),
                        p.valueOfNonOriginatingComponents(), stored));
            }
            coreParts = new AutomotiveFacts.CoreParts(input.coreParts().vnmMethod(), Boolean.TRUE.equals(input.coreParts().superCore()), parts,
                    input.coreParts().notCoreParts());
        }
        AutomotiveFacts.SteelAndAluminumPurchases steel = null;
        if (input.steelAndAluminum() != null) {
            AutomotiveInput.SteelAndAluminumInput s = input.steelAndAluminum();
            if (s.periodFrom() != null && s.periodTo() != null && s.periodTo().isBefore(s.periodFrom())) {
                errors.add(new Problem.FieldError("automotive.steelAndAluminum.periodTo", "ends before periodFrom"));
            }
            List<AutomotiveFacts.Purchase> purchases = new ArrayList<>();
            List<AutomotiveInput.PurchaseInput> given = s.purchases() == null ? List.of() : s.purchases();
            for (int i = 0; i < given.size(); i++) {
                AutomotiveInput.PurchaseInput p = given.get(i);
                if (p == null || p.hsCode() == null || p.value() == null || p.originating() == null
                        || !p.hsCode().matches(org.origincheck.determination.rest.ApiPatterns.HS_CODE)) continue;
                purchases.add(new AutomotiveFacts.Purchase(i, p.description(), HsCode.parse(p.hsCode()), p.metal(), p.value(), p.originating(),
                        p.meltedAndPouredInRegion(), p.metalValue()));
            }
            steel = new AutomotiveFacts.SteelAndAluminumPurchases(s.periodFrom(), s.periodTo(), purchases);
        }
        AutomotiveFacts.LaborValueContent lvc = null;
        if (input.laborValueContent() != null) {
            AutomotiveInput.LaborValueContentInput l = input.laborValueContent();
            List<AutomotiveFacts.Plant> plants = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            List<AutomotiveInput.PlantInput> given = l.plants() == null ? List.of() : l.plants();
            for (int i = 0; i < given.size(); i++) {
                AutomotiveInput.PlantInput p = given.get(i);
                if (p == null) continue;
                String field = "automotive.laborValueContent.plants[" + i + "]";
                if (p.id() != null && !ids.add(p.id())) {
                    errors.add(new Problem.FieldError(field + ".id", "plant '" + p.id() + "' is listed twice"));
                }
                if (p.averageBaseHourlyWage() == null && (p.baseWages() == null || p.directProductionHours() == null)) {
                    errors.add(new Problem.FieldError(field, "give averageBaseHourlyWage, or baseWages and directProductionHours (s.12 \"average base hourly wage rate\")"));
                }
                if (p.averageBaseHourlyWage() != null && (p.baseWages() != null || p.directProductionHours() != null)) {
                    errors.add(new Problem.FieldError(field, "give averageBaseHourlyWage or baseWages and directProductionHours, not both"));
                }
                plants.add(new AutomotiveFacts.Plant(i, p.id(), p.country(), p.currency(), p.averageBaseHourlyWage(), p.baseWages(), p.directProductionHours()));
            }
            if (l.assemblyPlant() != null && l.assemblyPlant().plantId() != null && !ids.contains(l.assemblyPlant().plantId())) {
                errors.add(new Problem.FieldError("automotive.laborValueContent.assemblyPlant.plantId",
                        "plant '" + l.assemblyPlant().plantId() + "' is not among laborValueContent.plants: list it with its wage data"));
            }
            AutomotiveFacts.AssemblyPlant assembly = l.assemblyPlant() == null ? null : new AutomotiveFacts.AssemblyPlant(l.assemblyPlant().plantId(),
                    Boolean.TRUE.equals(l.assemblyPlant().operatedByProducer()), l.assemblyPlant().contractYears(),
                    orZero(l.assemblyPlant().engineCapacity()), orZero(l.assemblyPlant().transmissionCapacity()), orZero(l.assemblyPlant().advancedBatteryPackCapacity()));
            AutomotiveFacts.TechnologyExpenditures technology = l.technology() == null ? null
                    : new AutomotiveFacts.TechnologyExpenditures(l.technology().researchAndInformationTechnologyWages(), l.technology().directProductionWages());
            lvc = new AutomotiveFacts.LaborValueContent(l.basis(), plants, amounts(l.highWageMaterials()), amounts(l.highWageLabourCosts()),
                    l.highWageTransport(), l.netCost(), l.totalAnnualPurchaseValue(), Boolean.TRUE.equals(l.includeLabourCostsInPurchaseValue()),
                    technology, assembly);
        }
        AutomotiveFacts.StagingRegime staging = input.alternativeStagingRegime() == null || input.alternativeStagingRegime().approved() == null ? null
                : new AutomotiveFacts.StagingRegime(input.alternativeStagingRegime().approved(), input.alternativeStagingRegime().approvedUntil(),
                Boolean.TRUE.equals(input.alternativeStagingRegime().steelAndAluminumExempt()));
        return new AutomotiveFacts(declared, input.forVehicleClass(), coreParts, steel, lvc, staging, input.corePartsRollUp(),
                input.steelAndAluminumShare());
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored response is not JSON", e);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static List<AutomotiveFacts.PlantAmount> amounts(List<AutomotiveInput.PlantAmountInput> inputs) {
        List<AutomotiveFacts.PlantAmount> out = new ArrayList<>();
        if (inputs == null) return out;
        for (int i = 0; i < inputs.size(); i++) {
            AutomotiveInput.PlantAmountInput a = inputs.get(i);
            if (a != null && a.amount() != null) {
                out.add(new AutomotiveFacts.PlantAmount(i, a.plantId(), a.amount()));
            }
        }
        return out;
    }

    private RulePack selectPack(String requested, LocalDate asOf) {
        String id = requested == null ? DEFAULT_PACK : requested;
        if (!packs.knows(id)) {
            throw ApiException.invalid("rulePack", "no rule pack '" + id + "' is loaded; see GET /api/v1/rule-packs");
        }
        Optional<RulePack> pack = packs.inForce(id, asOf);
        return pack.orElseThrow(() -> ApiException.unprocessable("asOf", "no version of rule pack '" + id + "' is in force on "
                + asOf + " (USMCA entered into force on 2020-07-01)"));
    }
}
