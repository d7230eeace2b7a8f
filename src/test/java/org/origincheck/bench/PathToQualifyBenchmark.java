package org.origincheck.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.PathToQualify;
import org.origincheck.domain.evaluation.QualifyingPaths;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;

/**
 * The path to qualify of a boiler (8402.11, rule GN11o-84-3) that does not originate, computed from the BOM and the engine's
 * answer (the evaluation itself is not in the measured time: {@link EvaluationBenchmark} measures it). 70% of the materials
 * are non-originating, 20% of them boiler parts of 8402.90 that fail alternative A's change of heading above the de minimis;
 * transaction value 1.2 x and net cost 1.1 x the materials' total, so alternative B's RVC falls short by both methods.
 * Values 1.00-500.00 from a fixed seed. Run with {@code ./mvnw -Pbench verify -Djmh.args="PathToQualifyBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PathToQualifyBenchmark {

    private static final long SEED = 20261204L;

    @Param({"100", "1000", "10000"})
    public int materials;

    private RulePack pack;
    private BillOfMaterials bom;
    private Evaluation evaluation;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEngines engines = BenchEngines.load();
        pack = engines.pack();
        bom = billOfMaterials(materials);
        evaluation = engines.agreed(bom, "the generated BOM of " + materials + " materials");
        if (evaluation.status() != DeterminationStatus.NOT_ORIGINATING) {
            throw new IllegalStateException("the benchmark's good must not originate, got " + evaluation.status());
        }
        PathToQualify path = QualifyingPaths.pathToQualify(bom, pack, evaluation);
        for (PathToQualify.Option o : path.options()) {
            System.out.println("[setup] " + materials + " materials: alternative " + o.alternative() + " " + o.method() + ": "
                    + o.materials().size() + " materials worth " + o.valueToResource() + (o.bound() ? " (bound; at least " + o.lowerBound() + ")" : " (exact)"));
        }
    }

    @Benchmark
    public PathToQualify pathToQualify() {
        return QualifyingPaths.pathToQualify(bom, pack, evaluation);
    }

    static BillOfMaterials billOfMaterials(int count) {
        Random random = new Random(SEED);
        List<Material> list = new ArrayList<>(count);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            boolean nonOriginating = i == 0 || random.nextInt(100) < 70;
            boolean boilerPart = i == 0 || random.nextInt(100) < 20;
            String hs = boilerPart ? "8402.90" : "8416.10";
            BigDecimal value = BigDecimal.valueOf(100 + random.nextInt(49_901), 2);
            total = total.add(value);
            list.add(new Material(i, "P-" + (10_000 + i), null, HsCode.parse(hs), nonOriginating ? OriginStatus.NON_ORIGINATING : OriginStatus.ORIGINATING,
                    nonOriginating ? "CN" : "MX", value, BigDecimal.ONE, "EA", MaterialKind.DIRECT));
        }
        Good good = new Good("BOILER-" + count, "Watertube boiler", HsCode.parse("8402.11"), null, "MX", "USD",
                total.multiply(new BigDecimal("1.2")).setScale(2, RoundingMode.HALF_UP), total.multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_UP),
                null, null);
        return new BillOfMaterials("bench-path-" + count, LocalDate.of(2026, 11, 1), good, list);
    }
}
