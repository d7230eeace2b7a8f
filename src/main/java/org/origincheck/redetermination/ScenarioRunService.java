package org.origincheck.redetermination;

import org.origincheck.scenario.ScenarioService;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.origincheck.api.ApiException;
import org.origincheck.determination.DeterminationService;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.scenario.Scenario;

/**
 * Scenario runs: a scenario applied to a tenant's stored determinations, as a job of the re-determination machinery
 * ({@link RedeterminationService}'s workers claim its chunks, fairly across tenants and replicas, and resume it after a
 * restart). This class starts runs and reads their progress, summary and changes; the determinations are never changed.
 */
@ApplicationScoped
public class ScenarioRunService {

    private final EntityManager em;
    private final ScenarioService scenarios;
    private final DeterminationService determinations;
    private final RedeterminationService workers;
    private final ObjectMapper mapper;

    public ScenarioRunService(EntityManager em, ScenarioService scenarios, DeterminationService determinations, RedeterminationService workers,
                              ObjectMapper mapper) {
        this.em = em;
        this.scenarios = scenarios;
        this.determinations = determinations;
        this.workers = workers;
        this.mapper = mapper;
    }

    /**
     * Which stored determinations a run covers; null means any. {@code latestPerPartNumber} (default true): only the newest
     * determination of each part number (determinations without one are each taken), so a part determined ten times counts once.
     */
    public record Filter(String partNumber, DeterminationStatus status, String hsCode, LocalDate from, LocalDate to, Boolean latestPerPartNumber) {

        boolean latestOnly() {
            return latestPerPartNumber == null || latestPerPartNumber;
        }
    }

    public record StatusChange(String from, String to, long count) {
    }

    public record ChapterImpact(String chapter, long evaluated, long changed, long stopQualifying, long startQualifying) {
    }

    public record ValueImpact(String currency, BigDecimal valueEvaluated, BigDecimal valueChanged, BigDecimal valueStopQualifying,
                              BigDecimal valueStartQualifying) {
    }

    public record Summary(List<StatusChange> byStatusChange, List<ChapterImpact> byChapter, List<ValueImpact> byValue) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScenarioRun")
    public record Run(String id, String scenario, String asOf, Filter filter, String rulePackVersion, int total, long done, long changed,
                      long failed, String state, Summary summary) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScenarioRunChange")
    public record Change(String determinationId, String partNumber, String hsCode, String chapter, BigDecimal value, String currency,
                         String lawStatus, String scenarioStatus, String scenarioCriterion, List<ScenarioItems.ReasonView> reasons) {
    }

