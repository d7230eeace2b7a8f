import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;

/**
 * CPU time of the thread reading the bundled rule pack as startup reads it (issue 19): BuildValidatedPack.read of
 * validated-rules/usmca.bin, checked against the bundled files and the class files, the first read in this JVM and then
 * `rounds` more. A start reads it once, cold, so the first figure is the one a start pays; run each variant in a fresh JVM,
 * alternately, with the classes of a packaged aot-jar (docs/benchmarks.md, branch i19x):
 *   java -XX:+UseSerialGC -cp "$APP/app/*:$APP/lib/main/*" bench/PackReadCost.java [rounds]
 * With a JDK 25 an ahead-of-time cache of this program (-XX:AOTCacheOutput=x.aot once, then -XX:AOTCache=x.aot) gives the
 * classes preloaded and profiled as the service's trained cache does; its class path must then list jar files, not folders.
 */
public class PackReadCost {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> source = Class.forName("org.origincheck.rulepack.PackSource", true, loader);
        Method classpath = source.getDeclaredMethod("classpath", String.class, ClassLoader.class);
        classpath.setAccessible(true);
        Method read = Class.forName("org.origincheck.rulepack.BuildValidatedPack", true, loader)
                .getMethod("read", String.class, source, ClassLoader.class);
        for (int i = 0; i <= rounds; i++) {
            Object pack = classpath.invoke(null, "rules/usmca", loader);
            long before = threads.getCurrentThreadCpuTime();
            Object lookup = read.invoke(null, "usmca", pack, loader);
            long cpu = threads.getCurrentThreadCpuTime() - before;
            System.out.printf("%s read: %d ms of thread CPU, %s%n", i == 0 ? "first" : "then", cpu / 1_000_000,
                    lookup.getClass().getMethod("detail").invoke(lookup));
        }
    }
}
