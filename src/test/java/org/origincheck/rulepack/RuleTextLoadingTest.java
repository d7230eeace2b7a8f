package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.hs.HsLevel;

/** The verbatim text is the source of truth: rules without a structure are parsed; what does not parse is kept for review. */
class RuleTextLoadingTest {

    @TempDir
    Path dir;
    Path pack;

    @BeforeEach
    void copyPack() throws IOException {
        pack = dir.resolve("usmca");
        ShippedPackCopy.into(pack);
    }

    private void addRule(String yaml) throws IOException {
        Path file = pack.resolve("psr/chapter-32.yaml");
        Files.writeString(file, Files.readString(file) + yaml);
    }

    private ProductRule rule(LoadedRulePack loaded, String id) {
        return loaded.pack().productRules().all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldParseTheStructureFromTheTextWhenNoneIsGiven() throws IOException {
        addRule("""
                  - id: "T-1"
                    scope: ["6401.10"]
                    citation: "test"
                    source: "test"
                    text: "A change to subheading 6401.10 from any other heading."
                """);
        ProductRule rule = rule(new RulePackLoader().load(PackSource.directory(pack)), "T-1");
        assertThat(rule.parseStatus()).isEqualTo(ParseStatus.PARSED);
        assertThat(rule.alternatives()).hasSize(1);
        assertThat(rule.alternatives().get(0).tariffShift().from()).containsExactly(new ShiftSource.AnyOther(HsLevel.HEADING));
    }

    @Test
    void shouldKeepARuleWhoseTextDoesNotParseForManualReviewWithTheReason() throws IOException {
        addRule("""
                  - id: "T-2"
                    scope: ["6401.92"]
                    citation: "test"
                    source: "test"
                    text: "A change to subheading 6401.92 from any other heading, provided that: (1) the pigment is originating, and (2) the sole is originating."
                """);
        ProductRule rule = rule(new RulePackLoader().load(PackSource.directory(pack)), "T-2");
        assertThat(rule.parseStatus()).isEqualTo(ParseStatus.MANUAL_REVIEW);
        assertThat(rule.alternatives()).isEmpty();
        // A condition of fact is a declared proviso since issue 13; one with parts of its own is still refused.
        assertThat(rule.parseNote()).contains("not parsed").contains("parts of its own");
    }

    @Test
    void shouldApplyARuleStatedForAPeriodOnlyWhenItsDatesAgreeWithTheText() throws IOException {
        String text = "Beginning on July 1, 2020 until July 1, 2023, the following rule of origin shall apply to subheading 6401.99: "
                + "(a) A change to subheading 6401.99 from any other heading.";
        addRule("""
                  - id: "T-dated-agrees"
                    scope: ["6401.99"]
                    effectiveFrom: 2020-07-01
                    effectiveTo: 2023-06-30
                    citation: "test"
                    source: "test"
                    text: "%s"
                  - id: "T-dated-disagrees"
                    scope: ["6401.99"]
                    effectiveFrom: 2023-07-01
                    citation: "test"
                    source: "test"
                    text: "%s"
                """.formatted(text, text));
        LoadedRulePack loaded = new RulePackLoader().load(PackSource.directory(pack));
        assertThat(rule(loaded, "T-dated-agrees").parseStatus()).isEqualTo(ParseStatus.PARSED);
        ProductRule disagrees = rule(loaded, "T-dated-disagrees");
        assertThat(disagrees.parseStatus()).isEqualTo(ParseStatus.MANUAL_REVIEW);
        assertThat(disagrees.parseNote()).contains("2020-07-01 to 2023-06-30").contains("dated 2023-07-01");
    }

    @Test
    void shouldHonourAnExplicitManualReviewMark() throws IOException {
        addRule("""
                  - id: "T-3"
                    scope: ["6401.99"]
                    citation: "test"
                    source: "test"
                    manualReview: "text taken from a structured field; an RVC proviso may be missing"
                    text: "A change to subheading 6401.99 from any other heading."
                """);
        ProductRule rule = rule(new RulePackLoader().load(PackSource.directory(pack)), "T-3");
        assertThat(rule.parseStatus()).isEqualTo(ParseStatus.MANUAL_REVIEW);
        assertThat(rule.parseNote()).isEqualTo("text taken from a structured field; an RVC proviso may be missing");
    }

    @Test
    void shouldWarnWhenAHandEncodedRuleDiffersFromItsText() throws IOException {
        Path file = pack.resolve("psr/chapter-76.yaml");
        String yaml = Files.readString(file);
        // 76.03's text says "from any other chapter"; encode it as a change of heading instead.
        String changed = yaml.replaceFirst("from: \\[\\{anyOther: CHAPTER\\}\\]", "from: [{anyOther: HEADING}]");
        assertThat(changed).isNotEqualTo(yaml);
        Files.writeString(file, changed);
        LoadedRulePack loaded = new RulePackLoader().load(PackSource.directory(pack));
        assertThat(loaded.warnings()).anyMatch(w -> w.startsWith("psr/chapter-76.yaml:") && w.contains("GN11o-76-7603")
                && w.contains("differently from what its text parses to"));
    }

    @Test
    void shouldReportCoverageForEveryChapterOfTheShippedPack() {
        LoadedRulePack loaded = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")));
        String report = CoverageReport.render(loaded);
        long rules = loaded.pack().productRules().all().size();
        long manual = loaded.pack().productRules().all().stream().filter(r -> r.parseStatus() == ParseStatus.MANUAL_REVIEW).count();
        assertThat(report).contains("Chapters with no product-specific rule: 64, 65, 66, 67 (77 is reserved in the HS)");
        assertThat(report).contains("total ");
        assertThat(report).containsPattern("(?m)^total\\s+" + rules + "\\s+\\d+\\s+\\d+\\s+\\d+\\s+" + manual + "\\s");
        assertThat(report.lines().filter(l -> l.matches("^\\d\\d\\s.*")).count()).isEqualTo(92);
        assertThat(rules).isGreaterThan(1000);
    }
}
