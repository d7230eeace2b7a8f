package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.scenario.Scenario;

/**
 * Scenario packs are validated like the pack: a malformed scenario is refused with its file and the reason (the registry
 * then stops startup), and a scenario changes only its own overlay, never the pack in force.
 */
class ScenarioValidationTest {

    private static final Path SHIPPED = Path.of("rules/usmca");
    private static RulePack pack;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadPack() {
        pack = new RulePackLoader().load(PackSource.directory(SHIPPED)).pack();
    }

    @BeforeEach
    void copyScenarios() throws IOException {
        Files.createDirectories(temp.resolve("scenarios"));
        try (Stream<Path> files = Files.list(SHIPPED.resolve("scenarios"))) {
            for (Path from : files.toList()) {
                Files.copy(from, temp.resolve("scenarios").resolve(from.getFileName().toString()));
            }
        }
    }

    private List<Scenario> load() {
        return new ScenarioLoader().load(PackSource.directory(temp), pack);
    }

    private List<String> problems() {
        RulePackException e = catchThrowableOfType(RulePackException.class, this::load);
        assertThat(e).as("the scenarios are refused whole").isNotNull();
        return e.problems();
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = temp.resolve("scenarios").resolve(file);
        String text = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void shouldLoadTheShippedScenariosAndLeaveThePackInForceUnchanged() {
        List<Scenario> scenarios = load();
        assertThat(scenarios).extracting(Scenario::id)
                .containsExactly("auto-rvc-85", "lvc-wage-floor-higher", "cn-aluminum-zero", "cn-content-cap-10", "de-minimis-15");
        LocalDate day = LocalDate.of(2026, 7, 1);
        Scenario rvc = scenarios.get(0);
        RulePack overlay = rvc.overlay(pack, "0".repeat(64));
        assertThat(overlay.automotive().schedule(AutomotiveRules.CORE_PART).netCost().on(day)).contains(new BigDecimal("85"));
        assertThat(pack.automotive().schedule(AutomotiveRules.CORE_PART).netCost().on(day)).as("the law").contains(new BigDecimal("75"));
        assertThat(overlay.automotive().schedule(AutomotiveRules.CORE_PART).citation()).contains("not law");
        RulePack relaxed = scenarios.get(4).overlay(pack, "1".repeat(64));
        assertThat(relaxed.parameters().value(Parameters.DE_MINIMIS_SHARE, day)).isEqualByComparingTo("15");
        assertThat(pack.parameters().value(Parameters.DE_MINIMIS_SHARE, day)).as("the law").isEqualByComparingTo("10");
        RulePack wages = scenarios.get(1).overlay(pack, "2".repeat(64));
        assertThat(wages.automotive().wageFloor("US").orElseThrow().amount()).isEqualByComparingTo("20.00");
        assertThat(pack.automotive().wageFloor("US").orElseThrow().amount()).as("the law").isEqualByComparingTo("16.00");
    }

    @Test
    void shouldRefuseARuleThePackDoesNotHave() throws IOException {
        edit("auto-rvc-85.yaml", "SOR13-8703.21-90-1", "SOR13-NO-SUCH-RULE");
        assertThat(problems()).containsExactly("scenarios/auto-rvc-85.yaml: changes[0]: rule 'SOR13-NO-SUCH-RULE' is not in pack usmca");
    }

    @Test
    void shouldRefuseAScenarioWithoutLabelOrSource() throws IOException {
        edit("de-minimis-15.yaml", "label: STRESS_TEST\n", "");
        edit("cn-aluminum-zero.yaml", "sources:", "unused:");
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith("scenarios/cn-aluminum-zero.yaml:").contains("unused"))
                .anySatisfy(p -> assertThat(p).startsWith("scenarios/de-minimis-15.yaml: 'label' is required"));
    }

    @Test
    void shouldRefuseACapOnARegionalCountryAndAThresholdOverAHundred() throws IOException {
        edit("cn-content-cap-10.yaml", "countries: [CN]", "countries: [MX]");
        edit("auto-rvc-85.yaml", "netCost: 85\n      transactionValue: 95", "netCost: 85\n      transactionValue: 105");
        assertThat(problems()).contains(
                "scenarios/cn-content-cap-10.yaml: conditions[0]: 'countries' names a USMCA country: the cap is on non-regional content",
                "scenarios/auto-rvc-85.yaml: changes[2]: thresholds must be percentages from 0 to 100");
    }

    @Test
    void shouldRefuseAFileListedButMissingAndADuplicateId() throws IOException {
        edit("index.yaml", "  - de-minimis-15.yaml", "  - de-minimis-15.yaml\n  - missing.yaml");
        edit("cn-content-cap-10.yaml", "id: cn-content-cap-10", "id: cn-aluminum-zero");
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith("scenarios/missing.yaml: listed in scenarios/index.yaml but cannot be read"))
                .contains("scenarios/cn-content-cap-10.yaml: id 'cn-aluminum-zero' is already used by another scenario");
    }
}
