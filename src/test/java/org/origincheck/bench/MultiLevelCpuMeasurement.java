package org.origincheck.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.OriginEngine;

/**
 * {@link MultiLevelBenchmark}'s four cases timed in CPU time of the measuring thread rather than wall-clock time: on a
 * machine shared with other builds the wall-clock figures of JMH mostly measure the waiting for a core, while the thread's own
 * CPU time does not include it (caches and frequency are still shared, so this is a cross-check of the ratios, not a
 * substitute for JMH on an idle machine). Prints the median and quartiles per case and the 5-level / flat ratios.
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (BenchEngines.Engine engine : BenchEngines.Engine.values()) {
            OriginEngine selected = engines.select(engine);
            double[] medians = new double[2];
            int i = 0;
            for (BillOfMaterials bom : new BillOfMaterials[] {flat, tree}) {
                for (int w = 0; w < rounds; w++) { // warm-up
                    MultiLevelEvaluation.evaluate(selected, bom, engines.pack());
                }
                long[] cpu = new long[rounds];
                for (int r = 0; r < rounds; r++) {
                    long start = threads.getCurrentThreadCpuTime();
                    MultiLevelEvaluation.evaluate(selected, bom, engines.pack());
                    cpu[r] = threads.getCurrentThreadCpuTime() - start;
                }
                Arrays.sort(cpu);
                medians[i] = cpu[rounds / 2] / 1e6;
                System.out.printf("%-9s %-11s CPU ms per evaluation: median %.2f (quartiles %.2f-%.2f, min %.2f), %d rounds%n", engine,
                        i == 0 ? "FLAT" : "FIVE_LEVELS", medians[i], cpu[rounds / 4] / 1e6, cpu[3 * rounds / 4] / 1e6, cpu[0] / 1e6, rounds);
                i++;
            }
            System.out.printf("%-9s 5 levels / flat: %.2fx%n", engine, medians[1] / medians[0]);
        }
    }
}
