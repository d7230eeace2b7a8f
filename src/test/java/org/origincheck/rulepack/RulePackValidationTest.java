package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origincheck.engine.DroolsOriginEngine;

/**
 * The loader's promise: a malformed pack is rejected whole, with a problem naming the file, the line (for
 * a product rule) and what is wrong. Each test copies the shipped pack, makes one purposeful fault and
 * checks the problem list. Expected lines are computed from the file as written, never guessed.
 */
class RulePackValidationTest {

    private static final Path SHIPPED = Path.of("rules/usmca");

    @TempDir
    Path temp;

    private Path pack;

    @BeforeEach
    void copyShippedPack() throws IOException {
        pack = temp.resolve("usmca");
        ShippedPackCopy.into(pack);
    }

    // ---------------------------------------------------------------------------------------------
    // The shipped pack

    @Test
    void shouldLoadTheShippedPackWithAllItsProductRulesAndASha256() {
        LoadedRulePack loaded = load(pack);

        assertThat(loaded.pack().id()).isEqualTo("usmca");
        assertThat(loaded.pack().productRules().all()).hasSizeGreaterThanOrEqualTo(18);
        assertThat(loaded.pack().sha256()).matches("[0-9a-f]{64}");
        assertThat(loaded.drl()).containsKeys("drl/origin-criteria.drl", "drl/tariff-shift.drl",
                "drl/regional-value-content.drl", "drl/product-rule.drl");
    }

    @Test
    void shouldComputeTheSameSha256WhenThePackIsLoadedTwice() {
        String first = load(pack).pack().sha256();
        String second = load(pack).pack().sha256();
        String fromTheRepository = load(SHIPPED).pack().sha256();

        assertThat(second).isEqualTo(first);
        assertThat(fromTheRepository).as("a byte-identical copy has the same digest").isEqualTo(first);
    }

