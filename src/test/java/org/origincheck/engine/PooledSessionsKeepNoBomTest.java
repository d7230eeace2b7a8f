package org.origincheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.IntermediateMaterial;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * Once its answer is given, a bill of materials must be collectable: a 50,000-material BOM is tens of MB of a 256 MB heap
 * (issue 19). Until the DRL of branch i15h, the pooled Drools sessions kept the last BOM each had evaluated after their reset: the
 * path to the GC root in the packaged service (JFR OldObjectSample, docs/benchmarks.md, branch i19s) ran
 * {@code DroolsOriginEngine.pools -> KieSessionsPoolImpl.kBase -> SessionsAwareKnowledgeBase.statefulSessions ->
 * StatefulKnowledgeSessionImpl.nodeMemories -> BetaMemory.leftTupleMemory ->
 * TupleIndexHashTable (size 0) -> SingleIndex.hashEntry -> SingleHashEntry.obj1 -> AlternativeUnderTest -> EvaluationSubject
 * -> the materials}: a join on a fact ({@code ShiftAssessment( alternative == $alternative )}) is a hashed index, and the index
 * kept the last key it was asked for although the reset had emptied its table. This test fails if the bundled DRL, or the
 * engine, again keeps a BOM past its evaluation: on 3b4aaf3 (i19n's tip, before that DRL) all three cases failed.
 */
class PooledSessionsKeepNoBomTest {

    private static final ClassLoader APPLICATION = PooledSessionsKeepNoBomTest.class.getClassLoader();
    private static RulePack pack;
    private static DroolsOriginEngine engine;

    @BeforeAll
    static void compile() {
        DroolsLogLevels.asInTheService();
        LoadedRulePack bundled = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")));
        pack = bundled.pack();
        engine = new DroolsOriginEngine(APPLICATION);
        engine.compile(bundled);
    }

    @Test
    void aFlatBomIsNotKeptAfterItsEvaluation() {
        assertCollected(evaluated(() -> boiler("flat", materials(1_000, 0)),
                b -> MultiLevelEvaluation.evaluate(engine, b, pack).evaluation()));
    }

    @Test
    void aBomWithSubAssembliesIsNotKeptAfterItsEvaluation() {
        assertCollected(evaluated(() -> {
            List<Material> top = new ArrayList<>(materials(200, 0));
            for (int s = 0; s < 3; s++) {
                List<Material> components = materials(300, 0);
                BigDecimal value = components.stream().map(Material::value).reduce(BigDecimal.ZERO, BigDecimal::add);
                top.add(new Material(top.size(), "SA-" + s, "sub-assembly", HsCode.parse("8402.90"), OriginStatus.UNKNOWN, null,
                        value, BigDecimal.ONE, "EA", MaterialKind.DIRECT, null, null, null, null,
                        new IntermediateMaterial("materials[" + top.size() + "]", null, value.multiply(new BigDecimal("1.25")), null,
                                components)));
            }
            return boiler("levels", top);
        }, b -> MultiLevelEvaluation.evaluate(engine, b, pack).evaluation()));
    }

    @Test
    void billsEvaluatedTogetherInOneSessionAreNotKept() {
        List<WeakReference<Object>> kept = new ArrayList<>();
        Runnable evaluateThree = () -> {
            List<BillOfMaterials> three = List.of(boiler("one", materials(500, 0)), boiler("two", materials(500, 1)),
                    boiler("three", materials(500, 2)));
            three.forEach(b -> kept.addAll(everyPart(b)));
            List<Evaluation> answers = engine.evaluateAll(three, pack);
            assertThat(answers).hasSize(3).allSatisfy(answer -> assertThat(answer.status()).isNotNull());
        };
        evaluateThree.run();
        assertCollected(kept);
    }

    /** The BOM made, evaluated and answered; only weak references to it and its materials are left to the caller. */
    private static List<WeakReference<Object>> evaluated(Supplier<BillOfMaterials> make,
            Function<BillOfMaterials, Evaluation> evaluate) {
        BillOfMaterials bom = make.get();
        assertThat(evaluate.apply(bom).status()).isNotNull();
        return everyPart(bom);
    }

    /**
     * The BOM, its list of materials and every material, at every level: the engine evaluates a sub-assembly as a BOM of its
     * own, made from the components' list, so what is kept may be a part without the whole.
     */
    private static List<WeakReference<Object>> everyPart(BillOfMaterials bom) {
        List<WeakReference<Object>> parts = new ArrayList<>();
        parts.add(new WeakReference<>(bom));
        addEvery(bom.materials(), parts);
        return parts;
    }

    private static void addEvery(List<Material> materials, List<WeakReference<Object>> parts) {
        parts.add(new WeakReference<>(materials));
        for (Material material : materials) {
            parts.add(new WeakReference<>(material));
            if (material.intermediate() != null) {
                addEvery(material.intermediate().components(), parts);
            }
        }
    }

    /**
     * A weak reference is cleared by the first collection that finds its object unreachable; a few full collections asked for
     * (System.gc() is a request) leave no doubt. No time is measured.
     */
    private static void assertCollected(List<WeakReference<Object>> parts) {
        for (int i = 0; i < 10 && parts.stream().anyMatch(part -> part.get() != null); i++) {
            System.gc();
        }
        Map<String, Long> stillReachable = parts.stream().map(WeakReference::get).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(part -> part.getClass().getSimpleName(), TreeMap::new, Collectors.counting()));
        assertThat(stillReachable).as("parts of a bill of materials still reachable after its evaluation, by class (what keeps "
                + "them: a heap dump's path to the GC roots; see this class's comment)").isEmpty();
    }

    /** A watertube boiler (8402.11) of the given materials: a product rule with alternatives, so the engine runs every step. */
    private static BillOfMaterials boiler(String reference, List<Material> materials) {
        return new BillOfMaterials(reference, LocalDate.of(2026, 7, 1),
                new Good("BLR-" + reference, null, HsCode.parse("8402.11"), null, "MX", "USD", new BigDecimal("900000.00"),
                        new BigDecimal("800000.00"), null, null),
                materials);
    }

    /** Tubes, parts and valves, two in three originating, as bench/make-bom-50000.sh makes them. */
    private static List<Material> materials(int count, int seed) {
        String[] codes = {"7304.19", "8402.90", "8481.80", "7307.91", "8413.70"};
        List<Material> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean originating = (i + seed) % 3 != 0;
            list.add(new Material(i, "M-" + i, null, HsCode.parse(codes[(i + seed) % codes.length]),
                    originating ? OriginStatus.ORIGINATING : OriginStatus.NON_ORIGINATING, originating ? "US" : "DE",
                    new BigDecimal("100.00"), BigDecimal.ONE, "EA", MaterialKind.DIRECT, null));
        }
        return list;
    }
}
