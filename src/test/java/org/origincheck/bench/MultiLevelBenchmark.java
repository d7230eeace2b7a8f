package org.origincheck.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
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
import org.origincheck.domain.bom.IntermediateMaterial;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;

/**
 * Issue 15: a 5-level bill of materials of 10,000 materials against the same 10,000 materials flat, through
 * {@link MultiLevelEvaluation} as the service evaluates them. The leaves are {@link EvaluationBenchmark}'s BOM; in the tree
 * they are grouped, in BOM order, 16 to a sub-assembly (625 of them), those 5 to the next level up (125), then 25 and 5: four
 * levels of intermediate materials above the leaves, 780 intermediate determinations. The sub-assemblies are classified in
 * 8403.90, whose rule (a change from any other heading) is a pure tariff shift: with an RVC rule at every level, SOR/2020-155
 * s.8(6) would make every nested answer INSUFFICIENT_DATA. Each has a net cost of 1.25 x its components' value. Run with {@code ./mvnw -Pbench verify -Djmh.args="MultiLevelBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MultiLevelBenchmark {

    public enum Shape { FLAT, FIVE_LEVELS }

    @Param({"10000"})
    public int materials;

    @Param({"FLAT", "FIVE_LEVELS"})
    public Shape shape;

    @Param({"DROOLS", "REFERENCE"})
    public BenchEngines.Engine engine;

    private RulePack pack;
    private BillOfMaterials bom;
    private OriginEngine selected;

    @Setup(Level.Trial)
    public void setUp() {
        BenchEngines engines = BenchEngines.load();
        pack = engines.pack();
        BillOfMaterials flat = EvaluationBenchmark.billOfMaterials(materials);
        bom = shape == Shape.FLAT ? flat : fiveLevels(flat);
        selected = engines.select(engine);
        MultiLevelEvaluation.Assessed byDrools = MultiLevelEvaluation.evaluate(engines.drools(), bom, pack);
        MultiLevelEvaluation.Assessed byReference = MultiLevelEvaluation.evaluate(engines.reference(), bom, pack);
        if (!byDrools.evaluation().equals(byReference.evaluation())) {
            throw new IllegalStateException("the engines disagree on the " + shape + " BOM; not benchmarking");
        }
        System.out.println("[setup] " + shape + " " + materials + " materials: both engines agree, status " + byDrools.evaluation().status()
                + ", criterion " + byDrools.evaluation().originCriterion() + ", top-level materials " + bom.materials().size());
    }

    @Benchmark
    public MultiLevelEvaluation.Assessed evaluate() {
        return MultiLevelEvaluation.evaluate(selected, bom, pack);
    }

    /** The flat BOM's materials as the leaves of a tree with four levels of sub-assemblies above them (16, 5, 5, 5 to a parent). */
    static BillOfMaterials fiveLevels(BillOfMaterials flat) {
        List<Material> level = flat.materials();
        int[] fanOut = {16, 5, 5, 5};
        int depth = 4;
        for (int f : fanOut) {
            List<Material> parents = new ArrayList<>();
            for (int start = 0; start < level.size(); start += f) {
                parents.add(subAssembly(depth, parents.size(), level.subList(start, Math.min(level.size(), start + f))));
            }
            level = parents;
            depth--;
        }
        List<Material> top = reindexed(level, null);
        return new BillOfMaterials(flat.reference(), flat.asOf(), flat.good(), top, flat.automotive());
    }

    private static Material subAssembly(int depth, int position, List<Material> components) {
        BigDecimal value = components.stream().map(Material::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        String field = "L" + depth + "[" + position + "]";
        IntermediateMaterial intermediate = new IntermediateMaterial(field, null,
                value.multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_UP), null, reindexed(components, field));
        return new Material(position, "SA-" + depth + "-" + position, "sub-assembly", HsCode.parse("8403.90"), OriginStatus.UNKNOWN, null,
                value, BigDecimal.ONE, "EA", MaterialKind.DIRECT, null, null, null, null, intermediate);
    }

    private static List<Material> reindexed(List<Material> list, String parent) {
        List<Material> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Material m = list.get(i);
            out.add(new Material(i, m.partNumber(), m.description(), m.hsCode(), m.origin(), m.countryOfOrigin(), m.value(), m.quantity(),
                    m.unit(), m.kind(), m.partOfGood(), m.weight(), m.accumulatedNonOriginatingValue(), m.evidence(),
                    m.intermediate() == null ? null : new IntermediateMaterial(m.intermediate().field(), m.intermediate().transactionValue(),
                            m.intermediate().netCost(), m.intermediate().costs(), m.intermediate().components())));
        }
        return out;
    }
}
