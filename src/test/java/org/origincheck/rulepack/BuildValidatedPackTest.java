package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RulePack;

/**
 * The bundled pack as the Maven build loaded and validated it (target/classes/validated-rules/usmca.bin, written in
 * process-classes by engine/CompileRulePacksAtBuild) is the pack the YAML loads to, value for value, and is refused when the
 * bundled files or the loader's code are not what it was made from.
 */
class BuildValidatedPackTest {

    private static final ClassLoader APPLICATION = BuildValidatedPackTest.class.getClassLoader();
    private static final PackSource BUNDLED = PackSource.classpath("rules/usmca", APPLICATION);

    @Test
    void theBuildValidatedPackIsThePackTheYamlLoadsTo() {
        LoadedRulePack fromYaml = new RulePackLoader().load(BUNDLED);
        BuildValidatedPack.Lookup lookup = BuildValidatedPack.read("usmca", BUNDLED, APPLICATION);
        assertThat(lookup.loaded()).as(lookup.detail()).isPresent();
        LoadedRulePack built = lookup.loaded().get();
        RulePack yaml = fromYaml.pack();
        RulePack pack = built.pack();

        List<ProductRule> yamlRules = yaml.productRules().all();
        List<ProductRule> builtRules = pack.productRules().all();
        assertThat(builtRules).hasSize(yamlRules.size()).hasSizeGreaterThan(1000);
        for (int i = 0; i < yamlRules.size(); i++) {
            assertThat(builtRules.get(i)).as("rule %d, %s (%s)", i, yamlRules.get(i).id(), yamlRules.get(i).location())
                    .isEqualTo(yamlRules.get(i));
        }
        assertThat(pack.sha256()).isEqualTo(yaml.sha256());
        assertThat(pack.id()).isEqualTo(yaml.id());
        assertThat(pack.version()).isEqualTo(yaml.version());
        assertThat(pack.effectiveFrom()).isEqualTo(yaml.effectiveFrom());
        assertThat(pack.effectiveTo()).isEqualTo(yaml.effectiveTo());
        assertThat(pack.sources()).isEqualTo(yaml.sources());
        assertThat(pack.parameters()).isEqualTo(yaml.parameters());
        assertThat(pack.deMinimisExclusions()).isEqualTo(yaml.deMinimisExclusions());
        assertThat(pack.notes()).isEqualTo(yaml.notes());
        assertThat(pack.options()).isEqualTo(yaml.options());
        assertThat(pack.automotive()).isNotNull().isEqualTo(yaml.automotive());
        assertThat(pack.scheduleTwo()).isEqualTo(yaml.scheduleTwo());
        assertThat(pack.hsCorrelation()).isEqualTo(yaml.hsCorrelation());
        // Every component of the record compared above: a component added later must be compared here too.
        assertThat(RulePack.class.getRecordComponents()).hasSize(14);
        assertThat(pack).isEqualTo(new RulePack(yaml.id(), yaml.version(), yaml.sha256(), yaml.effectiveFrom(), yaml.effectiveTo(),
                yaml.sources(), yaml.parameters(), pack.productRules(), yaml.deMinimisExclusions(), yaml.notes(), yaml.options(),
                yaml.automotive(), yaml.scheduleTwo(), yaml.hsCorrelation()));
        assertThat(built.drl()).isEqualTo(fromYaml.drl());
        assertThat(built.warnings()).isEqualTo(fromYaml.warnings());
    }

    @Test
    void theRuleBookIndexedAgainFindsWhatTheYamlsFinds() {
        RulePack yaml = new RulePackLoader().load(BUNDLED).pack();
        RulePack built = BuildValidatedPack.read("usmca", BUNDLED, APPLICATION).loaded().orElseThrow().pack();
        java.time.LocalDate asOf = java.time.LocalDate.of(2026, 1, 1);
        for (String code : List.of("8708.40", "8708.99.81", "6109.10", "8407.34", "9401.20", "0101.21", "8703.23", "7208.10")) {
            org.origincheck.domain.hs.HsCode hs = org.origincheck.domain.hs.HsCode.parse(code);
            assertThat(built.productRules().lookup(hs, null, asOf)).as(code).isEqualTo(yaml.productRules().lookup(hs, null, asOf));
            for (org.origincheck.domain.automotive.AutomotiveTable table : org.origincheck.domain.automotive.AutomotiveTable.values()) {
                assertThat(built.automotive().tables().matching(table, hs)).as(code + " " + table)
                        .isEqualTo(yaml.automotive().tables().matching(table, hs));
            }
        }
    }

