package org.origincheck.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.engine.DroolsLogLevels;
import org.origincheck.engine.DroolsOriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The DRL of rules/usmca against another copy of the pack (say the same folder at an earlier commit, from
 * {@code git archive <commit> rules/usmca | tar -x -C /tmp/before}), both compiled into one JVM and evaluated alternately, round by
 * round, in CPU time and bytes allocated by the measuring thread: the flat 10,000-material BOM, issue 15's 5-level BOM and a
 * 50-material BOM (the size of a single HTTP submission; 200 evaluations per round). On a machine shared with other work the
 * per-round ratio of two DRLs measured under the same load is steadier than two runs minutes apart. The two must give the same
 * answers (status, reasons, RVC) or nothing is measured.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> org.origincheck.bench.DrlCpuComparison <other pack folder> [rounds]}.
 */
public final class DrlCpuComparison {

    private DrlCpuComparison() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DrlCpuComparison <other pack folder> [rounds]");
        }
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        DroolsLogLevels.asInTheService();
        LoadedRulePack other = new RulePackLoader().load(PackSource.directory(Path.of(args[0])));
        LoadedRulePack current = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")));
        DroolsOriginEngine engine = new DroolsOriginEngine(DrlCpuComparison.class.getClassLoader());
        System.out.println("other (" + args[0] + "): " + engine.compile(other));
        System.out.println("current (rules/usmca): " + engine.compile(current));
        RulePack[] packs = {other.pack(), current.pack()};
        BillOfMaterials flat = EvaluationBenchmark.billOfMaterials(10_000);
        Map<String, BillOfMaterials> cases = new LinkedHashMap<>();
        cases.put("flat 10,000", flat);
        cases.put("5 levels", MultiLevelBenchmark.fiveLevels(flat));
        cases.put("flat 50", EvaluationBenchmark.billOfMaterials(50));
        for (Map.Entry<String, BillOfMaterials> c : cases.entrySet()) {
            Evaluation a = MultiLevelEvaluation.evaluate(engine, c.getValue(), packs[0]).evaluation();
            Evaluation b = MultiLevelEvaluation.evaluate(engine, c.getValue(), packs[1]).evaluation();
            if (a.status() != b.status() || !a.reasons().equals(b.reasons()) || !a.regionalValueContent().equals(b.regionalValueContent())) {
                throw new IllegalStateException("the two DRLs answer " + c.getKey() + " differently; not measuring");
            }
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (Map.Entry<String, BillOfMaterials> c : cases.entrySet()) {
            int repeats = c.getValue().materials().size() <= 50 ? 200 : 1;
            long[][] cpu = new long[2][rounds];
            long[][] allocated = new long[2][rounds];
            for (int r = -rounds; r < rounds; r++) { // the first `rounds` warm up
                for (int k = 0; k < 2; k++) {
                    int p = (r & 1) == 0 ? k : 1 - k; // which goes first alternates
                    long bytes = threads.getCurrentThreadAllocatedBytes();
                    long start = threads.getCurrentThreadCpuTime();
                    for (int i = 0; i < repeats; i++) {
                        MultiLevelEvaluation.evaluate(engine, c.getValue(), packs[p]);
                    }
                    long end = threads.getCurrentThreadCpuTime();
                    if (r >= 0) {
                        cpu[p][r] = (end - start) / repeats;
                        allocated[p][r] = (threads.getCurrentThreadAllocatedBytes() - bytes) / repeats;
                    }
                }
            }
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = (double) cpu[1][r] / cpu[0][r];
            }
            Arrays.sort(ratios);
            for (int p = 0; p < 2; p++) {
                Arrays.sort(cpu[p]);
                Arrays.sort(allocated[p]);
            }
            System.out.printf("%-12s other %9.1f µs CPU %8.0f KB | current %9.1f µs CPU %8.0f KB | current/other per round: median %.2f"
                            + " (quartiles %.2f-%.2f), %d rounds%n", c.getKey(), cpu[0][rounds / 2] / 1e3, allocated[0][rounds / 2] / 1e3,
                    cpu[1][rounds / 2] / 1e3, allocated[1][rounds / 2] / 1e3, ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4],
                    rounds);
        }
    }
}
