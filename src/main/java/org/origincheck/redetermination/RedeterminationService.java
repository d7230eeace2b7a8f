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
 * and lists those whose outcome changes. Work is claimed in batches with FOR UPDATE SKIP LOCKED, so replicas share
 * it and a restart resumes it; results go to redetermination_item, never to the determinations.
 */
@ApplicationScoped
public class RedeterminationService {

    private static final Logger LOG = Logger.getLogger(RedeterminationService.class);
    private static final int BATCH = 500;

    private final EntityManager em;
    private final DeterminationService determinations;
    private final SubmissionMapper submissions;
    private final RulePackRegistry packs;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "redetermination");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;

    public RedeterminationService(EntityManager em, DeterminationService determinations, SubmissionMapper submissions, RulePackRegistry packs) {
        this.em = em;
        this.determinations = determinations;
        this.submissions = submissions;
        this.packs = packs;
    }

    /** Unfinished jobs (from before a restart, or another replica's) are picked up again. */
    void resume(@Observes StartupEvent event) {
        List<?> pending = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct job_id from redetermination_item where state = 'PENDING'").getResultList());
        for (Object job : pending) {
            start(UUID.fromString(job.toString()));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        workers.shutdown();
    }

    public record Job(String id, String asOf, String rulePackVersion, int total, long done, long changed, long failed, String state) {
    }

    public record Change(String determinationId, String partNumber, String oldStatus, String newStatus, String newCriterion) {
    }

    public Job create(String tenant, String actor, LocalDate asOf) {
        RulePack pack = packs.inForce(DeterminationService.DEFAULT_PACK, asOf != null ? asOf : LocalDate.now())
                .orElseThrow(() -> ApiException.unprocessable("asOf", "no rule pack is in force on that date"));
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into redetermination_job (id, tenant_id, requested_by, created_at, as_of, rule_pack_version, rule_pack_sha256, total) "
                            + "values (:id, :tenant, :actor, :now, cast(:asOf as date), :version, :sha, (select count(*) from determination where tenant_id = :tenant))")
                    .setParameter("id", id).setParameter("tenant", tenant).setParameter("actor", actor).setParameter("now", Instant.now())
                    .setParameter("asOf", asOf == null ? null : asOf.toString()).setParameter("version", pack.version()).setParameter("sha", pack.sha256()).executeUpdate();
            em.createNativeQuery("insert into redetermination_item (job_id, determination_id, old_status) "
                            + "select :id, d.id, d.status from determination d where d.tenant_id = :tenant")
                    .setParameter("id", id).setParameter("tenant", tenant).executeUpdate();
        });
        start(id);
        return job(id, tenant);
    }

    /**
     * Re-evaluates only the given determinations of the tenant, each on its own asOf (for example those that relied on
     * a supplier declaration just revoked). Ids not stored in the tenant are ignored.
     */
    public Job createFor(String tenant, String actor, List<UUID> determinationIds) {
        RulePack pack = packs.inForce(DeterminationService.DEFAULT_PACK, LocalDate.now())
                .orElseThrow(() -> ApiException.unprocessable("asOf", "no rule pack is in force today"));
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into redetermination_job (id, tenant_id, requested_by, created_at, as_of, rule_pack_version, rule_pack_sha256, total) "
                            + "values (:id, :tenant, :actor, :now, null, :version, :sha, 0)")
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
        start(id);
        return job(id, tenant);
    }

    private void start(UUID job) {
        for (int i = 0; i < 2; i++) {
            workers.submit(() -> work(job));
        }
    }

    /** One worker: claim a batch, evaluate it, record the results, commit; until nothing is left. */
    private void work(UUID job) {
        try {
            while (!stopping && QuarkusTransaction.requiringNew().call(() -> batch(job)) > 0) {
                // next batch
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-determination job %s: a worker stopped; the job resumes at the next start", job);
        }
    }

    @SuppressWarnings("unchecked")
    private int batch(UUID job) {
        Object[] header = (Object[]) em.createNativeQuery("select as_of, tenant_id from redetermination_job where id = :id")
                .setParameter("id", job).getSingleResult();
        LocalDate asOf = header[0] == null ? null : header[0] instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(header[0].toString());
        String tenant = header[1].toString();
        List<Object[]> claimed = em.createNativeQuery("select i.determination_id, d.submission, d.submission_media_type, d.submission_parameters, d.as_of "
                        + "from redetermination_item i join determination d on d.id = i.determination_id "
                        + "where i.job_id = :job and i.state = 'PENDING' order by i.determination_id limit " + BATCH + " for update of i skip locked")
                .setParameter("job", job).getResultList();
        List<Object[]> results = new java.util.ArrayList<>(claimed.size());
        for (Object[] row : claimed) {
            String status = null, criterion = null, error = null;
            try {
                BomSubmission submission = "text/csv".equals(row[2]) ? CsvBillOfMaterials.read((String) row[1], parameters((String) row[3]))
                        : submissions.parse((String) row[1]);
                LocalDate date = asOf != null ? asOf : row[4] instanceof java.sql.Date d ? d.toLocalDate() : LocalDate.parse(row[4].toString());
                BomSubmission dated = new BomSubmission(submission.reference(), date, submission.rulePack(), submission.good(), submission.materials(),
                        submission.automotive());
                Evaluation evaluation = determinations.evaluate(submissions.toBom(dated, tenant), dated.rulePack());
                status = evaluation.status().name();
                criterion = evaluation.originCriterion() == null ? null : evaluation.originCriterion().name();
            } catch (RuntimeException e) {
                error = e instanceof ApiException a ? a.problem().detail() : e instanceof DeterminationRefused r ? r.getMessage() : e.getClass().getSimpleName();
            }
            results.add(new Object[] {row[0], error == null ? "DONE" : "FAILED", status, criterion, error});
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
                            + "from redetermination_job j where j.id = :id and j.tenant_id = :tenant")
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

    @SuppressWarnings("unchecked")
    public List<Change> changes(UUID id, String tenant) {
        job(id, tenant);
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) em.createNativeQuery(
                        "select i.determination_id, d.part_number, i.old_status, i.new_status, i.new_criterion from redetermination_item i "
                                + "join determination d on d.id = i.determination_id where i.job_id = :id and i.changed order by d.part_number, i.determination_id")
                .setParameter("id", id).getResultList()).stream()
                .map(r -> new Change(r[0].toString(), r[1] == null ? null : r[1].toString(), r[2].toString(), r[3].toString(),
                        r[4] == null ? null : r[4].toString())).toList());
    }
}