    public Run start(String tenant, String actor, String scenarioId, LocalDate asOf, Filter filter) {
        Filter f = filter == null ? new Filter(null, null, null, null, null, null) : filter;
        Scenario scenario = scenarios.find(scenarioId).orElseThrow(() -> ApiException.invalid("scenario",
                "no scenario with this id is loaded; see GET /api/v1/scenarios"));
        RulePack base = determinations.selectPack(scenario.basePack(), asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
        RulePack overlay = scenarios.overlay(scenario, base);
        UUID id = UUID.randomUUID();
        String filterJson;
        try {
            filterJson = mapper.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into redetermination_job (id, tenant_id, requested_by, created_at, as_of, rule_pack_version, rule_pack_sha256, "
                            + "total, targeted, scenario_id, filter) values (:id, :tenant, :actor, :now, cast(:asOf as date), :version, :sha, 0, true, :scenario, :filter)")
                    .setParameter("id", id).setParameter("tenant", tenant).setParameter("actor", actor).setParameter("now", Instant.now())
                    .setParameter("asOf", asOf == null ? null : asOf.toString()).setParameter("version", overlay.version())
                    .setParameter("sha", overlay.sha256()).setParameter("scenario", scenario.id()).setParameter("filter", filterJson).executeUpdate();
            StringBuilder sql = new StringBuilder("insert into redetermination_item (job_id, determination_id, old_status) "
                    + "select :id, d.id, d.status from determination d where d.tenant_id = :tenant");
            Map<String, Object> params = new LinkedHashMap<>();
            if (f.latestOnly()) {
                sql.append(" and (d.part_number is null or not exists (select 1 from determination n where n.tenant_id = d.tenant_id "
                        + "and n.part_number = d.part_number and (n.created_at > d.created_at or (n.created_at = d.created_at and n.id > d.id))))");
            }
            if (f.partNumber() != null && !f.partNumber().isBlank()) {
                sql.append(" and d.part_number = :partNumber");
                params.put("partNumber", f.partNumber());
            }
            if (f.status() != null) {
                sql.append(" and d.status = :status");
                params.put("status", f.status().name());
            }
            if (f.hsCode() != null) {
                sql.append(" and d.hs_code like :hs");
                params.put("hs", f.hsCode() + "%");
            }
            if (f.from() != null) {
                sql.append(" and d.created_at >= :from");
                params.put("from", f.from().atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (f.to() != null) {
                sql.append(" and d.created_at < :to");
                params.put("to", f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            Query insert = em.createNativeQuery(sql.toString()).setParameter("id", id).setParameter("tenant", tenant);
            params.forEach(insert::setParameter);
            int total = insert.executeUpdate();
            em.createNativeQuery("update redetermination_job set total = :total where id = :id").setParameter("total", total).setParameter("id", id).executeUpdate();
        });
        workers.wake();
        return run(id, tenant);
    }

    @SuppressWarnings("unchecked")
    public Run run(UUID id, String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> found = em.createNativeQuery("select j.id, j.scenario_id, j.as_of, j.filter, j.rule_pack_version, j.total, "
                            + "(select count(*) from redetermination_item i where i.job_id = j.id and i.state <> 'PENDING'), "
                            + "(select count(*) from redetermination_item i where i.job_id = j.id and i.changed), "
                            + "(select count(*) from redetermination_item i where i.job_id = j.id and i.state = 'FAILED') "
                            + "from redetermination_job j where j.id = :id and j.tenant_id = :tenant and j.scenario_id is not null")
                    .setParameter("id", id).setParameter("tenant", tenant).getResultList();
            if (found.isEmpty()) {
                throw ApiException.notFound("no scenario run " + id);
            }
            Object[] r = found.get(0);
            int total = ((Number) r[5]).intValue();
            long done = ((Number) r[6]).longValue();
            Filter filter;
            try {
                filter = r[3] == null ? null : mapper.readValue(r[3].toString(), Filter.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return new Run(r[0].toString(), r[1].toString(), r[2] == null ? null : r[2].toString(), filter, r[4].toString(), total, done,
                    ((Number) r[7]).longValue(), ((Number) r[8]).longValue(), done >= total ? "DONE" : "RUNNING", summary(id));
        });
    }

    @SuppressWarnings("unchecked")
    private Summary summary(UUID id) {
        List<StatusChange> byStatus = ((List<Object[]>) em.createNativeQuery("select old_status, new_status, count(*) from redetermination_item "
                        + "where job_id = :id and changed group by old_status, new_status order by 3 desc, 1, 2").setParameter("id", id).getResultList())
                .stream().map(r -> new StatusChange(r[0].toString(), r[1].toString(), ((Number) r[2]).longValue())).toList();
        List<ChapterImpact> byChapter = ((List<Object[]>) em.createNativeQuery("select coalesce(chapter, '??'), count(*), count(*) filter (where changed), "
                        + "count(*) filter (where changed and old_status = 'ORIGINATING'), count(*) filter (where changed and new_status = 'ORIGINATING') "
                        + "from redetermination_item where job_id = :id and state = 'DONE' group by 1 order by 3 desc, 1").setParameter("id", id).getResultList())
                .stream().map(r -> new ChapterImpact(r[0].toString(), n(r[1]), n(r[2]), n(r[3]), n(r[4]))).toList();
        List<ValueImpact> byValue = ((List<Object[]>) em.createNativeQuery("select coalesce(currency, '???'), coalesce(sum(good_value), 0), "
                        + "coalesce(sum(good_value) filter (where changed), 0), coalesce(sum(good_value) filter (where changed and old_status = 'ORIGINATING'), 0), "
                        + "coalesce(sum(good_value) filter (where changed and new_status = 'ORIGINATING'), 0) "
                        + "from redetermination_item where job_id = :id and state = 'DONE' group by 1 order by 1").setParameter("id", id).getResultList())
                .stream().map(r -> new ValueImpact(r[0].toString(), (BigDecimal) r[1], (BigDecimal) r[2], (BigDecimal) r[3], (BigDecimal) r[4])).toList();
        return new Summary(byStatus, byChapter, byValue);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    /** One page of a run's changes, and how many there are in all. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ScenarioRunChanges")
    public record ChangesPage(List<Change> items, int page, int size, long total) {
    }

    private static final String CHANGES_FROM = " from redetermination_item i join determination d on d.id = i.determination_id where i.job_id = :id and i.changed";
    /** Largest value first, then part number and id: a stable order, so pages never overlap. */
    private static final String CHANGES_ORDER = " order by i.good_value desc nulls last, d.part_number, i.determination_id";
    /** Changes the CSV reads in one short transaction. */
    private static final int STREAM_CHUNK = 500;

    /**
     * One page of the determinations whose status would change, with the scenario's reasons that the law's answer lacks.
     * Paged so that a run with hundreds of thousands of changes is never built on the heap at once (security review 2026-12-05).
     */
    @SuppressWarnings("unchecked")
    public ChangesPage changes(UUID id, String tenant, String chapter, int page, int size) {
        run(id, tenant);
        return QuarkusTransaction.requiringNew().call(() -> {
            Query count = em.createNativeQuery("select count(*)" + CHANGES_FROM + (chapter == null ? "" : " and i.chapter = :chapter")).setParameter("id", id);
            if (chapter != null) {
                count.setParameter("chapter", chapter);
            }
            long total = ((Number) count.getSingleResult()).longValue();
            List<Change> items = new ArrayList<>();
            for (Object[] r : (List<Object[]>) changesQuery(id, chapter).setFirstResult(page * size).setMaxResults(size).getResultList()) {
                items.add(change(r));
            }
            return new ChangesPage(items, page, size, total);
        });
    }

    /**
     * Every change of the run, in the order of the pages, handed one at a time to the consumer: the CSV form writes them as
     * they come, so its memory does not grow with the run. Read 500 at a time, each chunk in a short transaction of its own
     * and after the last change of the one before (keyset on the pages' order), so a slow reader of the CSV holds no
     * transaction or connection while it reads (it held one for the whole answer through a cursor before).
     */
    @SuppressWarnings("unchecked")
    public void eachChange(UUID id, String tenant, String chapter, java.util.function.Consumer<Change> consumer) {
        run(id, tenant);
        Change last = null;
        while (true) {
            Change after = last;
            List<Change> chunk = QuarkusTransaction.requiringNew().call(() -> {
                Query query = changesQuery(id, chapter, after).setMaxResults(STREAM_CHUNK);
                List<Change> changes = new ArrayList<>(STREAM_CHUNK);
                for (Object[] r : (List<Object[]>) query.getResultList()) {
                    changes.add(change(r));
                }
                return changes;
            });
            chunk.forEach(consumer);
            if (chunk.size() < STREAM_CHUNK) {
                return;
            }
            last = chunk.get(chunk.size() - 1);
        }
    }

    private Query changesQuery(UUID id, String chapter) {
        return changesQuery(id, chapter, null);
    }

    /**
     * The changes in the pages' order, after {@code after} when given. The condition spells out the order (value descending,
     * nulls last; part number ascending, nulls last; determination id), because a row comparison does not follow "desc" or
     * "nulls last".
     */
    private Query changesQuery(UUID id, String chapter, Change after) {
        String keyset = "";
        if (after != null) {
            String tail = after.partNumber() == null ? "(d.part_number is null and i.determination_id > :afterId)"
                    : "(d.part_number > :afterPart or d.part_number is null or (d.part_number = :afterPart and i.determination_id > :afterId))";
            keyset = " and " + (after.value() == null ? "(i.good_value is null and " + tail + ")"
                    : "(i.good_value < :afterValue or i.good_value is null or (i.good_value = :afterValue and " + tail + "))");
        }
        Query query = em.createNativeQuery("select i.determination_id, d.part_number, d.hs_code, i.chapter, i.good_value, i.currency, i.old_status, "
                + "i.new_status, i.new_criterion, i.reasons" + CHANGES_FROM + (chapter == null ? "" : " and i.chapter = :chapter") + keyset + CHANGES_ORDER)
                .setParameter("id", id);
        if (chapter != null) {
            query.setParameter("chapter", chapter);
        }
        if (after != null) {
            query.setParameter("afterId", UUID.fromString(after.determinationId()));
            if (after.partNumber() != null) {
                query.setParameter("afterPart", after.partNumber());
            }
            if (after.value() != null) {
                query.setParameter("afterValue", after.value());
            }
        }
        return query;
    }

    private Change change(Object[] r) {
        List<ScenarioItems.ReasonView> reasons;
        try {
            reasons = r[9] == null ? List.of() : mapper.readValue(r[9].toString(), new TypeReference<List<ScenarioItems.ReasonView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Change(r[0].toString(), r[1] == null ? null : r[1].toString(), r[2].toString(), r[3] == null ? null : r[3].toString(),
                (BigDecimal) r[4], r[5] == null ? null : r[5].toString(), r[6].toString(), r[7].toString(), r[8] == null ? null : r[8].toString(), reasons);
    }
}
