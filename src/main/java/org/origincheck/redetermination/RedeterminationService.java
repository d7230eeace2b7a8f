package org.origincheck.redetermination;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.origincheck.api.ApiException;
import org.origincheck.determination.rest.CsvBillOfMaterials;
import org.origincheck.determination.DeterminationRefused;
import org.origincheck.determination.DeterminationService;
import org.origincheck.determination.rest.SubmissionMapper;
import org.origincheck.determination.rest.BomSubmission;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.RulePackRegistry;

/**
 * Re-evaluates a tenant's stored determinations against the rule pack in force (optionally as of another date)
 * and lists those whose outcome changes. Work is claimed chunk by chunk, round-robin across tenants, with FOR UPDATE
 * SKIP LOCKED, so replicas share it fairly and a restart resumes it; results go to redetermination_item, never to the determinations.
 */
@ApplicationScoped
public class RedeterminationService {

    private static final Logger LOG = Logger.getLogger(RedeterminationService.class);
    /** Items per chunk: the unit of fairness between tenants (a tenant waits at most one chunk per other tenant). */
    private static final int BATCH = 100;
    private static final int WORKERS = 2;
    private static final long IDLE_POLL_MILLIS = 2000;

    private final EntityManager em;
    private final DeterminationService determinations;
    private final SubmissionMapper submissions;
    private final RulePackRegistry packs;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "redetermination");
        t.setDaemon(true);
        return t;
    });
    private final Object idle = new Object();
    private volatile boolean stopping;

    private final ScenarioItems scenarioItems;

    public RedeterminationService(EntityManager em, DeterminationService determinations, SubmissionMapper submissions, RulePackRegistry packs,
                                  ScenarioItems scenarioItems) {
        this.scenarioItems = scenarioItems;
        this.em = em;
        this.determinations = determinations;
        this.submissions = submissions;
        this.packs = packs;
    }

    /**
     * The workers start with the application and take chunks from every tenant's unfinished jobs, including jobs left by
     * a restart or submitted on another replica (they poll while idle).
     */
    void resume(@Observes StartupEvent event) {
        for (int i = 0; i < WORKERS; i++) {
            workers.submit(this::work);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        synchronized (idle) {
            idle.notifyAll();
        }
        workers.shutdown();
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RedeterminationJob")
    public record Job(String id, String asOf, String rulePackVersion, int total, long done, long changed, long failed, String state) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RedeterminationChange")
    public record Change(String determinationId, String partNumber, String oldStatus, String newStatus, String newCriterion) {
    }

    /** A job and whether this request created it (false: an identical job of the tenant was still running). */
    public record Started(Job job, boolean created) {
    }

    public Started create(String tenant, String actor, LocalDate asOf) {
        RulePack pack = packs.inForce(DeterminationService.DEFAULT_PACK, asOf != null ? asOf : LocalDate.now())
                .orElseThrow(() -> ApiException.unprocessable("asOf", "no rule pack is in force on that date"));
        UUID id = UUID.randomUUID();
        // The partial unique index redetermination_job_running decides, on every replica, whether an identical job runs.
        UUID started = QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("insert into redetermination_job (id, tenant_id, requested_by, created_at, as_of, rule_pack_version, rule_pack_sha256, total) "
                            + "values (:id, :tenant, :actor, :now, cast(:asOf as date), :version, :sha, (select count(*) from determination where tenant_id = :tenant)) "
                            + "on conflict (tenant_id, coalesce(as_of, date 'infinity'), rule_pack_sha256) where finished_at is null and not targeted do nothing")
                    .setParameter("id", id).setParameter("tenant", tenant).setParameter("actor", actor).setParameter("now", Instant.now())
                    .setParameter("asOf", asOf == null ? null : asOf.toString()).setParameter("version", pack.version()).setParameter("sha", pack.sha256()).executeUpdate();
            if (inserted == 0) {
                return null;
            }
            em.createNativeQuery("insert into redetermination_item (job_id, determination_id, old_status) "
                            + "select :id, d.id, d.status from determination d where d.tenant_id = :tenant")
                    .setParameter("id", id).setParameter("tenant", tenant).executeUpdate();
            return id;
        });
        if (started == null) {
            UUID running = QuarkusTransaction.requiringNew().call(() -> (UUID) em.createNativeQuery("select id from redetermination_job "
                            + "where tenant_id = :tenant and as_of is not distinct from cast(:asOf as date) and rule_pack_sha256 = :sha and finished_at is null and not targeted")
                    .setParameter("tenant", tenant).setParameter("asOf", asOf == null ? null : asOf.toString()).setParameter("sha", pack.sha256())
                    .getResultStream().findFirst().orElse(null));
            if (running != null) {
                return new Started(job(running, tenant), false);
            }
            return create(tenant, actor, asOf); // it finished in between: start a new one
        }
        synchronized (idle) {
            idle.notifyAll();
        }
        return new Started(job(id, tenant), true);
    }

    /**
     * Re-evaluates only the given determinations of the tenant, each on its own asOf (for example those that relied on
     * a supplier declaration just revoked). Ids not stored in the tenant are ignored. A targeted job is never merged with
     * another: it is not a duplicate of a tenant-wide one (V13's unique index leaves targeted jobs out).
     */
    public Job createFor(String tenant, String actor, List<UUID> determinationIds) {
        RulePack pack = packs.inForce(DeterminationService.DEFAULT_PACK, LocalDate.now())
                .orElseThrow(() -> ApiException.unprocessable("asOf", "no rule pack is in force today"));
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into redetermination_job (id, tenant_id, requested_by, created_at, as_of, rule_pack_version, rule_pack_sha256, total, targeted) "
                            + "values (:id, :tenant, :actor, :now, null, :version, :sha, 0, true)")
                    .setParameter("id", id).setParameter("tenant", tenant).setParameter("actor", actor).setParameter("now", Instant.now())
                    .setParameter("version", pack.version()).setParameter("sha", pack.sha256()).executeUpdate();
            int total = 0;
            for (UUID determination : new java.util.LinkedHashSet<>(determinationIds)) {
                total += em.createNativeQuery("insert into redetermination_item (job_id, determination_id, old_status) "
                                + "select :id, d.id, d.status from determination d where d.tenant_id = :tenant and d.id = :determination")
                        .setParameter("id", id).setParameter("tenant", tenant).setParameter("determination", determination).executeUpdate();
            }
            // The job row is the job's own bookkeeping (not evidence): its total is set once its items exist.
            em.createNativeQuery("update redetermination_job set total = :total where id = :id").setParameter("total", total).setParameter("id", id).executeUpdate();
        });
        synchronized (idle) {
            idle.notifyAll();
        }
        return job(id, tenant);
    }

    /** Wakes the idle workers: a job was just queued (a scenario run; re-determinations do it themselves). */
    public void wake() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** One worker: take the next chunk of the tenant least recently served, evaluate it, commit; wait while there is none. */
    private void work() {
        while (!stopping) {
            try {
                if (!QuarkusTransaction.requiringNew().call(this::nextChunk)) {
                    synchronized (idle) {
                        idle.wait(IDLE_POLL_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("re-determination worker: %s; retrying", e.toString());
                try {
                    Thread.sleep(IDLE_POLL_MILLIS);
                } catch (InterruptedException i) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims the unfinished job whose tenant was served least recently (ties: the job served least recently, then the
     * oldest) and evaluates one chunk of it. The job row stays locked until commit, so a job is worked by one worker at a
     * time and another worker (on any replica) skips to the next tenant's job.
     */
    private boolean nextChunk() {
        List<?> picked = em.createNativeQuery("select j.id from redetermination_job j where j.finished_at is null "
                        + "order by (select max(o.last_served_at) from redetermination_job o where o.tenant_id = j.tenant_id) asc nulls first, "
                        + "j.last_served_at asc nulls first, j.created_at, j.id limit 1 for update skip locked")
                .getResultList();
        if (picked.isEmpty()) {
            return false;
        }
        UUID job = picked.get(0) instanceof UUID u ? u : UUID.fromString(picked.get(0).toString());
        em.createNativeQuery("update redetermination_job set last_served_at = clock_timestamp() where id = :id").setParameter("id", job).executeUpdate();
        if (batch(job) == 0) {
            em.createNativeQuery("update redetermination_job set finished_at = clock_timestamp() where id = :id "
                            + "and not exists (select 1 from redetermination_item i where i.job_id = :id and i.state = 'PENDING')")
                    .setParameter("id", job).executeUpdate();
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private int batch(UUID job) {
        Object[] header = (Object[]) em.createNativeQuery("select as_of, tenant_id, scenario_id from redetermination_job where id = :id")
                .setParameter("id", job).getSingleResult();
        LocalDate asOf = header[0] == null ? null : header[0] instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(header[0].toString());
        String tenant = header[1].toString();
        String scenario = header[2] == null ? null : header[2].toString();
        List<Object[]> claimed = em.createNativeQuery("select i.determination_id, d.submission, d.submission_media_type, d.submission_parameters, d.as_of "
                        + "from redetermination_item i join determination d on d.id = i.determination_id "
                        + "where i.job_id = :job and i.state = 'PENDING' order by i.determination_id limit " + BATCH + " for update of i skip locked")
                .setParameter("job", job).getResultList();
        List<Object[]> results = new java.util.ArrayList<>(claimed.size());
        for (Object[] row : claimed) {
            String status = null, criterion = null, error = null;
            ScenarioItems.Outcome scenarioOutcome = null;
            try {
                BomSubmission submission = "text/csv".equals(row[2]) ? CsvBillOfMaterials.read((String) row[1], parameters((String) row[3]))
                        : submissions.parse((String) row[1]);
                LocalDate date = asOf != null ? asOf : row[4] instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(row[4].toString());
                BomSubmission dated = new BomSubmission(submission.reference(), date, submission.rulePack(), submission.good(), submission.materials(),
                        submission.automotive());
                if (scenario != null) {
                    scenarioOutcome = scenarioItems.evaluate(submissions.toBom(dated, tenant), dated.rulePack(), scenario);
                    status = scenarioOutcome.status();
                    criterion = scenarioOutcome.criterion();
                } else {
                    Evaluation evaluation = determinations.evaluate(submissions.toBom(dated, tenant), dated.rulePack());
                    status = evaluation.status().name();
                    criterion = evaluation.originCriterion() == null ? null : evaluation.originCriterion().name();
                }
            } catch (RuntimeException e) {
                error = e instanceof ApiException a ? a.problem().detail() : e instanceof DeterminationRefused r ? r.getMessage() : e.getClass().getSimpleName();
            }
            results.add(new Object[] {row[0], error == null ? "DONE" : "FAILED", status, criterion, error, scenarioOutcome});
        }
        // One JDBC batch for the whole claim, in the same transaction as the claim's row locks.
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement("update redetermination_item set state = ?, new_status = ?, "
                    + "new_criterion = ?, error = ?, changed = (?::text is not null and ?::text <> old_status), done_at = now() "
                    + "where job_id = ? and determination_id = ?")) {
                for (Object[] r : results) {
                    update.setString(1, (String) r[1]);
                    update.setString(2, (String) r[2]);
                    update.setString(3, (String) r[3]);
                    update.setString(4, (String) r[4]);
                    update.setString(5, (String) r[2]);
                    update.setString(6, (String) r[2]);
                    update.setObject(7, job);
                    update.setObject(8, r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()));
                    update.addBatch();
                }
                update.executeBatch();
            }
            if (scenario != null) {
                scenarioItems.record(connection, job, results);
            }
        });
        return claimed.size();
    }

    private static CsvBillOfMaterials.GoodParameters parameters(String query) {
        Map<String, String> p = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    p.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new CsvBillOfMaterials.GoodParameters(p.get("reference"), p.get("asOf"), p.get("rulePack"), p.get("partNumber"), p.get("description"),
                p.get("hsCode"), p.get("endUse"), p.get("producerCountry"), p.get("currency"), p.get("transactionValue"), p.get("netCost"));
    }

    public Job job(UUID id, String tenant) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = em.createNativeQuery("select j.id, j.as_of, j.rule_pack_version, j.total, "
                            + "(select count(*) from redetermination_item i where i.job_id = j.id and i.state <> 'PENDING'), "
                            + "(select count(*) from redetermination_item i where i.job_id = j.id and i.changed), "
                            + "(select count(*) from redetermination_item i where i.job_id = j.id and i.state = 'FAILED') "
                            + "from redetermination_job j where j.id = :id and j.tenant_id = :tenant and j.scenario_id is null")
                    .setParameter("id", id).setParameter("tenant", tenant).getResultList();
            if (found.isEmpty()) {
                throw ApiException.notFound("no re-determination " + id);
            }
            Object[] r = (Object[]) found.get(0);
            int total = ((Number) r[3]).intValue();
            long done = ((Number) r[4]).longValue();
            return new Job(r[0].toString(), r[1] == null ? null : r[1].toString(), r[2].toString(), total, done, ((Number) r[5]).longValue(),
                    ((Number) r[6]).longValue(), done >= total ? "DONE" : "RUNNING");
        });
    }

    /** One page of a job's changes, and how many there are in all. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "RedeterminationChanges")
    public record ChangesPage(List<Change> items, int page, int size, long total) {
    }

    /**
     * One page of the determinations whose outcome changes, by part number then id (a stable order, so pages never overlap).
     * Paged so that a job with hundreds of thousands of changes is never built on the heap at once (security review 2026-12-05).
     */
    @SuppressWarnings("unchecked")
    public ChangesPage changes(UUID id, String tenant, int page, int size) {
        job(id, tenant);
        return QuarkusTransaction.requiringNew().call(() -> {
            long total = ((Number) em.createNativeQuery("select count(*) from redetermination_item i where i.job_id = :id and i.changed")
                    .setParameter("id", id).getSingleResult()).longValue();
            List<Change> items = ((List<Object[]>) em.createNativeQuery(
                            "select i.determination_id, d.part_number, i.old_status, i.new_status, i.new_criterion from redetermination_item i "
                                    + "join determination d on d.id = i.determination_id where i.job_id = :id and i.changed order by d.part_number, i.determination_id")
                    .setParameter("id", id).setFirstResult(page * size).setMaxResults(size).getResultList()).stream()
                    .map(r -> new Change(r[0].toString(), r[1] == null ? null : r[1].toString(), r[2].toString(), r[3].toString(),
                            r[4] == null ? null : r[4].toString())).toList();
            return new ChangesPage(items, page, size, total);
        });
    }
}
