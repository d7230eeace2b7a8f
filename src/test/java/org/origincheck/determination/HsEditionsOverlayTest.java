package org.origincheck.determination;

import org.origincheck.rulepack.ShippedPackCopy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.CorrelatingHsEditions;
import org.origincheck.domain.evaluation.DecidingOverUnknownFacts;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginCriterion;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.evaluation.ReasonCode;
import org.origincheck.domain.evaluation.ReferenceOriginEngine;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.engine.DroolsLogLevels;
import org.origincheck.engine.DroolsOriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackException;
import org.origincheck.rulepack.RulePackLoader;
import org.origincheck.rulepack.RulePackOverlay;

/**
 * Issue 13 in a deployment: the shipped pack has no HS 2022 - HS 2017 correlation table, so a deployer adds one through the
 * overlay ({@code hs-editions.yaml} and its table in the pack's overlay folder, docs/rule-pack-overlay.md). The overlay used is
 * a TEST FIXTURE of fictional codes (src/test/resources/rule-pack-overlay-hs-editions/usmca), not law; the seat, its figures
 * and the rule applied (the shipped GN11o-94-1) are those of {@link HsEditionCorrelationTest}, whose comment gives the source of
 * each: transaction value 1,000.00, one non-originating part of 300.00, RVC (TV) 70% against the 60% of alternative (B).
 */
class HsEditionsOverlayTest {

    static final Path FIXTURE = Path.of("src/test/resources/rule-pack-overlay-hs-editions/usmca");
    private static final PackSource SHIPPED = PackSource.directory(Path.of("rules/usmca"));

