package org.origincheck.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * A scenario run (issue 18) over 100,000 stored determinations: rate and memory. Each determination is the example
 * boiler's submission, so each is parsed and evaluated for real, twice (under the law in force and under the scenario);
 * one in ten has its drum made in China, so the scenario {@code cn-content-cap-10} changes it (30% of the transaction
 * value against a cap of 10%) and the run records that change and its reasons. A measurement, run by name and not part of
 * the suite (its name does not end in Test):
 *
 * <pre>./mvnw -B -ntp test -Dtest=ScenarioRunMeasurement [-Dorigincheck.measurement.rows=100000]</pre>
 *
 * Memory is this JVM's (the application runs inside the test's JVM; the embedded PostgreSQL is another process): the heap
 * in use sampled once a second, the peak of the heap pools, and the peak resident set (VmHWM of /proc/self/status).
 */
@QuarkusTest
class ScenarioRunMeasurement {

    private static final int ROWS = Integer.getInteger("origincheck.measurement.rows", 100_000);

    @Inject
    DataSource dataSource;

    @Test
    void measureAScenarioRunOverStoredDeterminations() throws Exception {
        String tenant = "scenario-perf-" + System.nanoTime();
        String submission = Files.readString(Path.of("examples/boiler-bom.json"));
        String chinese = submission.replace("\"countryOfOrigin\": \"DE\"", "\"countryOfOrigin\": \"CN\"");
        if (chinese.equals(submission)) {
            throw new IllegalStateException("examples/boiler-bom.json no longer has a German drum to make Chinese");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                    rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type)
                select gen_random_uuid(), now(), 'PO-' || g, 'BLR-' || g, '84021100', date '2026-07-01', 'ORIGINATING', 'B', 'usmca', '2026.11.3',
                    repeat('a', 64), null, case when g % 10 = 0 then ? else ? end, '{}', ?, 'seed', 'application/json'
                from generate_series(1, ?) g""")) {
            s.setString(1, chinese);
            s.setString(2, submission);
            s.setString(3, tenant);
            s.setInt(4, ROWS);
            s.executeUpdate();
            try (Statement analyze = c.createStatement()) {
                analyze.execute("analyze determination");
            }
        }
        String token = TestTokens.token(tenant, Roles.ADMIN);
        TestTokens.anonymous();
        System.gc();
        long heapBefore = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        String run = given().header("Authorization", "Bearer " + token).contentType("application/json")
                .body("{\"scenario\":\"cn-content-cap-10\"}").post("/api/v1/scenario-runs").then().statusCode(202).extract().path("id");
        double accepted = (System.nanoTime() - start) / 1e9;
        long maxHeapSampled = 0;
        JsonPath progress;
        while (true) {
            Thread.sleep(1000);
            maxHeapSampled = Math.max(maxHeapSampled, heapUsed());
            progress = given().header("Authorization", "Bearer " + token).get("/api/v1/scenario-runs/" + run).then().statusCode(200).extract().jsonPath();
            System.out.printf("[scenario run] %d / %d after %.0f s, heap %d MB%n", progress.getLong("done"), ROWS,
                    (System.nanoTime() - start) / 1e9, heapUsed() >> 20);
            if ("DONE".equals(progress.getString("state"))) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long changesStart = System.nanoTime();
        String csv = given().header("Authorization", "Bearer " + token).accept("text/csv").get("/api/v1/scenario-runs/" + run + "/changes")
                .then().statusCode(200).extract().asString();
        double changesSeconds = (System.nanoTime() - changesStart) / 1e9;
        long heapPoolPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        String line = String.format("Scenario run cn-content-cap-10 over %d determinations (the example boiler, 4 materials; 1 in 10 changes): "
                        + "%.1f s (start answered in %.2f s), %.0f per second, total %d, done %d, changed %d, failed %d; changes CSV %d lines in %.2f s; "
                        + "heap in use before %d MB, max sampled %d MB, sum of heap pool peaks %d MB, max heap %d MB; peak RSS (VmHWM) %s; "
                        + "available processors %d%n",
                ROWS, seconds, accepted, ROWS / seconds, progress.getInt("total"), progress.getLong("done"), progress.getLong("changed"),
                progress.getLong("failed"), csv.split("\r\n").length - 1, changesSeconds, heapBefore >> 20, maxHeapSampled >> 20, heapPoolPeak >> 20,
                Runtime.getRuntime().maxMemory() >> 20, peakRss(), Runtime.getRuntime().availableProcessors());
        System.out.println(line);
        Files.writeString(Path.of("target/scenario-run-measurement.txt"), line);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String peakRss() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:")).map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
    }
}
