package org.origincheck.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ConcurrentHashMap;
import org.origincheck.determination.DeterminationRecord;
import org.origincheck.determination.DeterminationStored;
import org.origincheck.determination.DeterminationsStored;

/**
 * Determinations stored, by status, origin criterion and rule pack version: what an operator watches after a pack
 * release (a jump in INSUFFICIENT_DATA, a criterion that disappears). Counted after the commit, so a rolled-back
 * determination is never counted. Every tag is bounded: three statuses, four criteria or "none", and the few pack
 * versions the service ships; no tenant, product or HS code (unbounded, and confidential).
 */
@ApplicationScoped
public class DeterminationMetrics {

    private final MeterRegistry registry;
    /** Bounded as the tags are (see above): a few dozen counters at most. */
    private final ConcurrentHashMap<Series, Counter> counters = new ConcurrentHashMap<>();

    public DeterminationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void stored(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeterminationStored stored) {
        count(stored.determination());
    }

    /** A part of a batch, counted once its transaction committed, as if each determination had been stored alone. */
    void storedTogether(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeterminationsStored stored) {
        for (DeterminationStored each : stored.determinations()) {
            count(each.determination());
        }
    }

    private void count(DeterminationRecord determination) {
        String criterion = determination.originCriterion == null ? "none" : determination.originCriterion;
        // Looked up in the registry once per tag set, not built and looked up for every determination (issue 19).
        counters.computeIfAbsent(new Series(determination.status, criterion, determination.rulePackVersion), series ->
                Counter.builder("origincheck.determinations")
                        .description("Determinations stored, by status, origin criterion and rule pack version")
                        .tag("status", series.status())
                        .tag("criterion", series.criterion())
                        .tag("pack_version", series.packVersion())
                        .register(registry))
                .increment();
    }

    private record Series(String status, String criterion, String packVersion) {
    }
}
