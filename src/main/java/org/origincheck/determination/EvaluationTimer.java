package org.origincheck.determination;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code origincheck_evaluation_seconds}: the rule evaluation of one bill of materials, the series that
 * deploy/monitoring/grafana-dashboard.json and deploy/README.md show. It was made by {@code @Timed} on
 * DeterminationService, whose interceptor built and looked up its timer in the registry on every call (about 2.4% of a
 * batch's CPU samples, docs/benchmarks.md, issue 19); here each timer is looked up once and kept. The series are the
 * ones the interceptor made, to the letter: the same name, description and tags ({@code class}, {@code method},
 * {@code exception}: "none", or the simple name of the exception's cause, else of the exception), registered on first
 * use, no histogram and no percentiles. DeterminationMetricsTest checks them. Here, not in metrics/, which already
 * depends on this package (DeterminationMetrics observes its events): ArchitectureTest refuses a cycle.
 */
@ApplicationScoped
public class EvaluationTimer {

    public static final String NAME = "origincheck.evaluation";
    static final String DESCRIPTION = "Rule evaluation of one bill of materials (stored or not)";
    /** The class the series were tagged with under {@code @Timed}: the evaluating service's. */
    static final String TIMED_CLASS = "org.origincheck.determination.DeterminationService";
    private static final String NO_EXCEPTION = "none";

    private final MeterRegistry registry;
    /** "method exception" to its timer: two methods, and a few exceptions at most. */
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    public EvaluationTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code evaluation} and records its time under {@code method} (answer, assess), as the interceptor did. */
    public <T> T time(String method, Supplier<T> evaluation) {
        Timer.Sample sample = Timer.start(registry);
        String exception = NO_EXCEPTION;
        try {
            return evaluation.get();
        } catch (RuntimeException e) {
            exception = exceptionTag(e);
            throw e;
        } finally {
            sample.stop(timer(method, exception));
        }
    }

    private Timer timer(String method, String exception) {
        String key = method + ' ' + exception;
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder(NAME).description(DESCRIPTION)
                    .tag("class", TIMED_CLASS).tag("method", method).tag("exception", exception)
                    .publishPercentileHistogram(false) // as @Timed's interceptor set it (histogram = false)
                    .register(registry));
        }
        return timer;
    }

    /** Quarkus' tag for a failed call: the cause's simple class name when there is a cause, else the exception's. */
    static String exceptionTag(Throwable failure) {
        Throwable named = failure.getCause() != null ? failure.getCause() : failure;
        return named.getClass().getSimpleName();
    }
}
