import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CPU time of the measuring thread per call of what a single determination did for its metrics and its caller (issue 19,
 * branch i19v), the way before against the way now, alternating round by round:
 * - the evaluation timer: built and looked up in the registry on every call, as Quarkus' @Timed interceptor does, against
 *   a timer looked up once and kept (determination/EvaluationTimer);
 * - the determinations counter: built and looked up for every stored determination, against one kept per tag set
 *   (metrics/DeterminationMetrics);
 * - the tenant claim's check: String.matches (a pattern compiled per call) twice a request, against a compiled pattern once.
 * Run: java -cp "target/quarkus-app/lib/main/*" bench/MeterLookupCost.java [rounds] [calls per round]
 */
public class MeterLookupCost {

    static final String NAME = "origincheck.evaluation";
    static final String DESCRIPTION = "Rule evaluation of one bill of materials (stored or not)";
    static final String CLASS = "org.origincheck.determination.DeterminationService";
    static volatile Object sink;

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        MeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
        Pattern tenant = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String[] names = {"timer looked up per call", "timer kept", "counter looked up per call", "counter kept",
                "tenant: String.matches twice", "tenant: compiled pattern once"};
        Runnable[] work = {
                () -> {
                    Timer.Sample sample = Timer.start(registry);
                    Tags common = Tags.of("class", CLASS, "method", "answer");
                    sample.stop(Timer.builder(NAME).description(DESCRIPTION).tags(Tags.concat(common, new String[0])).tag("exception", "none")
                            .publishPercentileHistogram(false).publishPercentiles((double[]) null).register(registry));
                },
                () -> {
                    Timer.Sample sample = Timer.start(registry);
                    String key = "answer" + ' ' + "none";
                    Timer t = timers.get(key);
                    if (t == null) {
                        t = timers.computeIfAbsent(key, k -> Timer.builder(NAME).description(DESCRIPTION).tag("class", CLASS)
                                .tag("method", "answer").tag("exception", "none").publishPercentileHistogram(false).register(registry));
                    }
                    sample.stop(t);
                },
                () -> Counter.builder("origincheck.determinations").description("Determinations stored")
                        .tag("status", "ORIGINATING").tag("criterion", "B").tag("pack_version", "2026.12.2").register(registry).increment(),
                () -> counters.computeIfAbsent("ORIGINATING B 2026.12.2", k -> Counter.builder("origincheck.determinations")
                        .description("Determinations stored").tag("status", "ORIGINATING").tag("criterion", "B")
                        .tag("pack_version", "2026.12.2").register(registry)).increment(),
                () -> sink = "load".matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") && "load".matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}"),
                () -> sink = tenant.matcher("load").matches()};
        double[][] ns = new double[work.length][rounds];
        for (int r = -3; r < rounds; r++) { // three rounds of warm-up
            for (int w = 0; w < work.length; w++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < calls; i++) {
                    work[w].run();
                }
                if (r >= 0) {
                    ns[w][r] = (cpu.getCurrentThreadCpuTime() - t0) / (double) calls;
                }
            }
        }
        System.out.printf("%s, %d rounds of %,d calls, median CPU time per call of the measuring thread:%n", System.getProperty("java.version"), rounds, calls);
        for (int w = 0; w < work.length; w++) {
            double[] sorted = ns[w].clone();
            java.util.Arrays.sort(sorted);
            System.out.printf("  %-32s %8.0f ns (rounds %.0f-%.0f)%n", names[w], sorted[rounds / 2], sorted[0], sorted[rounds - 1]);
        }
    }
}
