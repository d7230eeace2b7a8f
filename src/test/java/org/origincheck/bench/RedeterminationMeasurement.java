package org.origincheck.bench;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Re-determination throughput on 100,000 stored determinations (each the example boiler's submission, so every one
 * is parsed and evaluated for real). A measurement, run by name:
 *
 * <pre>./mvnw -B -ntp test -Dtest=RedeterminationMeasurement</pre>
 */
@QuarkusTest
class RedeterminationMeasurement {

    private static final int ROWS = 100_000;

    @Inject
    DataSource dataSource;

    @Test
    void measureReDeterminationOf100000Determinations() throws Exception {
        String tenant = "redet-perf-" + System.nanoTime();
        String submission = Files.readString(Path.of("examples/boiler-bom.json"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                    rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type)
                select gen_random_uuid(), now(), 'PO-' || g, 'BLR-' || g, '84021100', date '2026-07-01', 'ORIGINATING', 'B', 'usmca', '2026.11.3',
                    repeat('a', 64), null, ?, '{}', ?, 'seed', 'application/json'
                from generate_series(1, ?) g""")) {
            s.setString(1, submission);
            s.setString(2, tenant);
            s.setInt(3, ROWS);
            s.executeUpdate();
        }
        String token = TestTokens.token(tenant, Roles.ADMIN);
        TestTokens.anonymous();
        long start = System.nanoTime();
        String job = given().header("Authorization", "Bearer " + token).post("/api/v1/redeterminations").then().statusCode(202).extract().path("id");
        long done = 0;
        while (done < ROWS) {
            Thread.sleep(1000);
            done = given().header("Authorization", "Bearer " + token).get("/api/v1/redeterminations/" + job).then().extract().jsonPath().getLong("done");
            System.out.printf("[redetermination] %d / %d after %.0f s%n", done, ROWS, (System.nanoTime() - start) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = given().header("Authorization", "Bearer " + token).get("/api/v1/redeterminations/" + job).then().extract().jsonPath().getLong("failed");
        String line = String.format("Re-determination of %d determinations (the example boiler, 4 materials): %.1f s, %.0f per second, %d failed%n",
                ROWS, seconds, ROWS / seconds, failed);
        System.out.println(line);
        Files.writeString(Path.of("target/redetermination-measurement.txt"), line);
    }
}
