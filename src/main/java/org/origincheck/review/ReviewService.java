package org.origincheck.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.determination.DeterminationRecord;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginCriterion;
import org.origincheck.domain.review.ReviewAction;
import org.origincheck.domain.review.ReviewPolicy;
import org.origincheck.domain.review.ReviewState;

/**
 * The review workflow: the policy's first event when a determination is made, the officers' actions as
 * append-only events (with the state projection updated in the same transaction, under a row lock), the
 * queue, and certifications of origin from approved originating determinations.
 */
@ApplicationScoped
public class ReviewService implements org.origincheck.determination.SettledConclusions, org.origincheck.determination.ReviewOpening {

    public static final String POLICY_ACTOR = "review policy";

    private final ReviewPolicy policy;
    private final EntityManager entityManager;
    private final Clock clock = Clock.systemUTC();

    public ReviewService(@ConfigProperty(name = "origincheck.review.margin-points", defaultValue = "2") BigDecimal marginPoints,
                         EntityManager entityManager) {
        this.policy = new ReviewPolicy(marginPoints);
        this.entityManager = entityManager;
    }

    /** Approved: the engine's status stands; overridden: the officer's. Pending or rejected: nothing to rely on. */
    @Override
    public java.util.Optional<DeterminationStatus> settled(DeterminationRecord determination) {
        ReviewView review = view(determination);
        ReviewState state = review.state() == null ? null : ReviewState.valueOf(review.state());
        return state == ReviewState.APPROVED || state == ReviewState.OVERRIDDEN
                ? java.util.Optional.of(DeterminationStatus.valueOf(review.conclusion())) : java.util.Optional.empty();
    }

    /** The events made before {@code until} decide the state then, and the conclusion then (the last override by then, or the engine's). */
    @Override
    public Standing standingAt(DeterminationRecord determination, Instant until) {
        String state = null;
        String conclusion = determination.status;
        for (EventView e : view(determination).events()) {
            if (e.at().isBefore(until)) {
                state = e.toState();
                if (ReviewAction.OVERRIDE.name().equals(e.action())) {
                    conclusion = e.overrideStatus();
                }
            }
        }
        return new Standing(state, conclusion);
    }

    /**
     * The review policy's first event for a new determination, written with it by the determination's writer in the
     * statement that stores it (so no determination is stored without its review).
     */
    @Override
    public Opened open(DeterminationRecord determination, Evaluation evaluation) {
        java.util.Set<String> met = new java.util.HashSet<>();
        for (var reason : evaluation.reasons()) {
            if (reason.code() == org.origincheck.domain.evaluation.ReasonCode.PRODUCT_RULE_ALTERNATIVE
                    && reason.outcome() == org.origincheck.domain.evaluation.Outcome.PASS) {
                met.add(reason.alternative());
            }
        }
        boolean vehicle = evaluation.automotive() != null && evaluation.automotive().vehicleClass() != null
                && evaluation.automotive().vehicleClass().isPassengerVehicleOrTruck();
        ReviewPolicy.Decision decision = policy.decide(evaluation.status(), evaluation.originCriterion(), evaluation.regionalValueContent(), met, vehicle,
                evaluation.provisional());
        if (evaluation.reasons().stream().anyMatch(r -> r.code() == org.origincheck.domain.evaluation.ReasonCode.HOLDS_FOR_EVERY_VALUE)) {
            decision = policy.decideOverUnknownFacts(evaluation.status(), decision);
        }
        ReviewState to = decision.action().apply(null).to();
        return new Opened(UUID.randomUUID(), decision.action().name(), to.name(), POLICY_ACTOR, decision.reason());
    }

    public record ActionRequest(ReviewAction action, @jakarta.validation.constraints.Size(max = 4000) String justification, DeterminationStatus overrideStatus, OriginCriterion overrideCriterion) {
    }