    @Test
    void shouldChangeTheSha256WhenAnySingleByteOfAPsrFileChanges() throws IOException {
        String original = load(pack).pack().sha256();
        List<Path> psrFiles;
        try (Stream<Path> files = Files.list(pack.resolve("psr"))) {
            psrFiles = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(psrFiles).hasSize(11);

        Set<String> digests = new HashSet<>(Set.of(original));
        for (Path file : psrFiles) {
            byte[] before = Files.readAllBytes(file);
            // One byte of a verification date, inside a quoted string: the pack stays valid.
            byte[] after = before.clone();
            int at = new String(before, StandardCharsets.ISO_8859_1).indexOf("2026-11-22") + 9;
            assertThat(at).as("a verification date in %s", file).isGreaterThan(8);
            after[at] = (byte) (after[at] == '2' ? '3' : '2');
            assertThat(differingBytes(before, after)).isEqualTo(1);

            Files.write(file, after);
            String changed = load(pack).pack().sha256();
            Files.write(file, before);

            assertThat(changed).as("sha256 after changing one byte of %s", file.getFileName())
                    .matches("[0-9a-f]{64}")
                    .isNotEqualTo(original);
            assertThat(digests.add(changed)).as("each change gives its own digest").isTrue();
        }
        assertThat(load(pack).pack().sha256()).as("restored files, restored digest").isEqualTo(original);
    }

    // ---------------------------------------------------------------------------------------------
    // Malformed YAML and unknown fields: reported at the offending line

    @Test
    void shouldRejectAYamlSyntaxErrorInAPsrFile() {
        Path file = pack.resolve("psr/chapter-84.yaml");
        // An unquoted value containing ": " is not valid in a block mapping.
        edit(file, "    citation: \"HTSUS General Note 11(o), Chapter 84, rule 4; USMCA Annex 4-B\"",
                "    citation: HTSUS General Note 11(o), Chapter 84: rule 4");
        int line = lineOf(file, "Chapter 84: rule 4");

        RulePackException e = rejected(pack);

        assertProblem(e, "psr/chapter-84.yaml:" + line + ": ", "mapping values are not allowed");
    }

    @Test
    void shouldRejectAnUnknownFieldInARule() {
        Path file = pack.resolve("psr/chapter-84.yaml");
        // A typo in the first of the two rules of the file.
        editInRule(file, "GN11o-84-3", "    alternatives:", "    alternativs:");
        int fieldLine = lineOf(file, "alternativs:");
        int ruleLine = ruleLine(file, "GN11o-84-3");

        RulePackException e = rejected(pack);

        // The typo's own line, or at least the first line of the rule it is in.
        assertThat(e.problems()).as("problems of the rejected pack").anyMatch(
                p -> (p.startsWith("psr/chapter-84.yaml:" + fieldLine + ": ") || p.startsWith("psr/chapter-84.yaml:" + ruleLine + ": "))
                        && p.contains("alternativs"),
                "a problem at psr/chapter-84.yaml:" + fieldLine + " (or :" + ruleLine + ") naming 'alternativs'");
    }

    // ---------------------------------------------------------------------------------------------
    // Thresholds

    @Test
    void shouldRejectThresholdAbove100() {
        Path file = pack.resolve("psr/chapter-32.yaml");
        edit(file, "{transactionValue: 40, netCost: 30}", "{transactionValue: 150, netCost: 30}");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-32-4"), "threshold 150 is outside 0-100");
    }

    @Test
    void shouldRejectNegativeThreshold() {
        Path file = pack.resolve("psr/chapter-95.yaml");
        edit(file, "{transactionValue: 45, netCost: 35}", "{transactionValue: 45, netCost: -5}");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-95-1"), "threshold -5 is outside 0-100");
    }

    @Test
    void shouldRejectADatedThresholdScheduleWhosePeriodsOverlap() {
        Path file = pack.resolve("psr/chapter-87.yaml");
        // 69% now runs to the end of 2022, but 72% begins on 2022-07-01.
        edit(file, "{from: 2021-07-01, to: 2022-06-30, value: 69}", "{from: 2021-07-01, to: 2022-12-31, value: 69}");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "SOR13-8708.40-1"), "periods overlap");
    }

    // ---------------------------------------------------------------------------------------------
    // HS ranges

    @Test
    void shouldRejectAMalformedHsRange() {
        Path file = pack.resolve("psr/chapter-84.yaml");
        edit(file, "scope: [\"8402.90\"]", "scope: [\"84.0x\"]");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-84-4"), "'84.0x' is not a provision");
    }

    @Test
    void shouldRejectAReversedHsRange() {
        Path file = pack.resolve("psr/chapter-84.yaml");
        edit(file, "scope: [\"8402.11-8402.20\"]", "scope: [\"8402.20-8402.11\"]");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-84-3"), "reversed");
    }

    // ---------------------------------------------------------------------------------------------
    // Required provenance

    @Test
    void shouldRejectARuleWithoutText() {
        Path file = pack.resolve("psr/chapter-76.yaml");
        edit(file, "    text: >-\n      A change to heading 7603 from any other chapter.\n", "");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-76-7603"), "'text' is required");
    }

    @Test
    void shouldRejectARuleWhoseTextIsAFragmentNotARule() {
        // The transcription's row for 8414.59-8414.80 read only "subheading 8414.90" (SOR/2020-155 s.5, Example 2).
        Path file = pack.resolve("psr/chapter-76.yaml");
        edit(file, "      A change to heading 7603 from any other chapter.\n", "      heading 7602\n");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-76-7603"), "it is not a rule of Annex 4-B");
    }

    @Test
    void shouldRejectARuleWithoutCitation() {
        Path file = pack.resolve("psr/chapter-76.yaml");
        edit(file, "    citation: \"HTSUS General Note 11(o), Chapter 76, rule for headings 76.08 through 76.09; USMCA Annex 4-B\"\n", "");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-76-7608-7609"), "'citation' is required");
    }

    // ---------------------------------------------------------------------------------------------
    // The rule book as a whole

    @Test
    void shouldRejectTwoRulesWithTheSameId() {
        Path file = pack.resolve("psr/chapter-84.yaml");
        edit(file, "id: \"GN11o-84-4\"", "id: \"GN11o-84-3\"");
        List<Integer> lines = linesOf(file, "id: \"GN11o-84-3\"");
        assertThat(lines).hasSize(2);

        RulePackException e = rejected(pack);

        assertProblem(e, "psr/chapter-84.yaml:" + lines.get(1) + ": ",
                "rule id GN11o-84-3 is already used at psr/chapter-84.yaml:" + lines.get(0));
    }

    @Test
    void shouldRejectTwoRulesWhoseScopesOverlapWithoutBeingIdentical() {
        Path file = pack.resolve("psr/chapter-84.yaml");
        append(file, """
                  - id: "TEST-8402.19"
                    scope: ["8402.19"]
                    citation: "a test citation"
                    source: "a test source"
                    text: >-
                      A change to subheading 8402.19 from any other heading.
                    alternatives:
                      - label: A
                        tariffShift:
                          from: [{anyOther: HEADING}]
                """);

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "TEST-8402.19"),
                "overlaps rule GN11o-84-3 (8402.11-8402.20) at psr/chapter-84.yaml:" + ruleLine(file, "GN11o-84-3"));
    }

    @Test
    void shouldRejectTwoRulesWithIdenticalScopeForTheSameEndUse() {
        Path file = pack.resolve("psr/chapter-87.yaml");
        // Both 8708.40 rules now apply to passenger vehicles and light trucks: they are not variants.
        edit(file, "endUses: [HEAVY_TRUCK_OE]", "endUses: [PASSENGER_VEHICLE_OE, LIGHT_TRUCK_OE]");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "SOR13-8708.40-2"), "declare them as alternatives");
    }

    @Test
    void shouldRejectAnyOtherGoodOfASubheadingWhenThePackHasNoRuleForATariffItemOfIt() throws IOException {
        // GN 11(o) rule 82 (8536.30), "A change to any other good of subheading 8536.30 ...", describes no good: "other" is read as
        // other than the goods of the tariff-item rule printed before it (rule 81, 8536.30.40). Without that rule it refers to
        // nothing, and applying rule 82 to every good of 8536.30 would apply it to goods it may not cover.
        Path file = pack.resolve("psr/gn11o/chapter-85.yaml");
        String content = read(file);
        int itemRule = content.indexOf("- id: GN11o-mach-85-8536-30-40\n");
        int next = content.indexOf("\n- id: ", itemRule);
        assertThat(itemRule).isNotNegative();
        assertThat(next).isGreaterThan(itemRule);
        write(file, content.substring(0, itemRule) + content.substring(next + 1));
        List<Integer> lines = exactLinesOf(file, "- id: GN11o-mach-85-8536-30");
        assertThat(lines).hasSize(1);

        RulePackException e = rejected(pack);

        assertProblem(e, "psr/gn11o/chapter-85.yaml:" + lines.get(0) + ": ", "rule GN11o-mach-85-8536-30 is for \"any other\" tariff"
                + " item or good of 8536.30, but the pack has no rule for a tariff item of it: 'other' would refer to nothing");
    }

    // ---------------------------------------------------------------------------------------------
    // Alternatives

    @Test
    void shouldRejectAnAlternativeWithNeitherTariffShiftNorRegionalValueContent() {
        Path file = pack.resolve("psr/chapter-32.yaml");
        edit(file, "        regionalValueContent: {transactionValue: 40, netCost: 30}\n", "");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-32-4"), "alternative B: requires neither a tariffShift nor a regionalValueContent");
    }

    @Test
    void shouldRejectAFromClauseWithTwoKeys() {
        Path file = pack.resolve("psr/chapter-84.yaml");
        edit(file, "from: [{provisions: [\"8402.90\"]}, {anyOther: HEADING}]", "from: [{provisions: [\"8402.90\"], anyOther: HEADING}]");

        RulePackException e = rejected(pack);

        assertProblem(e, at(file, "GN11o-84-3"), "exactly one of anyOther, outside, provisions");
    }

    // ---------------------------------------------------------------------------------------------
    // Manifest, parameters and DRL

    @Test
    void shouldRejectAFileListedInTheManifestThatDoesNotExist() {
        edit(pack.resolve("pack.yaml"), "  - psr/chapter-95.yaml\n", "  - psr/chapter-95.yaml\n  - psr/chapter-96.yaml\n");

        RulePackException e = rejected(pack);

        assertProblem(e, "psr/chapter-96.yaml: ", "listed in the manifest but cannot be read");
    }

    @Test
    void shouldRejectAMissingRequiredParameter() {
        edit(pack.resolve("parameters.yaml"), """
                parts_rule_4_2_d.rvc_net_cost_percent:
                  description: "Regional value content required under Art. 4.2(d) by the net cost method"
                  reference: "USMCA Art. 4.2(d)(ii); SOR/2020-155 s.3(4)(a)(ii) and (b)(ii)"
                  values:
                    2020-07-01: 50
                """, "");

        RulePackException e = rejected(pack);

        assertProblem(e, "parameters.yaml: ", "required parameter parts_rule_4_2_d.rvc_net_cost_percent is missing");
    }

    @Test
    void shouldRejectARuleThatReordersItselfWithASalience() {
        Path file = pack.resolve("drl/regional-value-content.drl");
        edit(file, "    agenda-group \"Art. 4.5: regional value content of each alternative that requires one\"",
                "    salience 45");
        int line = lineOf(file, "salience 45");

        RulePackException e = rejected(pack);

        assertProblem(e, "drl/regional-value-content.drl:" + line + ": ", "salience is not used");
        assertProblem(e, "drl/regional-value-content.drl:", "names no agenda-group");
    }

    @Test
    void shouldRejectARuleOutsideTheLegalSteps() {
        Path file = pack.resolve("drl/automotive.drl");
        edit(file, "agenda-group \"Appendix to Annex 4-B: core parts, steel and aluminum, labour value content\"",
                "agenda-group \"vehicles\"");
        int line = lineOf(file, "agenda-group \"vehicles\"");

        RulePackException e = rejected(pack);

        assertProblem(e, "drl/automotive.drl:" + line + ": ", "agenda-group \"vehicles\" is not one of the legal steps");
    }

    @Test
    void shouldRejectADrlFileWithASyntaxError() {
        Path file = pack.resolve("drl/tariff-shift.drl");
        breakDrl(file);
        int line = lineOf(file, "$material : Material(");
        LoadedRulePack loaded = load(pack);

        RulePackException e = compileFails(loaded);

        assertThat(e.problems()).as("problems").anyMatch(p -> p.contains("tariff-shift.drl:" + line + ": ")
                && p.contains("mismatched input '$material'"), "a problem at tariff-shift.drl:" + line);
    }

    @Test
    void shouldNameTheDrlFileByItsPathInThePackWhenItHasASyntaxError() {
        Path file = pack.resolve("drl/tariff-shift.drl");
        breakDrl(file);
        int line = lineOf(file, "$material : Material(");
        LoadedRulePack loaded = load(pack);

        RulePackException e = compileFails(loaded);

        assertProblem(e, "drl/tariff-shift.drl:" + line + ": ", "mismatched input '$material'");
        assertThat(e.problems()).as("every problem names a DRL file of the pack")
                .allMatch(p -> p.startsWith("drl/"), "starts with drl/");
    }

    // ---------------------------------------------------------------------------------------------
    // Problems are collected, not stopped at the first

    @Test
    void shouldReportEveryProblemWhenTwoFilesHaveFaults() {
        Path chapter32 = pack.resolve("psr/chapter-32.yaml");
        Path chapter76 = pack.resolve("psr/chapter-76.yaml");
        edit(chapter32, "{transactionValue: 40, netCost: 30}", "{transactionValue: 150, netCost: 30}");
        edit(chapter76, "    citation: \"HTSUS General Note 11(o), Chapter 76, rule for headings 76.08 through 76.09; USMCA Annex 4-B\"\n", "");

        RulePackException e = rejected(pack);

        assertProblem(e, at(chapter32, "GN11o-32-4"), "threshold 150 is outside 0-100");
        assertProblem(e, at(chapter76, "GN11o-76-7608-7609"), "'citation' is required");
        assertThat(e.problems()).as("exactly the two faults, nothing else").hasSize(2);
        assertThat(e.getMessage()).contains("psr/chapter-32.yaml", "psr/chapter-76.yaml");
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private static LoadedRulePack load(Path dir) {
        return new RulePackLoader().load(PackSource.directory(dir));
    }

    /** Loading must fail as a whole: a RulePackException and no pack. */
    private static RulePackException rejected(Path dir) {
        LoadedRulePack[] loaded = new LoadedRulePack[1];
        RulePackException e = catchThrowableOfType(RulePackException.class, () -> loaded[0] = load(dir));
        assertThat(e).as("loading the faulty pack throws RulePackException").isNotNull();
        assertThat(loaded[0]).as("nothing is loaded").isNull();
        assertThat(e.problems()).as("problems").isNotEmpty();
        return e;
    }

    private static RulePackException compileFails(LoadedRulePack loaded) {
        RulePackException e = catchThrowableOfType(RulePackException.class,
                () -> new DroolsOriginEngine(RulePackValidationTest.class.getClassLoader()).compile(loaded));
        assertThat(e).as("compiling the faulty DRL throws RulePackException").isNotNull();
        assertThat(e.problems()).as("problems").isNotEmpty();
        return e;
    }

    /** The first pattern of the first rule loses its closing parenthesis. */
    private static void breakDrl(Path file) {
        edit(file, "$alternative : AlternativeUnderTest( requiresTariffShift )\n    $material",
                "$alternative : AlternativeUnderTest( requiresTariffShift \n    $material");
    }

    private static void assertProblem(RulePackException e, String prefix, String fragment) {
        assertThat(e.problems())
                .as("problems of the rejected pack")
                .anyMatch(p -> p.startsWith(prefix) && p.contains(fragment),
                        "a problem starting with \"" + prefix + "\" and saying \"" + fragment + "\"");
    }

    /** "psr/chapter-NN.yaml:LINE: " for the rule with this id, the line computed from the file as written. */
    private String at(Path file, String ruleId) {
        return pack.relativize(file).toString().replace('\\', '/') + ":" + ruleLine(file, ruleId) + ": ";
    }

    /** The line where the rule begins (its "- id:" line), 1-based; the rule id must occur exactly once. */
    private static int ruleLine(Path file, String ruleId) {
        List<Integer> lines = linesOf(file, "id: \"" + ruleId + "\"");
        assertThat(lines).as("rule %s in %s", ruleId, file).hasSize(1);
        return lines.get(0);
    }

    private static int lineOf(Path file, String needle) {
        List<Integer> lines = linesOf(file, needle);
        assertThat(lines).as("'%s' in %s", needle, file).hasSize(1);
        return lines.get(0);
    }

    /** The 1-based numbers of the lines that are exactly {@code line}. */
    private static List<Integer> exactLinesOf(Path file, String line) {
        List<String> lines = read(file).lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(line)) {
                found.add(i + 1);
            }
        }
        return found;
    }

    private static List<Integer> linesOf(Path file, String needle) {
        List<String> lines = read(file).lines().toList();
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                found.add(i + 1);
            }
        }
        return found;
    }

    /** Replaces text that occurs exactly once, so a change to the shipped pack cannot silently void a test. */
    private static void edit(Path file, String from, String to) {
        String content = read(file);
        int first = content.indexOf(from);
        assertThat(first).as("'%s' in %s", from, file).isNotNegative();
        assertThat(content.indexOf(from, first + 1)).as("'%s' occurs once in %s", from, file).isNegative();
        write(file, content.substring(0, first) + to + content.substring(first + from.length()));
    }

    /** Replaces the first occurrence of the text after the given rule's "- id:" line. */
    private static void editInRule(Path file, String ruleId, String from, String to) {
        String content = read(file);
        int rule = content.indexOf("id: \"" + ruleId + "\"");
        assertThat(rule).as("rule %s in %s", ruleId, file).isNotNegative();
        int at = content.indexOf(from, rule);
        int nextRule = content.indexOf("\n  - id:", rule);
        assertThat(at).as("'%s' in rule %s", from, ruleId).isNotNegative();
        if (nextRule >= 0) {
            assertThat(at).as("'%s' inside rule %s", from, ruleId).isLessThan(nextRule);
        }
        write(file, content.substring(0, at) + to + content.substring(at + from.length()));
    }

    private static void append(Path file, String text) {
        String content = read(file);
        write(file, (content.endsWith("\n") ? content : content + "\n") + text);
    }

    private static int differingBytes(byte[] a, byte[] b) {
        int n = Math.abs(a.length - b.length);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                n++;
            }
        }
        return n;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