    @Test
    void aBundledFileThatIsNotTheOneItWasMadeFromStopsTheStart() {
        PackSource altered = new PackSource() {
            @Override
            public byte[] read(String relativePath) throws IOException {
                byte[] bytes = BUNDLED.read(relativePath);
                return relativePath.equals("parameters.yaml") ? (new String(bytes, StandardCharsets.UTF_8) + "\n# edited\n").getBytes(StandardCharsets.UTF_8) : bytes;
            }

            @Override
            public String describe() {
                return "an altered copy";
            }
        };
        assertThatThrownBy(() -> BuildValidatedPack.read("usmca", altered, APPLICATION))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("other than the bundled ones in an altered copy")
                .hasMessageContaining("origincheck.rule-packs.validated-at-build=false");
    }

    @Test
    void aMissingBundledFileStopsTheStart() {
        PackSource missing = new PackSource() {
            @Override
            public byte[] read(String relativePath) throws IOException {
                if (relativePath.equals("schedule-2.yaml")) {
                    throw new java.nio.file.NoSuchFileException(relativePath);
                }
                return BUNDLED.read(relativePath);
            }

            @Override
            public String describe() {
                return "a copy without schedule-2.yaml";
            }
        };
        assertThatThrownBy(() -> BuildValidatedPack.read("usmca", missing, APPLICATION))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("schedule-2.yaml cannot be read");
    }

    @Test
    void aLoaderClassOtherThanTheOneItWasMadeWithMeansTheYamlIsLoaded() {
        String changed = "org/origincheck/rulepack/text/PsrTextParser.class";
        ClassLoader recompiled = new ClassLoader(APPLICATION) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals(changed) ? new ByteArrayInputStream(new byte[] {1, 2, 3}) : super.getResourceAsStream(name);
            }
        };
        BuildValidatedPack.Lookup lookup = BuildValidatedPack.read("usmca", BUNDLED, recompiled);
        assertThat(lookup.loaded()).isEmpty();
        assertThat(lookup.detail()).contains(changed);
    }

    @Test
    void aFileCutShortIsNotUsedAndTheYamlIsLoaded() throws IOException {
        byte[] whole;
        try (InputStream in = APPLICATION.getResourceAsStream("validated-rules/usmca.bin")) {
            whole = in.readAllBytes();
        }
        for (int cut : new int[] {whole.length - 4, whole.length - 1000, whole.length / 2}) {
            byte[] shorter = java.util.Arrays.copyOf(whole, cut);
            ClassLoader truncated = new ClassLoader(APPLICATION) {
                @Override
                public InputStream getResourceAsStream(String name) {
                    return name.equals("validated-rules/usmca.bin") ? new ByteArrayInputStream(shorter) : super.getResourceAsStream(name);
                }
            };
            BuildValidatedPack.Lookup lookup = BuildValidatedPack.read("usmca", BUNDLED, truncated);
            assertThat(lookup.loaded()).as("cut at %d of %d", cut, whole.length).isEmpty();
            assertThat(lookup.detail()).contains("cannot be read");
        }
    }

    @Test
    void theDrlSourcesKeepTheirOrder() {
        LoadedRulePack fromYaml = new RulePackLoader().load(BUNDLED);
        LoadedRulePack built = BuildValidatedPack.read("usmca", BUNDLED, APPLICATION).loaded().orElseThrow();
        assertThat(List.copyOf(built.drl().keySet())).isEqualTo(List.copyOf(fromYaml.drl().keySet()));
    }

    @Test
    void aPackNotValidatedAtBuildIsLoadedFromItsYaml() {
        BuildValidatedPack.Lookup lookup = BuildValidatedPack.read("no-such-pack", BUNDLED, APPLICATION);
        assertThat(lookup.loaded()).isEmpty();
        assertThat(lookup.detail()).contains("validated-rules/no-such-pack.bin");
    }

    @Test
    void theBuildStepWritesWhatStartupReadsAndRefusesAnInvalidPack(@TempDir Path temp) throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        // The code digests are of the classes folder the build step is given: the test's own classes are the application's.
        copyTree(Path.of("target/classes/org/origincheck"), classes.resolve("org/origincheck"));
        Path pack = ShippedPackCopy.into(temp.resolve("usmca"));
        BuildValidatedPack.validateAndWrite(pack, classes);
        assertThat(classes.resolve("validated-rules/usmca.bin")).isRegularFile();

        Files.writeString(pack.resolve("parameters.yaml"), "not: [a parameter", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BuildValidatedPack.validateAndWrite(pack, classes)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("parameters.yaml");
        assertThat(classes.resolve("validated-rules/usmca.bin")).as("no stale file left beside an invalid pack").doesNotExist();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
