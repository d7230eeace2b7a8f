package org.origincheck.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.OriginEngine;

/**
 * {@link MultiLevelBenchmark}'s four cases timed in CPU time of the measuring thread rather than wall-clock time: on a
 * machine shared with other builds the wall-clock figures of JMH mostly measure the waiting for a core, while the thread's own
 * CPU time does not include it. It is not immune to the load either: a thread sharing a core (or its caches) with another
 * runs slower per CPU-second, and the load on this machine changes within seconds. So the flat and the 5-level BOM are
 * evaluated alternately, round by round, and besides each case's median the median of the per-round ratios (5 levels / flat,
 * the two evaluations of a round taken back to back under the same load) is printed. A cross-check of the ratios, not a
 * substitute for JMH on an idle machine. Beside the measuring thread's CPU time, the whole process's CPU time per evaluation
 * (every thread: the collector's, the JIT's) and the collector's pause time per evaluation are printed: wall-clock time (JMH)
 * pays the pauses and, on 2 cores, the collector's concurrent threads, which the measuring thread's CPU time leaves out. Run it
 * with the JVM options to compare (the service's: {@code -XX:+UseSerialGC -Xms128m -Xmx256m}; none: the JVM's default).
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> org.origincheck.bench.MultiLevelCpuMeasurement [rounds]}.
 */
public final class MultiLevelCpuMeasurement {

    private MultiLevelCpuMeasurement() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        BenchEngines engines = BenchEngines.load();
        BillOfMaterials flat = EvaluationBenchmark.billOfMaterials(10_000);
        BillOfMaterials tree = MultiLevelBenchmark.fiveLevels(flat);
        if (!MultiLevelEvaluation.evaluate(engines.drools(), tree, engines.pack()).evaluation()
                .equals(MultiLevelEvaluation.evaluate(engines.reference(), tree, engines.pack()).evaluation())) {
            throw new IllegalStateException("the engines disagree on the 5-level BOM; not measuring");
        }
        // Allocation too: the measuring thread's CPU time leaves out the collector's threads, which wall-clock time (JMH) pays.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        System.out.println("JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments() + "; collectors: "
                + collectors.stream().map(GarbageCollectorMXBean::getName).toList());
        for (BenchEngines.Engine engine : BenchEngines.Engine.values()) {
            OriginEngine selected = engines.select(engine);
            for (int w = 0; w < rounds; w++) { // warm-up, both shapes
                MultiLevelEvaluation.evaluate(selected, flat, engines.pack());
                MultiLevelEvaluation.evaluate(selected, tree, engines.pack());
            }
            long[][] cpu = new long[2][rounds];
            long[][] allocated = new long[2][rounds];
            long[] processCpu = new long[2]; // summed: the process's CPU time moves in steps of the kernel's tick (10 ms here)
            long[] pauses = new long[2];
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long pausesStart = pauseMillis(collectors);
                long processStart = process.getProcessCpuTime();
                long bytesStart = threads.getCurrentThreadAllocatedBytes();
                long start = threads.getCurrentThreadCpuTime();
                MultiLevelEvaluation.evaluate(selected, flat, engines.pack());
                long middle = threads.getCurrentThreadCpuTime();
                long bytesMiddle = threads.getCurrentThreadAllocatedBytes();
                long processMiddle = process.getProcessCpuTime();
                long pausesMiddle = pauseMillis(collectors);
                MultiLevelEvaluation.evaluate(selected, tree, engines.pack());
                long end = threads.getCurrentThreadCpuTime();
                processCpu[0] += processMiddle - processStart;
                processCpu[1] += process.getProcessCpuTime() - processMiddle;
                pauses[0] += pausesMiddle - pausesStart;
                pauses[1] += pauseMillis(collectors) - pausesMiddle;
                allocated[0][r] = bytesMiddle - bytesStart;
                allocated[1][r] = threads.getCurrentThreadAllocatedBytes() - bytesMiddle;
                cpu[0][r] = middle - start;
                cpu[1][r] = end - middle;
                ratios[r] = (double) cpu[1][r] / cpu[0][r];
            }
            double[] medians = new double[2];
            for (int i = 0; i < 2; i++) {
                long[] sorted = cpu[i].clone();
                Arrays.sort(sorted);
                medians[i] = sorted[rounds / 2] / 1e6;
                long[] bytes = allocated[i].clone();
                Arrays.sort(bytes);
                System.out.printf("%-9s %-11s CPU ms per evaluation: median %.2f (quartiles %.2f-%.2f, min %.2f), %d rounds; allocated MB: median %.1f;"
                                + " whole process CPU ms per evaluation (mean): %.2f;"
                                + " collector pauses ms per evaluation (mean): %.2f%n",
                        engine, i == 0 ? "FLAT" : "FIVE_LEVELS", medians[i], sorted[rounds / 4] / 1e6, sorted[3 * rounds / 4] / 1e6, sorted[0] / 1e6,
                        rounds, bytes[rounds / 2] / 1e6, processCpu[i] / 1e6 / rounds, (double) pauses[i] / rounds);
            }
            Arrays.sort(ratios);
            System.out.printf("%-9s 5 levels / flat: %.2fx (ratio of medians); per round: median %.2fx, quartiles %.2f-%.2f;"
                            + " whole process: %.2fx; measuring thread's CPU + pauses (means): %.2fx%n", engine,
                    medians[1] / medians[0], ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4],
                    (double) processCpu[1] / processCpu[0], (mean(cpu[1]) + pauses[1] * 1e6 / rounds) / (mean(cpu[0]) + pauses[0] * 1e6 / rounds));
        }
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /** The collectors' accumulated pause time: what a stop-the-world collection adds to the wall clock of the evaluation it interrupts. */
    private static long pauseMillis(List<GarbageCollectorMXBean> collectors) {
        long total = 0;
        for (GarbageCollectorMXBean collector : collectors) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }
}
