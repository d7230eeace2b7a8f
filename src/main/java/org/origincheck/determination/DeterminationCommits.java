package org.origincheck.determination;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.origincheck.determination.DeterminationService.Stored;
import org.origincheck.determination.DeterminationWriter.Prepared;

/**
 * Stores single determinations ({@code POST /api/v1/determinations}) by group commit ({@link GroupCommit}): the
 * determinations concurrent requests made are written in one statement, as a batch's lines are
 * ({@link DeterminationWriter#storeTogether}), each with everything written with it today (its review, supplier parts
 * and idempotency key), and each request is answered once that transaction committed. A quiet service writes each
 * request at once, alone, as before. Configured by {@code origincheck.group-commit.*}
 * (application.properties, docs/benchmarks.md).
 */
@ApplicationScoped
class DeterminationCommits {

    private final DeterminationWriter writer;
    private final GroupCommit<Prepared, Stored> group;
    private final boolean enabled;

    DeterminationCommits(DeterminationWriter writer, MeterRegistry registry,
                         @ConfigProperty(name = "origincheck.group-commit.enabled", defaultValue = "true") boolean enabled,
                         @ConfigProperty(name = "origincheck.group-commit.queue-limit", defaultValue = "256") int queueLimit,
                         @ConfigProperty(name = "origincheck.group-commit.max-group", defaultValue = "64") int maxGroup) {
        this.writer = writer;
        this.enabled = enabled;
        this.group = new GroupCommit<>(new Store(), queueLimit, maxGroup);
        Gauge.builder("origincheck.group.commit.waiting", group, GroupCommit::waiting)
                .description("Single determinations waiting to be stored with the group being written").register(registry);
        FunctionCounter.builder("origincheck.group.commit.groups", group, GroupCommit::groups)
                .description("Transactions that stored single determinations (a lone one counts as a group of one)").register(registry);
        FunctionCounter.builder("origincheck.group.commit.determinations", group, GroupCommit::grouped)
                .description("Single determinations stored by those transactions").register(registry);
        FunctionCounter.builder("origincheck.group.commit.fallbacks", group, GroupCommit::fallbacks)
                .description("Groups whose transaction failed and whose determinations were stored again one by one").register(registry);
    }

    /** Stores one request's determination and returns its answer once committed: a replay or a refusal as {@link DeterminationWriter#storeAlone}. */
    Stored store(Prepared prepared) {
        if (!enabled) {
            return writer.storeAlone(prepared);
        }
        try {
            return group.commit(prepared);
        } catch (GroupCommit.Full full) {
            throw DeterminationRefused.busy(full.getMessage() + " (origincheck.group-commit.queue-limit); nothing was stored; retry the"
                    + " same request (with its Idempotency-Key) shortly");
        }
    }

    /** Rows waiting now (tests). */
    int waiting() {
        return group.waiting();
    }

    long fallbacks() {
        return group.fallbacks();
    }

    private final class Store implements GroupCommit.Store<Prepared, Stored> {

        @Override
        public void together(List<Prepared> rows) {
            writer.storeTogether(rows); // one statement, all or nothing; each row carries its tenant
        }

        @Override
        public Stored answer(Prepared row) {
            return row.stored();
        }

        @Override
        public Stored alone(Prepared row) {
            return writer.storeAlone(row);
        }

        @Override
        public boolean unreachable(RuntimeException failure) {
            return DatabaseUnreachable.test(failure);
        }

        @Override
        public Object conflictKey(Prepared row) {
            return row.idempotencyKey() == null ? null : List.of(row.record().tenantId, row.idempotencyKey());
        }
    }
}
