package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Costs;
import org.origincheck.domain.bom.EndUse;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.bom.WhollyObtained;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.engine.DroolsOriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The Drools rules and the plain-Java reference must reach the same determination, reason for reason,
 * on any bill of materials: two independent orchestrations of the same legal tests.
 */
class EngineAgreementProperties {

    private static LoadedRulePack loaded;
    private static DroolsOriginEngine drools;
    private static final ReferenceOriginEngine REFERENCE = new ReferenceOriginEngine();

    // Goods covered by every kind of rule in the pack, plus some the pack does not cover.
    private static final List<String> GOODS = List.of("8402.11", "8402.90", "7402.00", "7603.10", "7609.00", "9402.10",
            "8517.13", "5208.11", "8708.40", "7408.11.60", "7408.11.30", "7408.11", "3205.00", "9503.00", "9401.61",
            "9401.20", "2601.11", "8517.62", "6109.10");
    private static final List<String> MATERIAL_CODES = List.of("8402.90", "8402.11", "7404.00", "7401.00", "7602.00",
            "2818.20", "7608.20", "7601.10", "9402.10", "9402.90", "8517.13", "8517.79", "5205.11", "5201.00", "5209.11",
            "8708.99", "8483.40", "7403.11", "7407.10", "3205.00", "3204.12", "9503.00", "9401.99", "9401.61", "8542.31",
            "7404.00.30", "8708", "74");

    @BeforeContainer
    static void loadPack() {
        loaded = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")));
        drools = new DroolsOriginEngine(EngineAgreementProperties.class.getClassLoader());
        drools.compile(loaded);
    }

    @Provide
    Arbitrary<BillOfMaterials> boms() {
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(new BigDecimal("1"), new BigDecimal("10000")).ofScale(2);
        Arbitrary<Material> material = Combinators.combine(
                        Arbitraries.of(MATERIAL_CODES).injectNull(0.1),
                        Arbitraries.of(OriginStatus.class),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(MaterialKind.DIRECT)), net.jqwik.api.Tuple.of(4, Arbitraries.of(MaterialKind.class))),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("3000")).ofScale(2))
                .as((hs, origin, kind, value) -> new Material(0, null, null, hs == null || hs.length() < 6 ? null : HsCode.parse(hs),
                        origin, "CN", value, BigDecimal.ONE, "EA", kind));
        Arbitrary<List<Material>> materials = material.list().ofMaxSize(25).map(list -> {
            List<Material> indexed = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Material m = list.get(i);
                Boolean partOfGood = i % 3 == 0 ? null : i % 3 == 1;
                indexed.add(new Material(i, "M" + i, null, m.hsCode(), m.origin(), m.countryOfOrigin(), m.value(), m.quantity(), m.unit(), m.kind(), partOfGood));
            }
            return indexed;
        });
        Arbitrary<Good> good = Combinators.combine(
                        Arbitraries.of(GOODS), Arbitraries.of(EndUse.class).injectNull(0.3),
                        money.injectNull(0.3), money.injectNull(0.5), money.injectNull(0.6),
                        Arbitraries.of(WhollyObtained.class).injectNull(0.9))
                .as((hs, endUse, tv, nc, tc, wo) -> new Good("G", null, HsCode.parse(hs), endUse, "MX", "USD", tv, nc == null ? null : nc,
                        tc == null || nc != null ? null : new Costs(tc, tc.multiply(new BigDecimal("0.1"))), wo));
        Arbitrary<LocalDate> asOf = Arbitraries.integers().between(0, 365 * 8).map(d -> LocalDate.of(2020, 7, 1).plusDays(d));
        return Combinators.combine(good, materials, asOf).as((g, m, d) -> new BillOfMaterials("p", d, g, m));
    }

    @Property(tries = 500)
    void droolsAndReferenceReachTheSameDetermination(@ForAll("boms") BillOfMaterials bom) {
        Evaluation byRules = drools.evaluate(bom, loaded.pack());
        Evaluation byReference = REFERENCE.evaluate(bom, loaded.pack());
        assertThat(byRules).isEqualTo(byReference);
    }

    @Property(tries = 500)
    void everyDeterminationIsConsistentAndCited(@ForAll("boms") BillOfMaterials bom) {
        Evaluation e = drools.evaluate(bom, loaded.pack());
        assertThat(e.originCriterion() != null).isEqualTo(e.status() == DeterminationStatus.ORIGINATING);
        assertThat(!e.missingData().isEmpty()).isEqualTo(e.status() == DeterminationStatus.INSUFFICIENT_DATA);
        assertThat(e.reasons()).allSatisfy(r -> assertThat(r.citation()).isNotBlank());
        assertThat(e.reasons().get(e.reasons().size() - 1).code()).isEqualTo(ReasonCode.ORIGIN_DETERMINED);
        boolean materialsListed = bom.materials().stream().anyMatch(m -> m.kind().countedForExclusivelyOriginating());
        if (!materialsListed && bom.good().whollyObtained() == null) {
            assertThat(e.status()).as("no material listed: never originating").isEqualTo(DeterminationStatus.INSUFFICIENT_DATA);
        }
        if (materialsListed && bom.materials().stream().noneMatch(Material::preventsExclusivelyOriginating)) {
            assertThat(e.status()).as("all materials originating: criterion C or better").isEqualTo(DeterminationStatus.ORIGINATING);
        }
        for (RvcEntry entry : e.regionalValueContent()) {
            assertThat(entry.met()).isEqualTo(entry.value().compareTo(entry.threshold()) >= 0 || entry.pointsShort().signum() == 0);
        }
    }
}
