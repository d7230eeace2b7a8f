package org.origincheck.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The review queue with 100,000 determinations in one tenant: times the first page and the searches the
 * workspace makes, over HTTP on loopback (an upper bound of the server-side time), and prints PostgreSQL's
 * own execution time for the same queries. A measurement, not a test: it asserts nothing about time and
 * surefire runs it only when named:
 *
 * <pre>./mvnw -B -ntp test -Dtest=QueueMeasurement</pre>
 *
 * Results go to the console and target/queue-measurement.md (docs/benchmarks.md keeps a run).
 */
@QuarkusTest
class QueueMeasurement {

    private static final int ROWS = 100_000;
    private static final int RUNS = 60;

    @Inject
    DataSource dataSource;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    private final java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

    @Test
    void measureTheQueueWith100000Determinations() throws Exception {
        String tenant = "perf-" + System.nanoTime();
        long seedStart = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                        rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type)
                    select gen_random_uuid(), now() - (g || ' seconds')::interval, 'PO-' || g, 'PART-' || (g % 20000),
                        (array['84021100', '87084000', '94012000', '73269000', '85443000'])[1 + g % 5], date '2026-07-01',
                        (array['ORIGINATING', 'NOT_ORIGINATING', 'INSUFFICIENT_DATA'])[1 + g % 3], case when g % 3 = 0 then 'B' end,
                        'usmca', (array['2026.11.2', '2026.11.3'])[1 + g % 2], repeat('a', 64), null, '{}', '{}', 'TENANT_ID', 'seed', 'application/json'
                    from generate_series(1, ROWS) g""".replace("TENANT_ID", tenant).replace("ROWS", Integer.toString(ROWS)));
            s.execute("""
                    insert into review_status (determination_id, tenant_id, state, updated_at)
                    select id, tenant_id, (array['PENDING_REVIEW', 'APPROVED', 'APPROVED', 'REJECTED', 'OVERRIDDEN'])[1 + abs(hashtext(id::text)) % 5], created_at
                    from determination where tenant_id = 'TENANT_ID'""".replace("TENANT_ID", tenant));
            s.execute("analyze determination");
            s.execute("analyze review_status");
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        String token = TestTokens.token(tenant, Roles.REVIEWER);
        TestTokens.anonymous();

        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("first page, pending review", "/api/v1/review-queue?state=PENDING_REVIEW");
        queries.put("first page, any state", "/api/v1/review-queue");
        queries.put("search a part number (prefix)", "/api/v1/review-queue?q=PART-1234");
        queries.put("HS code and engine status", "/api/v1/review-queue?hsCode=8708&status=NOT_ORIGINATING");
        queries.put("state, rule pack and dates", "/api/v1/review-queue?state=APPROVED&rulePackVersion=2026.11.3&from=2026-01-01&to=2026-12-31");
        queries.put("page 100", "/api/v1/review-queue?state=PENDING_REVIEW&page=100");

        StringBuilder report = new StringBuilder();
        report.append("Review queue, ").append(ROWS).append(" determinations in one tenant (seeded in ").append(String.format("%.1f", seedSeconds))
                .append(" s); ").append(RUNS).append(" requests per query after 10 warm-up requests; HTTP on loopback with java.net.http, ms\n\n")
                .append("| query | rows matched | p50 | p95 | max |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long total = 0;
            for (int i = 0; i < 10; i++) {
                total = given().header("Authorization", "Bearer " + token).get(q.getValue()).then().statusCode(200).extract().jsonPath().getLong("total");
            }
            // java.net.http on loopback: far less client overhead than rest-assured, so the time is the server's plus a socket round trip.
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(base.toURI().resolve(q.getValue()))
                    .header("Authorization", "Bearer " + token).GET().build();
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < RUNS + 10; i++) {
                long start = System.nanoTime();
                var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) throw new IllegalStateException(response.body());
                if (i >= 10) times.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(times);
            report.append(String.format("| %s | %d | %.1f | %.1f | %.1f |%n", q.getKey(), total, times.get(RUNS / 2), times.get((int) (RUNS * 0.95)), times.get(RUNS - 1)));
        }
        report.append("\nPostgreSQL execution time of the first-page query (EXPLAIN ANALYZE): ");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet plan = s.executeQuery("explain analyze select d.id from review_status r join determination d on d.id = r.determination_id "
                     + "where r.tenant_id = '" + tenant + "' and r.state = 'PENDING_REVIEW' order by r.updated_at desc, d.id desc limit 50")) {
            String last = null;
            while (plan.next()) {
                String line = plan.getString(1);
                if (line.startsWith("Execution Time")) last = line;
            }
            report.append(last).append('\n');
        }
        System.out.println("\n" + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/queue-measurement.md"), report.toString());
    }
}