    private static RulePack plainPack;
    private static RulePack overlaidPack;
    private static DroolsOriginEngine drools;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        DroolsLogLevels.asInTheService();
        LoadedRulePack plain = new RulePackLoader().load(SHIPPED);
        LoadedRulePack overlaid = new RulePackLoader().load(SHIPPED, RulePackOverlay.directory(FIXTURE));
        plainPack = plain.pack();
        overlaidPack = overlaid.pack();
        drools = new DroolsOriginEngine(HsEditionsOverlayTest.class.getClassLoader());
        drools.compile(plain);
        drools.compile(overlaid);
    }

    interface EngineFactory {
        OriginEngine engine();
    }

    static Stream<Arguments> engines() {
        return Stream.of(Arguments.of("Drools", (EngineFactory) () -> drools),
                Arguments.of("reference", (EngineFactory) ReferenceOriginEngine::new));
    }

    private static Evaluation evaluate(EngineFactory f, RulePack pack) {
        Good good = new Good("SEAT-1", "seat of a kind used for motor vehicles", HsCode.parse("9401.20"), EndUse.AFTERMARKET, "MX", "USD",
                new BigDecimal("1000.00"), null, null, null);
        Material part = new Material(0, "FRAME-1", "seat frame part", HsCode.parse("9401.97"), OriginStatus.NON_ORIGINATING, "CN",
                new BigDecimal("300.00"), null, null, MaterialKind.DIRECT);
        return new CorrelatingHsEditions(new DecidingOverUnknownFacts(f.engine()))
                .evaluate(new BillOfMaterials("seat", LocalDate.of(2026, 7, 1), good, List.of(part)), pack);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theOverlaysCorrelationTurnsTheSeatFromNotOriginatingIntoTheCorrelatedAnswer(String name, EngineFactory engine) {
        assertThat(evaluate(engine, plainPack).status()).as("the shipped pack, no table: the fault as reported")
                .isEqualTo(DeterminationStatus.NOT_ORIGINATING);

        Evaluation e = evaluate(engine, overlaidPack);

        assertThat(e.status()).isEqualTo(DeterminationStatus.ORIGINATING);
        assertThat(e.originCriterion()).isEqualTo(OriginCriterion.B);
        assertThat(e.productRule().id()).isEqualTo("GN11o-94-1");
        assertThat(e.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.HS_EDITION_CORRELATED);
            assertThat(r.message()).contains("material FRAME-1: HS 2022 subheading 9401.97 read as HS 2017 subheading 9401.90");
            assertThat(r.citation()).isEqualTo("TEST FIXTURE, not the HS 2022 - HS 2017 correlation (overlay)");
        });
    }

    @Test
    void theOverlaysFilesAreInTheSha256AndTheLoadSaysTheTableWasAdded() throws IOException {
        LoadedRulePack overlaid = new RulePackLoader().load(SHIPPED, RulePackOverlay.directory(FIXTURE));
        assertThat(overlaid.pack().sha256()).isNotEqualTo(plainPack.sha256()).isEqualTo(overlaidPack.sha256());
        assertThat(overlaid.pack().productRules().all()).as("hs-editions.yaml is not read as a rule file")
                .hasSize(plainPack.productRules().all().size());
        assertThat(overlaid.warnings()).contains("overlay/hs-editions.yaml: the HS 2022 - HS 2017 correlation overlay/hs-correlation-fixture.tsv"
                + " is added by the overlay (TEST FIXTURE, not the HS 2022 - HS 2017 correlation (overlay))");

        Path changed = copyOfFixture();
        Files.writeString(changed.resolve("hs-correlation-fixture.tsv"), "940199\t940190\tn:1\n", StandardOpenOption.APPEND);
        assertThat(new RulePackLoader().load(SHIPPED, RulePackOverlay.directory(changed)).pack().sha256())
                .as("one more row of the table, another pack").isNotEqualTo(overlaidPack.sha256());
    }

    @Test
    void aMalformedOverlayTableStopsThePackNamingTheFileAndLine() throws IOException {
        Path folder = copyOfFixture();
        Files.writeString(folder.resolve("hs-correlation-fixture.tsv"), "9401.99\t940190\tn:1\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> new RulePackLoader().load(SHIPPED, RulePackOverlay.directory(folder)))
                .isInstanceOf(RulePackException.class)
                .satisfies(t -> assertThat(((RulePackException) t).problems()).containsExactly(
                        "overlay/hs-correlation-fixture.tsv:14: a correlation row is an HS 2022 subheading, an HS 2017 subheading"
                                + " (six digits each) and a relationship (1:1, 1:n, n:1 or n:n), separated by tabs"))
                .hasMessageContaining(folder.toString());
    }

    @Test
    void anOverlayHsEditionsFileWithoutItsKeysOrItsTableIsRefused() throws IOException {
        Path folder = copyOfFixture();
        Files.writeString(folder.resolve("hs-editions.yaml"), "correlation: hs-correlation-fixture.tsv\nhs2022From: 2022-01-27\n");
        assertThatThrownBy(() -> new RulePackLoader().load(SHIPPED, RulePackOverlay.directory(folder)))
                .isInstanceOf(RulePackException.class)
                .satisfies(t -> assertThat(((RulePackException) t).problems())
                        .containsExactly("overlay/hs-editions.yaml: hsEditions needs its correlation table, the citation of it and hs2022From"));

        Files.writeString(folder.resolve("hs-editions.yaml"), "correlation: ../hs-correlation-fixture.tsv\ncitation: x\nhs2022From: 2022-01-27\n");
        assertThatThrownBy(() -> new RulePackLoader().load(SHIPPED, RulePackOverlay.directory(folder)))
                .isInstanceOf(RulePackException.class)
                .satisfies(t -> assertThat(((RulePackException) t).problems()).singleElement().asString()
                        .startsWith("overlay/../hs-correlation-fixture.tsv: listed in the manifest but cannot be read"));
    }

    @Test
    void theOverlaysCorrelationReplacesTheBundledOne() throws IOException {
        // A pack that ships its own (fixture) table: the overlay's takes its place whole, the bundled one is still checked.
        Path pack = dir.resolve("pack");
        ShippedPackCopy.into(pack);
        Files.writeString(pack.resolve("bundled-fixture.tsv"), "hs2022\ths2017\trelationship\n940120\t940120\t1:1\n");
        Files.writeString(pack.resolve("pack.yaml"), """

                hsEditions:
                  correlation: bundled-fixture.tsv
                  citation: "TEST FIXTURE, bundled"
                  hs2022From: 2022-01-27
                """, StandardOpenOption.APPEND);

        LoadedRulePack bundled = new RulePackLoader().load(PackSource.directory(pack));
        LoadedRulePack overlaid = new RulePackLoader().load(PackSource.directory(pack), RulePackOverlay.directory(FIXTURE));

        assertThat(bundled.pack().hsCorrelation().citation()).isEqualTo("TEST FIXTURE, bundled");
        assertThat(overlaid.pack().hsCorrelation().citation()).isEqualTo("TEST FIXTURE, not the HS 2022 - HS 2017 correlation (overlay)");
        assertThat(overlaid.pack().hsCorrelation().rows()).isEqualTo(11);
        assertThat(overlaid.warnings()).anySatisfy(w -> assertThat(w).startsWith("overlay/hs-editions.yaml:").endsWith(
                "replaces the bundled one (TEST FIXTURE, not the HS 2022 - HS 2017 correlation (overlay))"));
    }

    private Path copyOfFixture() throws IOException {
        Path folder = dir.resolve("usmca");
        Files.createDirectories(folder);
        for (String name : List.of("hs-editions.yaml", "hs-correlation-fixture.tsv")) {
            Files.copy(FIXTURE.resolve(name), folder.resolve(name));
        }
        return folder;
    }
}
