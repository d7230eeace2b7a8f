// Issue 19: CPU time of the thread and bytes allocated per evaluation of bench/bom-50.json as a single request evaluates it
// (DeterminationService.answer: MultiLevelEvaluation.evaluate through the Drools engine, then the path to qualify or the headroom),
// of packaged services (target/quarkus-app or copies of it) loaded side by side in one JVM, each in its own class loader with its
// own bundled rule pack and prebuilt Drools model, alternating round by round (which goes first alternates too). The BOM is made
// from the JSON by each service's own SubmissionMapper (BatchLineCost.App). Refuses to measure if two services answer differently.
// Usage (JDK 22 or later, which compiles the other bench/*.java it uses): java bench/EvaluationCost.java [rounds] [evaluations per round] app-folder...
// Prints, per app, the median over rounds of CPU µs and KB allocated per evaluation (and of its path to qualify alone), and the
// median per-round ratio of CPU to the first app.
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class EvaluationCost {

    /** Held, so that the levels outlive a collection of the loggers. */
    static final List<java.util.logging.Logger> QUIET = new ArrayList<>();

    /** One packaged service: the BOM its mapper made, its engine with the bundled pack compiled, and the calls measured. */
    record Service(String folder, ClassLoader loader, Object bom, Object engine, Object pack, Method evaluate, Method withPathToQualify) {

        static Service load(String folder, String json) throws Exception {
            BatchLineCost.App app = BatchLineCost.App.load(folder);
            ClassLoader loader = app.loader();
            // Drools' log levels as the service sets them (org.drools and org.kie at WARN): outside Quarkus the JBoss LogManager
            // leaves TRACE on, and Drools formats a line per rule firing (DroolsLogLevels in the tests does the same).
            Class<?> logContext = loader.loadClass("org.jboss.logmanager.LogContext");
            Object context = logContext.getMethod("getLogContext").invoke(null);
            for (String category : new String[] {"org.drools", "org.kie"}) {
                java.util.logging.Logger logger = (java.util.logging.Logger) logContext.getMethod("getLogger", String.class).invoke(context, category);
                logger.setLevel(java.util.logging.Level.WARNING);
                QUIET.add(logger);
            }
            Object bom = app.toBom().invoke(app.submissions(), app.parse().invoke(app.submissions(), json), "load");
            Class<?> sourceType = loader.loadClass("org.origincheck.rulepack.PackSource");
            Object source = sourceType.getMethod("classpath", String.class, ClassLoader.class).invoke(null, "rules/usmca", loader);
            Class<?> loaderType = loader.loadClass("org.origincheck.rulepack.RulePackLoader");
            Object loaded = loaderType.getMethod("load", sourceType, loader.loadClass("org.origincheck.rulepack.RulePackOverlay"))
                    .invoke(loaderType.getConstructor().newInstance(), source, null);
            Class<?> engineType = loader.loadClass("org.origincheck.engine.DroolsOriginEngine");
            Object engine = engineType.getConstructor(ClassLoader.class).newInstance(loader);
            System.out.println(folder + ": " + engineType.getMethod("compile", loaded.getClass()).invoke(engine, loaded));
            Object pack = loaded.getClass().getMethod("pack").invoke(loaded);
            Class<?> multiLevel = loader.loadClass("org.origincheck.domain.evaluation.MultiLevelEvaluation");
            Method evaluate = multiLevel.getMethod("evaluate", loader.loadClass("org.origincheck.domain.evaluation.OriginEngine"),
                    loader.loadClass("org.origincheck.domain.bom.BillOfMaterials"), loader.loadClass("org.origincheck.domain.rules.RulePack"));
            Method withPath = loader.loadClass("org.origincheck.domain.evaluation.MultiLevelEvaluation$Assessed")
                    .getMethod("withPathToQualify", loader.loadClass("org.origincheck.domain.rules.RulePack"));
            return new Service(folder, loader, bom, engine, pack, evaluate, withPath);
        }

        /** What the single request answers (the evaluation with its path to qualify or headroom), as text to compare services by. */
        String answer() throws Exception {
            Thread.currentThread().setContextClassLoader(loader);
            return withPathToQualify.invoke(evaluate.invoke(null, engine, bom, pack), pack).toString();
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int evaluations = Integer.parseInt(args[1]);
        String json = Files.readString(Path.of("bench/bom-50.json")).strip();
        List<Service> services = new ArrayList<>();
        for (int i = 2; i < args.length; i++) services.add(Service.load(args[i], json));
        String first = services.get(0).answer();
        for (Service s : services) {
            if (!s.answer().equals(first)) {
                throw new IllegalStateException(s.folder() + " answers bench/bom-50.json differently from " + services.get(0).folder() + "; not measuring");
            }
        }
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int warm = Math.max(5, rounds / 4);
        int n = services.size();
        double[][] all = new double[n][rounds], path = new double[n][rounds], kb = new double[n][rounds];
        long sink = 0;
        for (int r = -warm; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int a = ((r & 1) == 0) ? k : n - 1 - k; // which goes first alternates
                Service s = services.get(a);
                Thread.currentThread().setContextClassLoader(s.loader());
                long evalNs = 0, pathNs = 0;
                long bytes = bean.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < evaluations; i++) {
                    long t0 = bean.getCurrentThreadCpuTime();
                    Object assessed = s.evaluate().invoke(null, s.engine(), s.bom(), s.pack());
                    long t1 = bean.getCurrentThreadCpuTime();
                    Object answered = s.withPathToQualify().invoke(assessed, s.pack());
                    long t2 = bean.getCurrentThreadCpuTime();
                    evalNs += t1 - t0;
                    pathNs += t2 - t1;
                    sink += answered == null ? 0 : 1;
                }
                if (r >= 0) {
                    all[a][r] = (evalNs + pathNs) / 1000.0 / evaluations;
                    path[a][r] = pathNs / 1000.0 / evaluations;
                    kb[a][r] = (bean.getCurrentThreadAllocatedBytes() - bytes) / 1024.0 / evaluations;
                }
            }
        }
        System.out.printf("%s, %d rounds of %d evaluations of bench/bom-50.json after %d warm-up rounds, CPU time of the thread (sink %d)%n",
                System.getProperty("java.vm.version"), rounds, evaluations, warm, sink);
        for (int a = 0; a < n; a++) {
            System.out.printf("%-30s %7.1f µs/evaluation (of it the path to qualify or headroom %6.1f), %6.1f KB allocated%s%n", services.get(a).folder(),
                    BatchLineCost.median(all[a]), BatchLineCost.median(path[a]), BatchLineCost.median(kb[a]),
                    a == 0 ? "" : String.format(", ratio to the first per round: %.3f (quartiles %.3f-%.3f)", BatchLineCost.medianRatio(all[a], all[0]),
                            quartile(all[a], all[0], 1), quartile(all[a], all[0], 3)));
        }
    }

    static double quartile(double[] x, double[] base, int q) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i] / base[i];
        java.util.Arrays.sort(r);
        return r[Math.min(r.length - 1, r.length * q / 4)];
    }
}
