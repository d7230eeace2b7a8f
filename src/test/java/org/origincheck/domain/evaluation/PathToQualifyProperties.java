package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Costs;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.RvcMethod;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The path to qualify checked against the engine itself: change the origin of the materials an option lists and the engine
 * must find the alternative met (by the option's RVC method), with the RVC the option announced; and, for BOMs small enough
 * to try every set of non-originating materials, no cheaper set meets the alternative than the cheapest option an exact
 * answer gives (a bound must not exceed the brute-force minimum from below, nor be beaten from above).
 */
class PathToQualifyProperties {

    private static RulePack pack;
    private static final ReferenceOriginEngine ENGINE = new ReferenceOriginEngine();

    // Rules with a pure shift (7603.10), shift or RVC (8402.90, 7402.00), shift and shift-plus-RVC (8402.11), a change of
    // subheading with Art. 4.2(d) (9402.10).
    private static final List<String> GOODS = List.of("8402.11", "8402.90", "7402.00", "7603.10", "9402.10");
    private static final List<String> MATERIAL_CODES = List.of("8402.90", "8402.11", "7404.00", "7401.00", "7602.00", "7601.10",
            "9402.10", "9402.90", "7208.51", "8416.10", "7403.11");

    @BeforeContainer
    static void loadPack() {
        pack = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack();
    }

    @Provide
    Arbitrary<BillOfMaterials> smallBoms() {
        return boms(9);
    }

    private Arbitrary<BillOfMaterials> boms(int maxMaterials) {
        Arbitrary<BigDecimal> value = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 60).map(i -> BigDecimal.valueOf(i * 5L, 0).setScale(2))),
                Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("400")).ofScale(2)));
        Arbitrary<Material> material = Combinators.combine(Arbitraries.of(MATERIAL_CODES).injectNull(0.02),
                        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(OriginStatus.ORIGINATING)), Tuple.of(5, Arbitraries.just(OriginStatus.NON_ORIGINATING)),
                                Tuple.of(1, Arbitraries.just(OriginStatus.UNKNOWN))),
                        Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(MaterialKind.DIRECT)), Tuple.of(1, Arbitraries.of(MaterialKind.class))),
                        value)
                .as((hs, origin, kind, v) -> new Material(0, null, null, hs == null ? null : HsCode.parse(hs), origin, "CN", v, BigDecimal.ONE, "EA", kind));
        Arbitrary<List<Material>> materials = material.list().ofMinSize(1).ofMaxSize(maxMaterials).map(list -> {
            List<Material> indexed = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Material m = list.get(i);
                indexed.add(new Material(i, "M" + i, null, m.hsCode(), m.origin(), m.countryOfOrigin(), m.value(), m.quantity(), m.unit(), m.kind(),
                        i % 2 == 0));
            }
            return indexed;
        });
        // The good's figures follow its materials' total, so the answers spread over originating, short and far short.
        Arbitrary<BigDecimal> factor = Arbitraries.bigDecimals().between(new BigDecimal("1.05"), new BigDecimal("6")).ofScale(2);
        Arbitrary<BigDecimal> share = Arbitraries.bigDecimals().between(new BigDecimal("0.6"), new BigDecimal("1")).ofScale(2);
        return Combinators.combine(Arbitraries.of(GOODS), materials, factor, share.injectNull(0.4), Arbitraries.of(true, false))
                .as((hs, m, f, ncShare, totalCost) -> {
                    BigDecimal total = m.stream().map(Material::value).reduce(BigDecimal.ONE, BigDecimal::add);
                    BigDecimal tv = total.multiply(f).setScale(2, java.math.RoundingMode.HALF_UP);
                    BigDecimal nc = ncShare == null ? null : tv.multiply(ncShare).setScale(2, java.math.RoundingMode.HALF_UP);
                    Costs costs = nc == null && totalCost ? new Costs(tv, tv.multiply(new BigDecimal("0.3")).setScale(2, java.math.RoundingMode.HALF_UP)) : null;
                    Good good = new Good("G", null, HsCode.parse(hs), null, "MX", "USD", tv, nc, costs, null);
                    return new BillOfMaterials("p", LocalDate.of(2026, 7, 1), good, m);
                });
    }

    @Property(tries = 1500, maxDiscardRatio = 100)
    void resourcingAnOptionsMaterialsMeetsItsAlternativeWithTheAnnouncedRvc(@ForAll("smallBoms") BillOfMaterials bom) {
        Evaluation before = ENGINE.evaluate(bom, pack);
        Assume.that(before.status() == DeterminationStatus.NOT_ORIGINATING);
        PathToQualify path = QualifyingPaths.pathToQualify(bom, pack, before);
        assertThat(path).isNotNull();
        for (PathToQualify.Option option : path.options()) {
            Set<Integer> changed = new java.util.HashSet<>();
            option.materials().forEach(m -> changed.add(m.index()));
            Evaluation after = ENGINE.evaluate(resourced(bom, changed), pack);
            assertThat(alternativeMet(after, option.alternative())).as("alternative %s met after %s", option.alternative(), option).isTrue();
            assertThat(after.status()).isEqualTo(DeterminationStatus.ORIGINATING);
            if (option.method() == PathToQualify.Method.TRANSACTION_VALUE || option.method() == PathToQualify.Method.NET_COST) {
                RvcMethod method = option.method() == PathToQualify.Method.TRANSACTION_VALUE ? RvcMethod.TRANSACTION_VALUE : RvcMethod.NET_COST;
                RvcEntry entry = entry(after, option.alternative(), method).orElseThrow();
                assertThat(entry.met()).as("RVC by %s met after %s", method, option).isTrue();
            }
            for (PathToQualify.ResultingRvc announced : option.resultingRegionalValueContent()) {
                entry(after, option.alternative(), announced.method()).ifPresent(e ->
                        assertThat(e.value()).as("announced RVC by " + announced.method()).isEqualByComparingTo(announced.value()));
            }
            BigDecimal total = option.materials().stream().map(PathToQualify.Resourced::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(option.valueToResource()).isEqualByComparingTo(total);
            if (option.bound() && option.lowerBound() != null) {
                assertThat(option.lowerBound()).isLessThanOrEqualTo(option.valueToResource());
            }
        }
        for (int i = 1; i < path.options().size(); i++) {
            assertThat(path.options().get(i - 1).valueToResource()).as("cheapest first").isLessThanOrEqualTo(path.options().get(i).valueToResource());
        }
    }

    @Property(tries = 1000, maxDiscardRatio = 100)
    void noCheaperSetMeetsAnAlternativeThanItsCheapestOption(@ForAll("smallBoms") BillOfMaterials bom) {
        Evaluation before = ENGINE.evaluate(bom, pack);
        Assume.that(before.status() == DeterminationStatus.NOT_ORIGINATING);
        PathToQualify path = QualifyingPaths.pathToQualify(bom, pack, before);
        List<Material> nonOriginating = bom.materials().stream().filter(Material::isNonOriginating).toList();
        Assume.that(nonOriginating.size() <= 9);
        // The brute force: the value of the cheapest set that meets each alternative, and each alternative by each method.
        Map<String, BigDecimal> cheapest = new HashMap<>();
        for (int mask = 0; mask < (1 << nonOriginating.size()); mask++) {
            Set<Integer> changed = new java.util.HashSet<>();
            BigDecimal value = BigDecimal.ZERO;
            for (int i = 0; i < nonOriginating.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    changed.add(nonOriginating.get(i).index());
                    value = value.add(nonOriginating.get(i).value());
                }
            }
            Evaluation after = ENGINE.evaluate(resourced(bom, changed), pack);
            for (Reason reason : after.reasons()) {
                if (reason.code() == ReasonCode.PRODUCT_RULE_ALTERNATIVE && reason.outcome() == Outcome.PASS) {
                    cheapest.merge(reason.alternative(), value, BigDecimal::min);
                    for (RvcEntry e : after.regionalValueContent()) {
                        if ("PRODUCT_RULE".equals(e.requirement()) && reason.alternative().equals(e.alternative()) && e.met()) {
                            cheapest.merge(reason.alternative() + "/" + e.method(), value, BigDecimal::min);
                        }
                    }
                }
            }
        }
        Map<String, List<PathToQualify.Option>> byAlternative = new HashMap<>();
        path.options().forEach(o -> byAlternative.computeIfAbsent(o.alternative(), a -> new ArrayList<>()).add(o));
        for (Map.Entry<String, List<PathToQualify.Option>> entry : byAlternative.entrySet()) {
            BigDecimal best = cheapest.get(entry.getKey());
            assertThat(best).as("a set meets alternative " + entry.getKey()).isNotNull();
            PathToQualify.Option first = entry.getValue().get(0);
            if (entry.getValue().stream().noneMatch(PathToQualify.Option::bound)) {
                assertThat(first.valueToResource()).as("cheapest option of " + entry.getKey() + " against every set").isEqualByComparingTo(best);
            } else {
                assertThat(first.valueToResource()).isGreaterThanOrEqualTo(best);
            }
            for (PathToQualify.Option option : entry.getValue()) {
                if (option.lowerBound() != null) {
                    assertThat(option.lowerBound()).as("lower bound of " + option).isLessThanOrEqualTo(best);
                }
                if (!option.bound() && option.method() != null && option.method() != PathToQualify.Method.RVC_DE_MINIMIS) {
                    RvcMethod method = option.method() == PathToQualify.Method.TRANSACTION_VALUE ? RvcMethod.TRANSACTION_VALUE : RvcMethod.NET_COST;
                    assertThat(option.valueToResource()).as("cheapest by " + method + " of " + option)
                            .isEqualByComparingTo(cheapest.get(entry.getKey() + "/" + method));
                }
            }
        }
    }

    // Few generated goods originate under an RVC alone (about 1 in 40): the discard ratio allows for it.
    @Property(tries = 1500, maxDiscardRatio = 200)
    void theHeadroomIsExactlyWhatTheRvcCanTake(@ForAll("smallBoms") BillOfMaterials bom) {
        Evaluation before = ENGINE.evaluate(bom, pack);
        Headroom headroom = QualifyingPaths.headroom(bom, pack, before);
        Assume.that(headroom != null && headroom.value() != null && headroom.alternative() != null);
        // Retail packaging is disregarded for the shift and the s.5(1) de minimis but counted in VNM (SOR/2020-155 s.8(14)-(15)).
        Evaluation atTheLimit = ENGINE.evaluate(withPackaging(bom, headroom.value()), pack);
        assertThat(alternativeMet(atTheLimit, headroom.alternative())).as("still met with " + headroom.value() + " more").isTrue();
        Evaluation over = ENGINE.evaluate(withPackaging(bom, headroom.value().add(new BigDecimal("0.000001"))), pack);
        assertThat(alternativeMet(over, headroom.alternative())).as("no longer met with a millionth more than " + headroom).isFalse();
    }

    private static BillOfMaterials withPackaging(BillOfMaterials bom, BigDecimal value) {
        List<Material> materials = new ArrayList<>(bom.materials());
        materials.add(new Material(materials.size(), "BOX", null, HsCode.parse("4819.10"), OriginStatus.NON_ORIGINATING, "CN", value,
                BigDecimal.ONE, "EA", MaterialKind.RETAIL_PACKAGING));
        return new BillOfMaterials(bom.reference(), bom.asOf(), bom.good(), materials);
    }

    private static BillOfMaterials resourced(BillOfMaterials bom, Set<Integer> changed) {
        List<Material> materials = bom.materials().stream().map(m -> changed.contains(m.index()) ? m.withOrigin(OriginStatus.ORIGINATING) : m).toList();
        return new BillOfMaterials(bom.reference(), bom.asOf(), bom.good(), materials);
    }

    private static boolean alternativeMet(Evaluation e, String alternative) {
        return e.reasons().stream().anyMatch(r -> r.code() == ReasonCode.PRODUCT_RULE_ALTERNATIVE && r.outcome() == Outcome.PASS
                && alternative.equals(r.alternative()));
    }

    private static Optional<RvcEntry> entry(Evaluation e, String alternative, RvcMethod method) {
        return e.regionalValueContent().stream().filter(x -> "PRODUCT_RULE".equals(x.requirement()) && alternative.equals(x.alternative())
                && x.method() == method).findFirst();
    }
}
