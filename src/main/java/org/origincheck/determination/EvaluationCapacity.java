package org.origincheck.determination;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Material;

/**
 * How many materials may be in evaluation at once. An evaluation holds its whole bill of materials and the engine's working
 * memory; four submissions of 50,000 materials at once ran the 256 MB heap of bench/http.sh out of memory and answered 500
 * (docs/benchmarks.md). Each evaluation takes as many permits as it has materials (over all levels, capped at the capacity,
 * so one submission at the limit still runs alone); the others wait in order of arrival, and one that waits longer than
 * {@code origincheck.limits.evaluation-wait-seconds} is refused as {@link DeterminationRefused.Reason#BUSY} (503 with Retry-After at the edge), nothing stored. Small BOMs take few
 * permits, so they pass while a large one runs.
 */
@ApplicationScoped
public class EvaluationCapacity {

    private final int capacity;
    private final long waitSeconds;
    private final Semaphore permits;

    @jakarta.inject.Inject
    EvaluationCapacity(org.origincheck.config.LimitsConfig limits) {
        this(limits.materialsInEvaluation(), limits.evaluationWaitSeconds());
    }

    EvaluationCapacity(int capacity, long waitSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("origincheck.limits.materials-in-evaluation must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.waitSeconds = waitSeconds;
        this.permits = new Semaphore(capacity, true);
    }

    /** Runs {@code evaluation} once the BOM's materials fit in what is being evaluated. */
    public <T> T evaluate(BillOfMaterials bom, Supplier<T> evaluation) {
        int weight = Math.max(1, (int) Math.min(capacity, materials(bom.materials())));
        boolean acquired;
        try {
            acquired = permits.tryAcquire(weight, waitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw DeterminationRefused.busy("other large bills of materials are being"
                    + " evaluated (origincheck.limits.materials-in-evaluation); nothing was stored; retry the same request (with its"
                    + " Idempotency-Key) shortly");
        }
        try {
            return evaluation.get();
        } finally {
            permits.release(weight);
        }
    }

    /** Permits free now (for tests and metrics). */
    int available() {
        return permits.availablePermits();
    }

    private static long materials(List<Material> materials) {
        long count = materials.size();
        for (Material material : materials) {
            if (material.intermediate() != null) {
                count += materials(material.intermediate().components());
            }
        }
        return count;
    }
}
