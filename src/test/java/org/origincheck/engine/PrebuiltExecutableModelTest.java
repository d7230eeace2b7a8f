package org.origincheck.engine;

import org.origincheck.rulepack.ShippedPackCopy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;
import org.origincheck.rulepack.RulePackOverlay;

/**
 * The bundled pack's DRL compiled during the build (pom.xml, process-classes: {@link CompileRulePacksAtBuild}) is what the engine
 * runs, and only for exactly the DRL and domain classes it was compiled from; anything else is compiled at startup as before.
 * That both give the same determinations on any BOM: {@code PrebuiltModelAgreementProperties}.
 */
class PrebuiltExecutableModelTest {

    private static final Path SHIPPED = Path.of("rules/usmca");
    private static final ClassLoader APPLICATION = PrebuiltExecutableModelTest.class.getClassLoader();
    private static LoadedRulePack bundled;

    @BeforeAll
    static void load() {
        DroolsLogLevels.asInTheService();
        bundled = new RulePackLoader().load(PackSource.directory(SHIPPED));
    }

    @Test
    void theBundledPackRunsOnTheModelCompiledDuringTheBuild() {
        String how = new DroolsOriginEngine(APPLICATION).compile(bundled);
        assertThat(how).as("run `mvn process-classes` if this fails in an IDE")
                .startsWith("from the prebuilt executable model compiled-rules/" + PrebuiltExecutableModel.key(bundled) + ".zip")
                .contains("usmca " + bundled.pack().version() + ", sha256 " + bundled.pack().sha256());
    }

    @Test
    void aPackWhoseDrlDiffersIsCompiledAtStartupAndDecidesTheSame(@TempDir Path dir) throws IOException {
        Path copy = copyOfTheShippedPack(dir);
        Path drl = copy.resolve("drl/tariff-shift.drl");
        Files.writeString(drl, Files.readString(drl) + "\n// one more line: the same rules, other DRL text\n");
        LoadedRulePack changed = new RulePackLoader().load(PackSource.directory(copy));
        assertThat(PrebuiltExecutableModel.key(changed)).isNotEqualTo(PrebuiltExecutableModel.key(bundled));

        DroolsOriginEngine engine = new DroolsOriginEngine(APPLICATION);
        assertThat(engine.compile(changed)).startsWith("compiled from the DRL at startup: no prebuilt executable model for these DRL files");
        DroolsOriginEngine prebuilt = new DroolsOriginEngine(APPLICATION);
        prebuilt.compile(bundled);
        Evaluation atStartup = engine.evaluate(boiler(), changed.pack());
        Evaluation fromTheBuild = prebuilt.evaluate(boiler(), bundled.pack());
        assertThat(atStartup.status()).isEqualTo(DeterminationStatus.ORIGINATING);
        assertThat(atStartup.reasons()).isEqualTo(fromTheBuild.reasons());
        assertThat(atStartup.rulePack().sha256()).as("each names the pack it used").isEqualTo(changed.pack().sha256())
                .isNotEqualTo(fromTheBuild.rulePack().sha256());
    }

    /**
     * A deployer's overlay changes product rules (data read at evaluation), not the DRL: it runs on the rules compiled during
     * the build, decides by the overlay's rule, and names the overlaid pack's digest.
     */
    @Test
    void anOverlayOfProductRulesRunsOnTheModelCompiledDuringTheBuild() {
        LoadedRulePack overlaid = new RulePackLoader().load(PackSource.directory(SHIPPED),
                RulePackOverlay.directory(Path.of("src/test/resources/rule-pack-overlay/usmca")));
        assertThat(overlaid.pack().sha256()).isNotEqualTo(bundled.pack().sha256());
        assertThat(PrebuiltExecutableModel.key(overlaid)).isEqualTo(PrebuiltExecutableModel.key(bundled));

        DroolsOriginEngine prebuilt = new DroolsOriginEngine(APPLICATION);
        assertThat(prebuilt.compile(overlaid)).startsWith("from the prebuilt executable model");
        DroolsOriginEngine atStartup = new DroolsOriginEngine(APPLICATION, false);
        assertThat(atStartup.compile(overlaid)).startsWith("compiled from the DRL at startup: models compiled at build time switched off");

        // The fixture's invented rule for 6401.10: a change from any other chapter.
        BillOfMaterials boot = new BillOfMaterials("overlay", LocalDate.of(2026, 7, 1),
                new Good("BOOT", null, HsCode.parse("6401.10"), null, "MX", "USD", new BigDecimal("100.00"), null, null, null),
                List.of(new Material(0, "SOLE", null, HsCode.parse("4016.99"), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal("20.00"),
                        BigDecimal.ONE, "EA", MaterialKind.DIRECT, true)));
        Evaluation evaluation = prebuilt.evaluate(boot, overlaid.pack());
        assertThat(evaluation.productRule().id()).isEqualTo("FIXTURE-64-6401-10");
        assertThat(evaluation.rulePack().sha256()).isEqualTo(overlaid.pack().sha256());
        assertThat(evaluation).isEqualTo(atStartup.evaluate(boot, overlaid.pack()));
    }

    /** A domain class recompiled without the build (dev mode, an IDE) would leave the generated code out of date. */
    @Test
    void aDomainClassThatChangedSinceTheBuildIsNotRunWithTheOldModel() {
        String changedClass = "org/origincheck/domain/evaluation/Findings.class";
        ClassLoader afterAnEdit = new ClassLoader(APPLICATION) {
            @Override
            public InputStream getResourceAsStream(String name) {
                InputStream original = super.getResourceAsStream(name);
                if (!name.equals(changedClass) || original == null) {
                    return original;
                }
                try (original) {
                    byte[] bytes = original.readAllBytes();
                    bytes[bytes.length - 1] ^= 1;
                    return new ByteArrayInputStream(bytes);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        assertThat(PrebuiltExecutableModel.find(bundled, APPLICATION).kieBase()).isPresent();
        PrebuiltExecutableModel.Lookup lookup = PrebuiltExecutableModel.find(bundled, afterAnEdit);
        assertThat(lookup.kieBase()).isEmpty();
        assertThat(lookup.detail()).isEqualTo("the domain class " + changedClass + " differs from the one the prebuilt model was compiled against");
    }

    /** Example boiler: a change of heading, every material of another heading. */
    private static BillOfMaterials boiler() {
        return new BillOfMaterials("boiler", LocalDate.of(2026, 7, 1),
                new Good("BLR", null, HsCode.parse("8402.11"), null, "MX", "USD", new BigDecimal("1000.00"), null, null, null),
                List.of(new Material(0, "TUBE", null, HsCode.parse("7304.19"), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal("300.00"),
                        BigDecimal.ONE, "EA", MaterialKind.DIRECT, true)));
    }

    private static Path copyOfTheShippedPack(Path dir) throws IOException {
        Path target = dir.resolve("usmca");
        ShippedPackCopy.into(target);
        return target;
    }
}
