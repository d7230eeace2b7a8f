// Issue 19: CPU time of the thread per batch line for what the service does to a line before the evaluation: JSON parse
// (SubmissionMapper.parse) and Bean Validation with the mapping to the domain (SubmissionMapper.toBom), of packaged services
// (target/quarkus-app or copies of it) loaded side by side in one JVM, each in its own class loader, alternating round by round.
// The ObjectMapper is made as Quarkus makes it (its three modules, its defaults, then the service's JacksonConfig) and Hibernate
// Validator is bootstrapped with the service's ValidationMemory; no database: a material with its origin given needs none.
// Usage: java bench/BatchLineCost.java [rounds] [lines per round] app-folder...   e.g. /tmp/app-before target/quarkus-app
// Prints, per app, the median over rounds of CPU microseconds per line of each phase, and the median per-round ratio to the first app.
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public class BatchLineCost {

    /** One packaged service: its SubmissionMapper and the two methods measured. */
    record App(String folder, ClassLoader loader, Object submissions, Method parse, Method toBom) {

        static App load(String folder) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String sub : new String[] {"app", "lib/main", "lib/boot"}) {
                File[] jars = new File(folder, sub).listFiles((d, n) -> n.endsWith(".jar"));
                if (jars == null) continue;
                Arrays.sort(jars);
                for (File jar : jars) urls.add(jar.toURI().toURL());
            }
            URLClassLoader loader = new URLClassLoader("app " + folder, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> om = loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
            Object mapper = om.getConstructor().newInstance();
            Class<?> module = loader.loadClass("com.fasterxml.jackson.databind.Module");
            for (String m : new String[] {"com.fasterxml.jackson.datatype.jdk8.Jdk8Module", "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
                    "com.fasterxml.jackson.module.paramnames.ParameterNamesModule"}) {
                om.getMethod("registerModule", module).invoke(mapper, loader.loadClass(m).getConstructor().newInstance());
            }
            // Quarkus' defaults (quarkus.jackson.*): unknown properties ignored (the service's readers turn it back on), dates as text.
            Class<?> deser = loader.loadClass("com.fasterxml.jackson.databind.DeserializationFeature");
            Class<?> ser = loader.loadClass("com.fasterxml.jackson.databind.SerializationFeature");
            om.getMethod("disable", deser).invoke(mapper, enumValue(deser, "FAIL_ON_UNKNOWN_PROPERTIES"));
            om.getMethod("disable", ser).invoke(mapper, enumValue(ser, "WRITE_DATES_AS_TIMESTAMPS"));
            om.getMethod("disable", ser).invoke(mapper, enumValue(ser, "WRITE_DURATIONS_AS_TIMESTAMPS"));
            Object jacksonConfig = loader.loadClass("org.origincheck.api.JacksonConfig").getConstructor().newInstance();
            jacksonConfig.getClass().getMethod("customize", om).invoke(jacksonConfig, mapper);

            Class<?> hv = loader.loadClass("org.hibernate.validator.HibernateValidator");
            Class<?> validation = loader.loadClass("jakarta.validation.Validation");
            Object configuration = validation.getMethod("byProvider", Class.class).invoke(null, hv);
            configuration = loader.loadClass("jakarta.validation.bootstrap.ProviderSpecificBootstrap").getMethod("configure").invoke(configuration);
            Object memory = loader.loadClass("org.origincheck.config.ValidationMemory").getConstructor().newInstance();
            Method customize = Arrays.stream(memory.getClass().getMethods()).filter(m -> m.getName().equals("customize")).findFirst().orElseThrow();
            customize.invoke(memory, configuration);
            Object factory = loader.loadClass("jakarta.validation.Configuration").getMethod("buildValidatorFactory").invoke(configuration);
            Object validator = loader.loadClass("jakarta.validation.ValidatorFactory").getMethod("getValidator").invoke(factory);

            Class<?> limitsType = loader.loadClass("org.origincheck.config.LimitsConfig");
            Object limits = Proxy.newProxyInstance(loader, new Class<?>[] {limitsType}, (p, m, a) -> switch (m.getName()) {
                case "maxMaterials", "materialsInEvaluation" -> 50_000;
                case "maxBomDepth" -> 10;
                case "maxBodyBytes" -> 16_777_216L;
                case "evaluationWaitSeconds" -> 60L;
                default -> throw new UnsupportedOperationException(m.getName());
            });
            Class<?> treeType = loader.loadClass("org.origincheck.determination.rest.MaterialTreeMapper");
            Object tree = treeType.getConstructors()[0].newInstance(limits, null);
            Class<?> mapperType = loader.loadClass("org.origincheck.determination.rest.SubmissionMapper");
            Object submissions = mapperType.getConstructors()[0].newInstance(validator, mapper, limits, null, tree);
            Method parse = mapperType.getMethod("parse", String.class);
            Method toBom = mapperType.getMethod("toBom", loader.loadClass("org.origincheck.determination.rest.BomSubmission"), String.class);
            return new App(folder, loader, submissions, parse, toBom);
        }

        private static Object enumValue(Class<?> type, String name) {
            return Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>) c).name().equals(name)).findFirst().orElseThrow();
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int lines = Integer.parseInt(args[1]);
        String line = Files.readString(Path.of("bench/bom-50.json")).strip();
        List<App> apps = new ArrayList<>();
        for (int i = 2; i < args.length; i++) apps.add(App.load(args[i]));
        var bean = ManagementFactory.getThreadMXBean();
        int warm = Math.max(5, rounds / 4);
        double[][] parse = new double[apps.size()][rounds], map = new double[apps.size()][rounds];
        long sink = 0;
        for (int r = -warm; r < rounds; r++) {
            for (int a = 0; a < apps.size(); a++) {
                App app = apps.get(a);
                Thread.currentThread().setContextClassLoader(app.loader());
                long parseNs = 0, mapNs = 0;
                for (int i = 0; i < lines; i++) {
                    String text = new String(line.toCharArray()); // a line of its own, as the body's substring is
                    long t0 = bean.getCurrentThreadCpuTime();
                    Object submission = app.parse().invoke(app.submissions(), text);
                    long t1 = bean.getCurrentThreadCpuTime();
                    Object bom = app.toBom().invoke(app.submissions(), submission, "load");
                    long t2 = bean.getCurrentThreadCpuTime();
                    parseNs += t1 - t0;
                    mapNs += t2 - t1;
                    sink += bom.hashCode() & 1;
                }
                if (r >= 0) {
                    parse[a][r] = parseNs / 1000.0 / lines;
                    map[a][r] = mapNs / 1000.0 / lines;
                }
            }
        }
        System.out.printf("%s, %d rounds of %d lines of bench/bom-50.json after %d warm-up rounds, CPU time of the thread (sink %d)%n",
                System.getProperty("java.vm.version"), rounds, lines, warm, sink);
        for (int a = 0; a < apps.size(); a++) {
            System.out.printf("%-40s parse %7.1f µs/line, validation and mapping %7.1f µs/line%s%n", apps.get(a).folder(), median(parse[a]), median(map[a]),
                    a == 0 ? "" : String.format(", ratio to the first per round: parse %.3f, validation and mapping %.3f, both %.3f",
                            medianRatio(parse[a], parse[0]), medianRatio(map[a], map[0]), medianRatio(sum(parse[a], map[a]), sum(parse[0], map[0]))));
        }
    }

    static double[] sum(double[] x, double[] y) {
        double[] s = new double[x.length];
        for (int i = 0; i < x.length; i++) s[i] = x[i] + y[i];
        return s;
    }

    static double medianRatio(double[] x, double[] base) {
        double[] q = new double[x.length];
        for (int i = 0; i < x.length; i++) q[i] = x[i] / base[i];
        return median(q);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
