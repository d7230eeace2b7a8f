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
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;

/**
 * In-process evaluation time of one bill of materials, Drools engine and plain-Java reference side by
 * side, for BOMs of 10 to 50,000 materials. Run with {@code ./mvnw -Pbench verify} (see docs/benchmarks.md).
 *
 * <p>The good is a watertube boiler of 8402.11 (rule GN11o-84-3): alternative A asks for a change from any
 * other heading, alternative B allows 8402.90 too but adds an RVC of 60% (TV) / 50% (NC). Some
 * non-originating materials are classified in 8402.90, so they fail A's shift and the s.5(1) de minimis is
 * computed; both RVC methods are computed for B. The BOM is generated from a fixed seed, so every run and
 * both engines see the same materials.
 *
 * <p>The name deliberately does not end in Test, Tests or Properties: surefire never runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {

    private static final long SEED = 20261122L;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    /** Real HS subheadings of headings other than 8402: tubes, fittings, valves, pumps, motors, wiring, gaskets... */
    private static final List<String> OTHER_HEADINGS = List.of(
            "7208.51", "7219.33", "7304.19", "7304.31", "7306.30", "7307.91", "7307.93", "7318.15", "7318.16",
            "7318.22", "3917.32", "4016.93", "6806.10", "6815.19", "8404.10", "8404.90", "8413.70", "8414.59",
            "8416.10", "8419.90", "8481.30", "8481.40", "8481.80", "8483.40", "8501.52", "8536.50", "8537.10",
            "8544.42", "9026.20", "9032.89");
    /** Parts of boilers: same heading as the good, so they fail alternative A (and are allowed by B). */
    private static final String BOILER_PARTS = "8402.90";
    private static final List<String> FOREIGN_COUNTRIES = List.of("CN", "DE", "JP", "KR", "IT");
    private static final List<String> USMCA_COUNTRIES = List.of("US", "MX", "CA");

    @Param({"10", "100", "1000", "10000", "50000"})
    public int materials;

    @Param({"DROOLS", "REFERENCE"})
    public BenchEngines.Engine engine;

    private RulePack pack;
    private BillOfMaterials bom;
    private OriginEngine selected;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEngines engines = BenchEngines.load();
        pack = engines.pack();
        bom = billOfMaterials(materials);
        Evaluation agreed = engines.agreed(bom, "the generated BOM of " + materials + " materials");
        System.out.println("[setup] " + materials + " materials: both engines agree, status " + agreed.status()
                + ", criterion " + agreed.originCriterion() + ", " + agreed.reasons().size() + " reasons, "
                + agreed.regionalValueContent().size() + " RVC entries");
        selected = engines.select(engine);
    }

    @Benchmark
    public Evaluation evaluate() {
        return selected.evaluate(bom, pack);
    }

    /**
     * A deterministic BOM: the first material is always a non-originating 8402.90 part (so alternative A's
     * shift fails at every size); the rest are about 8% 8402.90, otherwise codes of other headings; origin
     * about 50% originating, 35% non-originating, 15% unknown; kind about 85% direct, 10% indirect, 5%
     * shipping packing. Transaction value and net cost are set from the materials' total.
     */
    static BillOfMaterials billOfMaterials(int count) {
        Random random = new Random(SEED);
        List<Material> list = new ArrayList<>(count);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            boolean boilerPart = i == 0 || random.nextInt(100) < 8;
            String hs = boilerPart ? BOILER_PARTS : OTHER_HEADINGS.get(random.nextInt(OTHER_HEADINGS.size()));
            OriginStatus origin;
            if (i == 0) {
                origin = OriginStatus.NON_ORIGINATING;
            } else {
                int o = random.nextInt(100);
                origin = o < 50 ? OriginStatus.ORIGINATING : o < 85 ? OriginStatus.NON_ORIGINATING : OriginStatus.UNKNOWN;
            }
            MaterialKind kind;
            if (i == 0) {
                kind = MaterialKind.DIRECT;
            } else {
                int k = random.nextInt(100);
                kind = k < 85 ? MaterialKind.DIRECT : k < 95 ? MaterialKind.INDIRECT : MaterialKind.SHIPPING_PACKING;
            }
            String country = switch (origin) {
                case ORIGINATING -> USMCA_COUNTRIES.get(random.nextInt(USMCA_COUNTRIES.size()));
                case NON_ORIGINATING -> FOREIGN_COUNTRIES.get(random.nextInt(FOREIGN_COUNTRIES.size()));
                case UNKNOWN -> null;
            };
            // 1.00 to 500.00, boiler parts worth a little more.
            BigDecimal value = BigDecimal.valueOf(100 + random.nextInt(49_901), 2);
            if (boilerPart) {
                value = value.multiply(BigDecimal.valueOf(2));
            }
            total = total.add(value);
            list.add(new Material(i, "P-" + (10_000 + i), "material " + i + " (" + hs + ")", HsCode.parse(hs), origin,
                    country, value, BigDecimal.ONE, "EA", kind));
        }
        BigDecimal transactionValue = total.multiply(new BigDecimal("1.60")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal netCost = total.multiply(new BigDecimal("1.35")).setScale(2, RoundingMode.HALF_UP);
        Good good = new Good("BOILER-" + count, "Watertube boiler, steam production over 45 t per hour",
                HsCode.parse("8402.11"), null, "MX", "USD", transactionValue, netCost, null, null);
        return new BillOfMaterials("bench-" + count, AS_OF, good, list);
    }
}
