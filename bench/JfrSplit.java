import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the service's CPU went in a JFR recording (bench/profile.sh): the execution samples split by the phase of a
 * determination they were taken in (the innermost of the service's own methods below that a stack passes through),
 * by the library the sampled method belongs to, and the methods sampled most; allocation samples by phase; GC pauses.
 * Run with the JDK alone: java bench/JfrSplit.java recording.jfr [determinations [phase]]; with a phase (the start of its
 * name), also the methods on the stack most often within that phase (inclusive), to see what in it costs.
 */
public class JfrSplit {

    /** Innermost wins: listed from the inside of a request outwards; the first frame (leaf first) that matches names the phase. */
    private static final List<String[]> PHASES = List.of(
            new String[]{"token (JWT verification, cache)", "org.origincheck.security.VerifiedTokenCache", "io.smallrye.jwt", "org.jose4j",
                    "io.quarkus.smallrye.jwt"},
            new String[]{"metrics (counter after commit)", "org.origincheck.metrics.DeterminationMetrics"},
            new String[]{"review rows (event, status)", "org.origincheck.review.ReviewService.recordInitial", "org.origincheck.review.ReviewService.opened"},
            new String[]{"supplier uses", "org.origincheck.domain.supplier", "org.origincheck.supplier"},
            new String[]{"idempotency", "org.origincheck.determination.IdempotencyRecord"},
            new String[]{"response JSON (write once)", "org.origincheck.determination.rest.JsonEvidenceFormat", "DeterminationResponse.of"},
            new String[]{"evaluation (engine, path to qualify)", "org.origincheck.determination.DeterminationService.answer",
                    "org.origincheck.determination.DeterminationService.assess", "org.origincheck.domain.evaluation.MultiLevelEvaluation"},
            new String[]{"request hash (SHA-256)", "org.origincheck.determination.DeterminationService.sha256"},
            new String[]{"storage (rows, flush, commit)", "org.origincheck.determination.DeterminationWriter.store",
                    "org.origincheck.determination.DeterminationWriter.lambda$store", "org.origincheck.determination.DeterminationBatches.lambda$createAll",
                    "io.quarkus.narayana.jta.QuarkusTransaction"},
            new String[]{"submission: validation and mapping", "org.origincheck.determination.rest.SubmissionMapper.toBom"},
            new String[]{"submission: JSON parse", "org.origincheck.determination.rest.SubmissionMapper.parse",
                    "org.origincheck.determination.rest.DeterminationBatchResource.envelope"},
            new String[]{"batch: answers and lines", "org.origincheck.determination.rest.DeterminationBatchResource"},
            new String[]{"request: resource (other)", "org.origincheck.determination.rest.DeterminationResource"},
            new String[]{"HTTP, routing, security, body (outside the resource)", "io.vertx", "io.netty", "org.jboss.resteasy", "io.quarkus.vertx",
                    "io.quarkus.resteasy", "io.quarkus.security", "io.quarkus.smallrye"});

    private static final String[][] LIBRARIES = {
            {"Drools / KIE", "org.drools", "org.kie", "org.mvel"},
            {"Jackson", "com.fasterxml.jackson"},
            {"Hibernate Validator", "org.hibernate.validator"},
            {"Hibernate ORM", "org.hibernate"},
            {"PostgreSQL JDBC", "org.postgresql"},
            {"Agroal pool / Narayana", "io.agroal", "com.arjuna", "io.quarkus.narayana"},
            {"Vert.x / Netty", "io.vertx", "io.netty"},
            {"RESTEasy", "org.jboss.resteasy"},
            {"JWT / crypto", "io.smallrye.jwt", "org.jose4j", "sun.security", "com.sun.crypto", "java.security"},
            {"Micrometer", "io.micrometer"},
            {"CDI (ArC) / Quarkus", "io.quarkus"},
            {"OriginCheck", "org.origincheck"},
            {"java.math", "java.math"},
            {"java.util / collections", "java.util"},
            {"java.lang / strings", "java.lang"},
            {"JDK other", "java.", "jdk.", "sun."}};

    public static void main(String[] args) throws Exception {
        long determinations = args.length > 1 ? Long.parseLong(args[1]) : 0;
        String focus = args.length > 2 ? args[2] : null;
        Map<String, Long> focusInclusive = new HashMap<>();
        long focusSamples = 0;
        Map<String, Long> byPhase = new LinkedHashMap<>();
        Map<String, Map<String, Long>> phaseLibraries = new HashMap<>();
        Map<String, Long> byLibrary = new TreeMap<>();
        Map<String, Long> byMethod = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        long samples = 0;
        long allocatedTotal = 0;
        double gcPauseMs = 0;
        int gcs = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                gcs++;
                continue;
            }
            boolean execution = type.equals("jdk.ExecutionSample");
            boolean allocation = type.equals("jdk.ObjectAllocationSample");
            if (!execution && !allocation) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            String phase = phase(stack.getFrames());
            if (allocation) {
                long weight = e.getLong("weight");
                allocated.merge(phase, weight, Long::sum);
                allocatedTotal += weight;
                continue;
            }
            samples++;
            if (focus != null && phase.startsWith(focus)) {
                focusSamples++;
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (RecordedFrame f : stack.getFrames()) {
                    if (seen.add(name(f))) {
                        focusInclusive.merge(name(f), 1L, Long::sum);
                    }
                }
            }
            RecordedFrame leaf = stack.getFrames().get(0);
            String method = name(leaf);
            String library = library(method);
            byPhase.merge(phase, 1L, Long::sum);
            phaseLibraries.computeIfAbsent(phase, p -> new HashMap<>()).merge(library, 1L, Long::sum);
            byLibrary.merge(library, 1L, Long::sum);
            byMethod.merge(method, 1L, Long::sum);
        }
        System.out.printf("execution samples: %d; GC: %d collections, %.0f ms of pauses%s%n", samples, gcs, gcPauseMs,
                determinations > 0 ? String.format(" (%.3f ms per determination)", gcPauseMs / determinations) : "");
        System.out.println();
        System.out.println("| phase (innermost service method on the stack) | share of samples | leaf libraries (share within the phase) | allocated |");
        System.out.println("|---|---:|---|---:|");
        final long total = samples;
        final long allocatedAll = allocatedTotal;
        byPhase.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).forEach(p -> {
            StringBuilder libs = new StringBuilder();
            phaseLibraries.get(p.getKey()).entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(4)
                    .forEach(l -> libs.append(libs.length() == 0 ? "" : ", ").append(l.getKey()).append(' ')
                            .append(Math.round(100.0 * l.getValue() / p.getValue())).append('%'));
            System.out.printf("| %s | %.1f%% | %s | %.1f%% |%n", p.getKey(), 100.0 * p.getValue() / total, libs,
                    allocatedAll == 0 ? 0 : 100.0 * allocated.getOrDefault(p.getKey(), 0L) / allocatedAll);
        });
        System.out.println();
        System.out.println("| library of the sampled method | share |");
        System.out.println("|---|---:|");
        byLibrary.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(l -> System.out.printf("| %s | %.1f%% |%n", l.getKey(), 100.0 * l.getValue() / total));
        System.out.println();
        System.out.println("methods sampled most (self):");
        byMethod.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(30)
                .forEach(m -> System.out.printf("  %5.1f%%  %s%n", 100.0 * m.getValue() / total, m.getKey()));
        if (focus != null) {
            final long within = focusSamples;
            System.out.println();
            System.out.println("within '" + focus + "' (" + within + " samples), methods on the stack (inclusive, share of the phase):");
            focusInclusive.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(60)
                    .forEach(m -> System.out.printf("  %5.1f%%  %s%n", 100.0 * m.getValue() / within, m.getKey()));
        }
    }

    private static String phase(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String method = name(f);
            for (String[] phase : PHASES) {
                for (int i = 1; i < phase.length; i++) {
                    if (method.startsWith(phase[i]) || method.contains("." + phase[i])) {
                        return phase[0];
                    }
                }
            }
        }
        return "other threads and code (GC is not sampled here)";
    }

    private static String library(String method) {
        for (String[] library : LIBRARIES) {
            for (int i = 1; i < library.length; i++) {
                if (method.startsWith(library[i])) {
                    return library[0];
                }
            }
        }
        return "other";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