    public ReviewView act(UUID id, String tenant, String actor, ActionRequest request) {
        check(request);
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewStatusRecord status = ReviewStatusRecord.lock(id, tenant);
            if (status == null) {
                throw ApiException.notFound("no determination " + id);
            }
            ReviewState from = ReviewState.valueOf(status.state);
            DeterminationRecord determination = DeterminationRecord.findInTenant(id, tenant);
            if (request.action() != ReviewAction.COMMENT && actor.equals(determination.submittedBy)) {
                // Four eyes: the person who submitted a determination does not also approve, reject or override it.
                throw refused("the submitter of a determination may not review it");
            }
            ReviewAction.Transition transition = request.action().apply(from);
            if (!transition.allowed()) {
                throw refused(transition.refusal());
            }
            int seq = ReviewEventRecord.<ReviewEventRecord>find("determinationId = ?1 order by seq desc", id).firstResult().seq + 1;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            append(id, tenant, seq, request.action(), from, transition.to(), actor, now, blankToNull(request.justification()),
                    request.overrideStatus() == null ? null : request.overrideStatus().name(),
                    request.overrideCriterion() == null ? null : request.overrideCriterion().name());
            status.state = transition.to().name();
            status.updatedAt = now;
            return view(determination);
        });
    }

    private static ApiException refused(String why) {
        return new ApiException(new Problem("https://origincheck.org/problems/review-transition", "Review action not allowed", 409,
                why, null, List.of(new Problem.FieldError("action", why))));
    }

    private static void check(ActionRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.action() == null) {
            errors.add(new Problem.FieldError("action", "is required: APPROVE, REJECT, OVERRIDE or COMMENT"));
        } else if (!r.action().byOfficer()) {
            errors.add(new Problem.FieldError("action", r.action() + " is recorded by the review policy, not by an officer"));
        } else {
            String text = r.justification() == null ? "" : r.justification().strip();
            switch (r.action()) {
                case REJECT -> {
                    if (text.length() < 10) errors.add(new Problem.FieldError("justification", "a rejection needs a justification of at least 10 characters"));
                }
                case OVERRIDE -> {
                    if (text.length() < 20) errors.add(new Problem.FieldError("justification", "an override needs a justification of at least 20 characters: it replaces the engine's conclusion"));
                    if (r.overrideStatus() == null || r.overrideStatus() == DeterminationStatus.INSUFFICIENT_DATA) {
                        errors.add(new Problem.FieldError("overrideStatus", "must be ORIGINATING or NOT_ORIGINATING: the officer's conclusion"));
                    } else if (r.overrideStatus() == DeterminationStatus.ORIGINATING && r.overrideCriterion() == null) {
                        errors.add(new Problem.FieldError("overrideCriterion", "an override to ORIGINATING names the criterion (A, B, C or D) it rests on"));
                    } else if (r.overrideStatus() == DeterminationStatus.NOT_ORIGINATING && r.overrideCriterion() != null) {
                        errors.add(new Problem.FieldError("overrideCriterion", "must be absent for NOT_ORIGINATING"));
                    }
                }
                case COMMENT -> {
                    if (text.isEmpty()) errors.add(new Problem.FieldError("justification", "a comment needs its text"));
                }
                default -> {
                }
            }
            if (r.action() != ReviewAction.OVERRIDE && (r.overrideStatus() != null || r.overrideCriterion() != null)) {
                errors.add(new Problem.FieldError("overrideStatus", "only an OVERRIDE carries an override"));
            }
        }
        if (r.justification() != null && r.justification().length() > 4000) {
            errors.add(new Problem.FieldError("justification", "at most 4000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private void append(UUID determination, String tenant, int seq, ReviewAction action, ReviewState from, ReviewState to, String actor,
                        Instant at, String justification, String overrideStatus, String overrideCriterion) {
        ReviewEventRecord event = new ReviewEventRecord();
        event.id = UUID.randomUUID();
        event.tenantId = tenant;
        event.determinationId = determination;
        event.seq = seq;
        event.action = action.name();
        event.fromState = from == null ? null : from.name();
        event.toState = to.name();
        event.actor = actor;
        event.at = at;
        event.justification = justification;
        event.overrideStatus = overrideStatus;
        event.overrideCriterion = overrideCriterion;
        event.persist();
    }

    public record EventView(int seq, String action, String fromState, String toState, String actor, Instant at, String justification,
                            String overrideStatus, String overrideCriterion) {
    }

    /** The review of one determination: its state, the conclusion that stands (the engine's or the override), and every event. */
    public record ReviewView(String determinationId, String state, String engineStatus, String engineCriterion, String conclusion,
                             String conclusionCriterion, List<EventView> events) {
    }

    public ReviewView view(UUID id, String tenant) {
        DeterminationRecord determination = DeterminationRecord.findInTenant(id, tenant);
        if (determination == null) {
            throw ApiException.notFound("no determination " + id);
        }
        return view(determination);
    }

    /** The review of a determination already read (and so already known to be the tenant's). */
    public ReviewView view(DeterminationRecord determination) {
        UUID id = determination.id;
        List<ReviewEventRecord> events = ReviewEventRecord.timeline(id, determination.tenantId);
        String state = events.isEmpty() ? null : events.get(events.size() - 1).toState;
        String conclusion = determination.status;
        String criterion = determination.originCriterion;
        for (ReviewEventRecord e : events) {
            if (ReviewAction.OVERRIDE.name().equals(e.action)) {
                conclusion = e.overrideStatus;
                criterion = e.overrideCriterion;
            }
        }
        return new ReviewView(id.toString(), state, determination.status, determination.originCriterion, conclusion, criterion,
                events.stream().map(e -> new EventView(e.seq, e.action, e.fromState, e.toState, e.actor, e.at, e.justification,
                        e.overrideStatus, e.overrideCriterion)).toList());
    }

    // ------------------------------------------------------------------ queue

    public record QueueItem(String id, Instant createdAt, String reference, String partNumber, String hsCode, String status,
                            String originCriterion, String reviewState, String rulePackVersion, Instant lastActivity) {
    }

    /**
     * The columns the queue sorts by, each with the SQL that orders it. Ties are broken by the determination id so that
     * pages never overlap. The default, last review activity first, is what a review queue is worked in.
     */
    public enum QueueSort {
        lastActivity("r.updated_at"), createdAt("d.created_at"), partNumber("d.part_number"), reference("d.reference"), hsCode("d.hs_code"),
        status("d.status"), reviewState("r.state"), rulePackVersion("d.rule_pack_version");

        final String column;

        QueueSort(String column) {
            this.column = column;
        }
    }

    /** Most rows a CSV export of the queue holds: the count cap, so an export is never larger than what the queue can count. */
    public static final int EXPORT_CAP = 10_000;

    /** {@code total} is exact up to {@link #COUNT_CAP}; beyond it {@code totalCapped} is true (counting every row of a big queue costs more than the page). */
    public record QueuePage(List<QueueItem> items, int page, int size, long total, boolean totalCapped) {
    }

    public static final int COUNT_CAP = 10_000;

    public record QueueFilter(String state, String partNumber, String hsCode, String status, String rulePackVersion, LocalDate from,
                              LocalDate to, String q) {
    }

    /** Native SQL on the two indexed tables: a page of 100,000 rows is answered from the (tenant, state, updated_at) index. */
    @SuppressWarnings("unchecked")
    public QueuePage queue(String tenant, QueueFilter f, int page, int size) {
        return queue(tenant, f, QueueSort.lastActivity, true, page, size);
    }

    public QueuePage queue(String tenant, QueueFilter f, QueueSort sort, boolean descending, int page, int size) {
        StringBuilder where = new StringBuilder(" from review_status r join determination d on d.id = r.determination_id where r.tenant_id = :tenant");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("tenant", tenant);
        if (f.state() != null) { where.append(" and r.state = :state"); params.put("state", f.state()); }
        if (f.partNumber() != null) { where.append(" and d.part_number = :part"); params.put("part", f.partNumber()); }
        if (f.hsCode() != null) { where.append(" and d.hs_code like :hs"); params.put("hs", f.hsCode() + "%"); }
        if (f.status() != null) { where.append(" and d.status = :status"); params.put("status", f.status()); }
        if (f.rulePackVersion() != null) { where.append(" and d.rule_pack_version = :version"); params.put("version", f.rulePackVersion()); }
        if (f.from() != null) { where.append(" and d.created_at >= :from"); params.put("from", f.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()); }
        if (f.to() != null) { where.append(" and d.created_at < :to"); params.put("to", f.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()); }
        if (f.q() != null) {
            // Prefix search, so the (tenant, column text_pattern_ops) indexes answer it; the HS code only when the text is one.
            String hs = f.q().replace(".", "");
            boolean hsSearch = hs.matches("\\d{2,10}");
            where.append(" and (d.part_number like :q or d.reference like :q").append(hsSearch ? " or d.hs_code like :qhs)" : ")");
            params.put("q", f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            if (hsSearch) params.put("qhs", hs + "%");
        }
        var select = entityManager.createNativeQuery("select d.id, d.created_at, d.reference, d.part_number, d.hs_code, d.status, d.origin_criterion, r.state, d.rule_pack_version, r.updated_at"
                + where + " order by " + sort.column + (descending ? " desc nulls last" : " asc nulls first") + ", d.id" + (descending ? " desc" : " asc")
                + " limit :limit offset :offset");
        var count = entityManager.createNativeQuery("select count(*) from (select 1" + where + " limit " + (COUNT_CAP + 1) + ") c");
        params.forEach((k, v) -> { select.setParameter(k, v); count.setParameter(k, v); });
        select.setParameter("limit", size);
        select.setParameter("offset", (long) page * size);
        List<Object[]> rows = select.getResultList();
        List<QueueItem> items = rows.stream().map(r -> new QueueItem(r[0].toString(), toInstant(r[1]), str(r[2]), str(r[3]), str(r[4]),
                str(r[5]), str(r[6]), str(r[7]), str(r[8]), toInstant(r[9]))).toList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new QueuePage(items, page, size, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) return i;
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        if (value instanceof java.time.OffsetDateTime o) return o.toInstant();
        return Instant.parse(value.toString());
    }

    // ------------------------------------------------------------------ audit export

    /** The queue under a filter, in the order asked, as CSV (RFC 4180): at most {@link #EXPORT_CAP} rows, and a last line saying so if cut. */
    public String queueCsv(String tenant, QueueFilter f, QueueSort sort, boolean descending) {
        QueuePage all = queue(tenant, f, sort, descending, 0, EXPORT_CAP);
        StringBuilder out = new StringBuilder("determination_id,created_at,part_number,reference,hs_code,status,origin_criterion,review_state,last_activity,rule_pack_version\r\n");
        for (QueueItem i : all.items()) {
            out.append(String.join(",", csv(i.id()), csv(i.createdAt().toString()), csv(i.partNumber()), csv(i.reference()), csv(i.hsCode()), csv(i.status()),
                    csv(i.originCriterion()), csv(i.reviewState()), csv(i.lastActivity() == null ? null : i.lastActivity().toString()), csv(i.rulePackVersion()))).append("\r\n");
        }
        if (all.total() > all.items().size() || all.totalCapped()) {
            out.append(csv("# cut at " + EXPORT_CAP + " rows: narrow the filter to export the rest")).append("\r\n");
        }
        return out.toString();
    }

    /** The timeline as CSV (RFC 4180) for an auditor. */
    public String timelineCsv(UUID id, String tenant) {
        ReviewView view = view(id, tenant);
        StringBuilder out = new StringBuilder("determination_id,seq,at,actor,action,from_state,to_state,justification,override_status,override_criterion\r\n");
        for (EventView e : view.events()) {
            out.append(String.join(",", csv(view.determinationId()), csv(String.valueOf(e.seq())), csv(e.at().toString()), csv(e.actor()), csv(e.action()),
                    csv(e.fromState()), csv(e.toState()), csv(e.justification()), csv(e.overrideStatus()), csv(e.overrideCriterion()))).append("\r\n");
        }
        return out.toString();
    }

    private static String csv(String value) {
        return org.origincheck.api.CsvCells.cell(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
