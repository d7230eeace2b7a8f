package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;

/** A deployer's overlay adds or replaces rules, is validated like the pack, is in the SHA-256, and never half-loads. */
class RulePackOverlayTest {

    static final Path FIXTURE = Path.of("src/test/resources/rule-pack-overlay");
    private static final PackSource SHIPPED = PackSource.directory(Path.of("rules/usmca"));

    @TempDir
    Path dir;

    private LoadedRulePack withOverlay(Path folder) {
        return new RulePackLoader().load(SHIPPED, RulePackOverlay.directory(folder));
    }

    private Path overlay(String name, String yaml) throws IOException {
        Path folder = dir.resolve("usmca");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), yaml);
        return folder;
    }

    @Test
    void theFixtureAddsAChapter64RuleAndChangesTheSha256() {
        LoadedRulePack plain = new RulePackLoader().load(SHIPPED);
        LoadedRulePack overlaid = withOverlay(FIXTURE.resolve("usmca"));
        assertThat(plain.pack().productRules().lookup(HsCode.parse("6401.10"), null, java.time.LocalDate.of(2026, 7, 1)))
                .isInstanceOf(RuleLookup.NotFound.class);
        RuleLookup found = overlaid.pack().productRules().lookup(HsCode.parse("6401.10"), null, java.time.LocalDate.of(2026, 7, 1));
        assertThat(found).isInstanceOf(RuleLookup.Found.class);
        ProductRule rule = ((RuleLookup.Found) found).rule();
        assertThat(rule.id()).isEqualTo("FIXTURE-64-6401-10");
        assertThat(rule.parseStatus()).as("validated and parsed like a bundled rule").isEqualTo(ParseStatus.PARSED);
        assertThat(rule.file()).isEqualTo("overlay/chapter-64.yaml");
        assertThat(overlaid.pack().productRules().all()).hasSize(plain.pack().productRules().all().size() + 1);
        assertThat(overlaid.pack().sha256()).isNotEqualTo(plain.pack().sha256());
        assertThat(overlaid.pack().version()).isEqualTo(plain.pack().version());
        assertThat(overlaid.warnings()).contains("overlay/chapter-64.yaml:6: rule FIXTURE-64-6401-10 is added by the overlay");
        assertThat(withOverlay(FIXTURE.resolve("usmca")).pack().sha256()).as("the same overlay, the same pack").isEqualTo(overlaid.pack().sha256());
    }

    @Test
    void anyByteOfAnOverlayFileIsInTheSha256() throws IOException {
        String fixture = Files.readString(FIXTURE.resolve("usmca/chapter-64.yaml"));
        String before = withOverlay(overlay("chapter-64.yaml", fixture)).pack().sha256();
        String after = withOverlay(overlay("chapter-64.yaml", fixture.replace("# TEST FIXTURE", "#  TEST FIXTURE"))).pack().sha256();
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void aRuleWithABundledRulesIdReplacesIt() throws IOException {
        Path folder = overlay("chapter-26.yaml", """
                chapter: "26"
                rules:
                  - id: GN11o-minerals-26-2601-2621
                    scope: ["26.01-26.21"]
                    citation: "TEST FIXTURE, not law"
                    source: "written for RulePackOverlayTest"
                    text: "A change to headings 2601 through 2621 from any other chapter."
                """);
        LoadedRulePack overlaid = withOverlay(folder);
        List<ProductRule> ore = overlaid.pack().productRules().all().stream().filter(r -> r.id().equals("GN11o-minerals-26-2601-2621")).toList();
        assertThat(ore).hasSize(1);
        assertThat(ore.get(0).text()).isEqualTo("A change to headings 2601 through 2621 from any other chapter.");
        assertThat(ore.get(0).parseStatus()).as("the overlay's text is not marked unverified").isEqualTo(ParseStatus.PARSED);
        assertThat(overlaid.pack().productRules().all()).hasSize(new RulePackLoader().load(SHIPPED).pack().productRules().all().size());
        assertThat(overlaid.warnings()).anyMatch(w -> w.startsWith("overlay/chapter-26.yaml:3: rule GN11o-minerals-26-2601-2621 replaces the bundled rule at psr/gn11o/chapter-26.yaml:"));
    }

    @Test
    void anUnverifiedHandEncodedOverlayRuleIsProvisionalAndABlankReasonIsRefused() throws IOException {
        String rule = """
                chapter: "64"
                rules:
                  - id: FIXTURE-64-2
                    scope: ["6402.19"]
                    citation: "TEST FIXTURE, not law"
                    source: "written for RulePackOverlayTest"
                    text: "A change to subheading 6402.19 from any other chapter."
                    unverified: "%s"
                    alternatives:
                      - label: A
                        tariffShift: {from: [{anyOther: CHAPTER}]}
                """;
        ProductRule provisional = withOverlay(overlay("chapter-64.yaml", rule.formatted("typed from a photocopy, not compared with the official page")))
                .pack().productRules().all().stream().filter(r -> r.id().equals("FIXTURE-64-2")).findFirst().orElseThrow();
        assertThat(provisional.parseStatus()).isEqualTo(ParseStatus.PROVISIONAL);
        assertThat(provisional.alternatives()).hasSize(1);
        assertThat(provisional.parseNote()).isEqualTo("typed from a photocopy, not compared with the official page");
        Path blank = overlay("chapter-64.yaml", rule.formatted(" "));
        assertThatThrownBy(() -> withOverlay(blank)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("'unverified' must say why the text is not verified against the official text");
    }

    @Test
    void aMalformedOverlayStopsThePackNamingItsFileAndLine() throws IOException {
        Path folder = overlay("chapter-64.yaml", """
                chapter: "64"
                rules:
                  - id: FIXTURE-64-1
                    scope: ["6401.10"]
                    citation: "TEST FIXTURE, not law"
                    source: "written for RulePackOverlayTest"
                    text: "A change to subheading 6401.10 from any other chapter, provided there is a regional value content of not less than 150 percent under the net cost method."
                    alternatives:
                      - label: A
                        regionalValueContent: {netCost: 150}
                """);
        assertThatThrownBy(() -> withOverlay(folder)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("with the overlay " + folder)
                .hasMessageContaining("overlay/chapter-64.yaml:3: rule FIXTURE-64-1: alternative A: netCost threshold 150 is outside 0-100");
    }

    @Test
    void aYamlSyntaxErrorInAnOverlayNamesTheLine() throws IOException {
        Path folder = overlay("chapter-64.yaml", "chapter: \"64\"\nrules:\n  - id: X\n    scope: [\"6401.10\"\n");
        assertThatThrownBy(() -> withOverlay(folder)).isInstanceOf(RulePackException.class)
                .satisfies(e -> assertThat(((RulePackException) e).problems()).anyMatch(p -> p.matches("(?s)overlay/chapter-64\\.yaml:\\d+: .*")));
    }

    @Test
    void anOverlayRuleOverlappingABundledRuleOfAnotherIdIsRefused() throws IOException {
        Path folder = overlay("chapter-26.yaml", """
                chapter: "26"
                rules:
                  - id: FIXTURE-26
                    scope: ["26.01"]
                    citation: "TEST FIXTURE, not law"
                    source: "written for RulePackOverlayTest"
                    text: "A change to heading 2601 from any other chapter."
                """);
        assertThatThrownBy(() -> withOverlay(folder)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("overlaps rule");
    }

    @Test
    void theOverlayFolderMustExistHoldYamlAndNameALoadedPack() throws IOException {
        assertThatThrownBy(() -> RulePackRegistry.overlays(dir.resolve("absent"), List.of("usmca")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("does not exist");
        Files.writeString(dir.resolve("chapter-64.yaml"), "chapter: \"64\"\nrules: []\n");
        assertThatThrownBy(() -> RulePackRegistry.overlays(dir, List.of("usmca")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("belongs in the sub-folder of the pack it changes");
        Files.delete(dir.resolve("chapter-64.yaml"));
        Files.createDirectories(dir.resolve("usmac"));
        assertThatThrownBy(() -> RulePackRegistry.overlays(dir, List.of("usmca")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("usmac: names no rule pack loaded (usmca)");
        Files.delete(dir.resolve("usmac"));
        Files.createDirectories(dir.resolve("usmca"));
        assertThatThrownBy(() -> RulePackRegistry.overlays(dir, List.of("usmca")))
                .isInstanceOf(RulePackException.class).hasMessageContaining("holds no .yaml file");
        assertThat(RulePackRegistry.overlays(FIXTURE, List.of("usmca"))).containsOnlyKeys("usmca");
    }
}
