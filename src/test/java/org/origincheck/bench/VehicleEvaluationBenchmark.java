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
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.VehicleBodyType;
import org.origincheck.domain.automotive.VehicleFacts;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;

/**
 * Evaluation time of a passenger vehicle of 8703.23 with a bill of 10 to 50,000 materials (3,000 as in earlier runs) and every
 * automotive test: classification, the s.13 rule (shift and 75% net cost), core parts (6 parts, TRACE into
 * the vehicle's VNM), steel and aluminum (200 purchase lines) and labour value content (40 plants, 300
 * high-wage amounts, both credits). Run with {@code ./mvnw -Pbench verify -Djmh.args="VehicleEvaluationBenchmark ..."}
 * (docs/benchmarks.md). The BOM is generated from a fixed seed; the setup checks both engines agree.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VehicleEvaluationBenchmark {

    private static final long SEED = 20261122L;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    /** Parts of other headings than 87.03: engines, gear boxes, body parts, seats, lamps, glass, tyres, wiring... */
    /** Core parts (lines 0-5) are classified in their own subheadings; the other lines never in a subheading identifying one. */
    private static final List<String> CORE_CODES = List.of("8407.34", "8708.40", "8707.10", "8708.50", "8708.80", "8708.94");
    private static final List<String> PARTS = List.of("8708.29", "8708.99", "8708.30",
            "8708.70", "8708.10", "9401.20", "8512.20", "7007.11", "4011.10", "8544.30", "8536.90", "8539.29", "8413.30", "8415.20",
            "8421.23", "8482.10", "8483.10", "8511.40", "8537.10", "9029.20", "9031.80", "3926.90", "4016.93", "7318.15", "7320.20");

    @Param({"10", "100", "1000", "3000", "10000", "50000"})
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
        bom = vehicle(materials);
        Evaluation agreed = engines.agreed(bom, "the generated vehicle BOM");
        if (agreed.status() != DeterminationStatus.ORIGINATING) {
            throw new IllegalStateException("the generated vehicle should originate: " + agreed.reasons());
        }
        System.out.println("[setup] vehicle of " + materials + " materials: both engines agree, status " + agreed.status()
                + ", " + agreed.reasons().size() + " reasons; LVC " + agreed.automotive().laborValueContent().total()
                + "%, steel " + agreed.automotive().steelAndAluminum().metals().get(0).share() + "%");
        selected = engines.select(engine);
    }

    @Benchmark
    public Evaluation evaluate() {
        return selected.evaluate(bom, pack);
    }

    static BillOfMaterials vehicle(int count) {
        Random random = new Random(SEED);
        List<Material> list = new ArrayList<>(count);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal nonOriginating = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            String hs = i < CORE_CODES.size() ? CORE_CODES.get(i) : PARTS.get(random.nextInt(PARTS.size()));
            int o = random.nextInt(100);
            OriginStatus origin = o < 85 ? OriginStatus.ORIGINATING : o < 97 ? OriginStatus.NON_ORIGINATING : OriginStatus.UNKNOWN;
            MaterialKind kind = random.nextInt(100) < 95 ? MaterialKind.DIRECT : MaterialKind.INDIRECT;
            BigDecimal value = BigDecimal.valueOf(100 + random.nextInt(19_901), 2);
            total = total.add(value);
            if (origin != OriginStatus.ORIGINATING && kind == MaterialKind.DIRECT) {
                nonOriginating = nonOriginating.add(value);
            }
            list.add(new Material(i, "P-" + (10_000 + i), null, HsCode.parse(hs), origin,
                    origin == OriginStatus.ORIGINATING ? "MX" : "CN", value, BigDecimal.ONE, "EA", kind));
        }
        BigDecimal netCost = total.multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_UP);
        Good good = new Good("SEDAN-" + count, "Passenger car", HsCode.parse("8703.23"), null, "MX", "USD", null, netCost, null, null,
                new VehicleFacts(false, null, VehicleBodyType.STANDARD, null));
        List<AutomotiveFacts.CorePart> core = new ArrayList<>();
        AutomotiveFacts.CorePartCategory[] categories = {AutomotiveFacts.CorePartCategory.ENGINE, AutomotiveFacts.CorePartCategory.TRANSMISSION,
                AutomotiveFacts.CorePartCategory.BODY_AND_CHASSIS, AutomotiveFacts.CorePartCategory.AXLE, AutomotiveFacts.CorePartCategory.SUSPENSION_SYSTEM,
                AutomotiveFacts.CorePartCategory.STEERING_SYSTEM};
        for (int i = 0; i < categories.length; i++) {
            core.add(new AutomotiveFacts.CorePart(i, categories[i], "P-" + (10_000 + i), new BigDecimal("2000"), new BigDecimal("300"),
                    new BigDecimal("100"), null));
        }
        List<AutomotiveFacts.Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean aluminum = i % 5 == 0;
            purchases.add(new AutomotiveFacts.Purchase(i, null, HsCode.parse(aluminum ? "7606.12" : "7209.16"), null,
                    BigDecimal.valueOf(10_000 + random.nextInt(90_000)), random.nextInt(100) < 85, Boolean.TRUE));
        }
        List<AutomotiveFacts.Plant> plants = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            plants.add(new AutomotiveFacts.Plant(i, "PLANT-" + i, "MX", "MXN", BigDecimal.valueOf(28_000 + random.nextInt(8_000), 2), null, null));
        }
        List<AutomotiveFacts.PlantAmount> materialsByPlant = new ArrayList<>();
        BigDecimal share = netCost.multiply(new BigDecimal("0.5")).divide(BigDecimal.valueOf(300), 2, RoundingMode.DOWN);
        for (int i = 0; i < 300; i++) {
            materialsByPlant.add(new AutomotiveFacts.PlantAmount(i, "PLANT-" + (i % 40), share));
        }
        AutomotiveFacts.LaborValueContent lvc = new AutomotiveFacts.LaborValueContent(AutomotiveFacts.LvcBasis.NET_COST, plants, materialsByPlant,
                List.of(new AutomotiveFacts.PlantAmount(0, "PLANT-0", netCost.multiply(new BigDecimal("0.05")))), null, null, null, false,
                new AutomotiveFacts.TechnologyExpenditures(new BigDecimal("50000000"), new BigDecimal("1000000000")),
                new AutomotiveFacts.AssemblyPlant("PLANT-1", true, null, 150_000, 0, 0));
        AutomotiveFacts facts = new AutomotiveFacts(List.of(), null, new AutomotiveFacts.CoreParts(AutomotiveFacts.VnmMethod.ALL_MATERIALS, false, core),
                new AutomotiveFacts.SteelAndAluminumPurchases(null, null, purchases), lvc, null, null, null);
        return new BillOfMaterials("bench-vehicle-" + count, AS_OF, good, list, facts);
    }
}
