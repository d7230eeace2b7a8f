package org.origincheck.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.DecidingOverUnknownFacts;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.hs.HsCode;

/**
 * What trying every value of a missing fact costs: the Drools adapter warm, in process, with and without
 * {@link DecidingOverUnknownFacts}, on the bumper of golden cases 49 and 50 (8708.10: the end use selects the s.13 paragraph
 * and the automotive table). A measurement, not a test: it asserts nothing about time and surefire runs it only when named:
 *
 * <pre>./mvnw -B -ntp test -Dtest=UnknownFactsMeasurement</pre>
 *
 * Results go to the console and target/unknown-facts-measurement.md (docs/benchmarks.md keeps a run).
 */
class UnknownFactsMeasurement {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    private static final int WARM_UP = 3_000;
    private static final int ROUNDS = 7;
    private static final int PER_ROUND = 2_000;

    private static BillOfMaterials bumper(EndUse endUse, String netCost, String beam) {
        Good good = new Good("BUMPER", "Front bumper", HsCode.parse("8708.10"), endUse, "MX", "USD", null, new BigDecimal(netCost), null, null);
        Material material = new Material(0, "BEAM", "beam", HsCode.parse("8708.99"), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal(beam),
                null, null, MaterialKind.DIRECT);
        return new BillOfMaterials("bench", AS_OF, good, List.of(material),
                new AutomotiveFacts(List.of(), null, null, null, null, null, null, null));
    }

    @Test
    void measureTheCostOfTryingEveryEndUse() throws IOException {
        BenchEngines engines = BenchEngines.load();
        OriginEngine plain = engines.drools();
        OriginEngine deciding = new DecidingOverUnknownFacts(engines.drools());
        record Scenario(String name, OriginEngine engine, BillOfMaterials bom) {
        }
        List<Scenario> scenarios = List.of(
                new Scenario("end use given (AFTERMARKET), plain engine", plain, bumper(EndUse.AFTERMARKET, "1600", "900")),
                new Scenario("end use given (AFTERMARKET), with DecidingOverUnknownFacts", deciding, bumper(EndUse.AFTERMARKET, "1600", "900")),
                new Scenario("no end use, plain engine (asks for it)", plain, bumper(null, "1600", "900")),
                new Scenario("no end use, 43.75%: NOT_ORIGINATING for every end use (6 evaluations)", deciding, bumper(null, "1600", "900")),
                new Scenario("no end use, 55%: depends on it, asked (6 evaluations)", deciding, bumper(null, "1000", "450")));
        StringBuilder out = new StringBuilder("| scenario | status | median µs per answer | min | max |\n|---|---|---:|---:|---:|\n");
        for (Scenario s : scenarios) {
            Evaluation answer = null;
            for (int i = 0; i < WARM_UP; i++) {
                answer = s.engine().evaluate(s.bom(), engines.pack());
            }
            List<Double> perAnswer = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                long start = System.nanoTime();
                for (int i = 0; i < PER_ROUND; i++) {
                    answer = s.engine().evaluate(s.bom(), engines.pack());
                }
                perAnswer.add((System.nanoTime() - start) / 1_000.0 / PER_ROUND);
            }
            perAnswer.sort(Double::compare);
            out.append(String.format("| %s | %s | %.1f | %.1f | %.1f |%n", s.name(), answer.status(), perAnswer.get(ROUNDS / 2),
                    perAnswer.get(0), perAnswer.get(ROUNDS - 1)));
        }
        String report = "Measured " + java.time.Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "; " + ROUNDS + " rounds of " + PER_ROUND + " answers after " + WARM_UP
                + " warm-up answers each.\n\n" + out;
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/unknown-facts-measurement.md"), report);
    }
}
