package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * A client that closes its connection before it has sent the whole body (a timeout, a closed laptop, a load generator
 * stopping) is not a failure of the service: it is logged at DEBUG, without a stack trace, and never as the ERROR
 * "Unexpected error" with an incident id, which is what an operator is paged for (closing note of 2026-12-05 05:45;
 * security review third part). Failed before: ERROR "Unexpected error, incident ..." with the stack trace of the
 * closed connection (an HttpClosedException under two IOExceptions), for each of the three bodies.
 * <p>
 * The same holds for a client that leaves in the middle of a streamed answer (the CSV exports write as they read the
 * database, a chunk per transaction): the service stops writing, logs it at DEBUG, counts no server error, holds no pooled
 * connection afterwards and answers the next request.
 */
@QuarkusTest
class ClientDisconnectTest {

    @Inject
    AgroalDataSource dataSource;

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level before;

    @BeforeEach
    void captureTheServicesLog() {
        Logger mappers = Logger.getLogger(ProblemMappers.class.getName());
        before = mappers.getLevel();
        mappers.setLevel(Level.FINE); // DEBUG, where a disconnect is logged
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger(ProblemMappers.class.getName()).setLevel(before);
    }

    @Test
    void shouldLogAClientThatLeavesMidBodyAtDebugWithoutAStackTrace() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER, Roles.REVIEWER);
        // The last column: the bytes declared beyond those sent. Since issue 19 (branch i19v) a body that declares at most
        // origincheck.http.buffered-body-bytes (64 KiB) is read at the edge (EdgeLimits), a longer one by the REST layer.
        String[][] bodies = {
                {"/api/v1/determinations", "application/json", "{\"reference\":\"PO-LEFT\",\"good\":{\"partNumber\":\"BOILER\",\"hsCode\":\"8402.11\",", "100000"},
                {"/api/v1/determination-batches", "application/x-ndjson", "{\"reference\":\"PO-LEFT\",\"good\":{\"partNumber\":\"BOILER\"}}\n{\"good\"", "100000"},
                {"/api/v1/supplier-declarations", "text/csv", "supplierId,supplierName,supplierCountry,partNumber\r\nSUP-1,Aceros", "100000"},
                {"/api/v1/determinations", "application/json", "{\"reference\":\"PO-LEFT\",\"good\":{\"partNumber\":\"BOILER\",\"hsCode\":\"8402.11\",", "1000"},
                {"/api/v1/determination-batches", "application/x-ndjson", "{\"reference\":\"PO-LEFT\",\"good\":{\"partNumber\":\"BOILER\"}}\n{\"good\"", "1000"}};
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        for (String[] body : bodies) {
            records.clear();
            double serverErrors = serverErrors();
            byte[] sent = body[2].getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("localhost", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + body[0] + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: "
                        + body[1] + "\r\nContent-Length: " + (sent.length + Integer.parseInt(body[3])) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(sent);
                out.flush();
                Thread.sleep(300); // the service has started reading the body when the client goes
            }
            long until = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < until && records.stream().noneMatch(ClientDisconnectTest::aboutTheDisconnect)) {
                Thread.sleep(100);
            }
            assertThat(serverErrors()).as(body[0] + " (" + body[3] + " bytes short): not counted as a server error (http_server_requests, outcome SERVER_ERROR)").isEqualTo(serverErrors);
            assertThat(records).as(body[0] + " (" + body[3] + " bytes short): the disconnect is logged").anyMatch(ClientDisconnectTest::aboutTheDisconnect);
            assertThat(records).as(body[0] + " (" + body[3] + " bytes short): never as a failure of the service")
                    .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || String.valueOf(r.getMessage()).contains("Unexpected error"));
            assertThat(records.stream().filter(ClientDisconnectTest::aboutTheDisconnect))
                    .as(body[0] + ": at DEBUG, without a stack trace").allMatch(r -> r.getLevel().intValue() <= Level.FINE.intValue() && r.getThrown() == null);
        }
    }

    @Test
    void shouldStopTheGapsCsvWhoseClientLeavesMidwayAndStayHealthy() throws Exception {
        // 100,000 supplier x part gaps of one determination, each CSV line about 180 bytes: about 18 MB.
        String tenant = "left-mid-csv-" + UUID.randomUUID();
        int pairs = 100_000;
        seedGaps(tenant, pairs);
        String token = TestTokens.token(tenant, Roles.AUDITOR);
        leaveMidway("/api/v1/supplier-declarations/gaps?asOf=2026-07-01", token, "supplierId,partNumber,determinations", pairs * 180L);
        // The next request, which needs a connection, is answered: a page of the same gaps.
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).queryParam("asOf", "2026-07-01").queryParam("size", 1)
                .get("/api/v1/supplier-declarations/gaps").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(pairs));
    }

    @Test
    void shouldStopTheScenarioRunCsvWhoseClientLeavesMidwayAndStayHealthy() throws Exception {
        // A finished scenario run of 10,000 changed determinations, each line about 1,600 bytes (its reason's message): about 16 MB.
        String tenant = "left-mid-csv-" + UUID.randomUUID();
        int changes = 10_000;
        String run = seedScenarioRun(tenant, changes);
        String token = TestTokens.token(tenant, Roles.AUDITOR);
        leaveMidway("/api/v1/scenario-runs/" + run + "/changes", token, "determinationId,partNumber,hsCode", changes * 1_600L);
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).queryParam("size", 1)
                .get("/api/v1/scenario-runs/" + run + "/changes").then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(changes));
    }

    /**
     * GETs {@code path} as CSV and leaves after 256 KB of an answer of about {@code answerBytes}, of which at most the socket's
     * send buffer (4 MB at most on Linux) and Vert.x's write queue can be on their way then, so the service is still writing (a
     * chunk of 500 lines per transaction) when the client goes. Then: the service stopped writing and said so at DEBUG, without
     * a stack trace and without counting a server error, and no pooled connection is left checked out.
     */
    private void leaveMidway(String path, String token, String csvHeader, long answerBytes) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        dataSource.getConfiguration().setMetricsEnabled(true); // Agroal counts active connections only with its metrics on
        try {
            records.clear();
            double serverErrors = serverErrors();
            long read = 0;
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(8192); // before connecting, so that the window stays small
                socket.connect(new java.net.InetSocketAddress("localhost", port));
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                        + "\r\nAccept: text/csv\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[8192];
                StringBuilder head = new StringBuilder();
                for (int n; read < 256 * 1024 && (n = in.read(buffer)) > 0; read += n) {
                    if (head.length() < 16384) {
                        head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                    }
                }
                assertThat(head.toString()).as(path + ": the answer had started").startsWith("HTTP/1.1 200").contains(csvHeader);
            } // closed with most of the answer unread: the kernel resets the connection
            assertThat(read).as(path + ": the client read a small part of the answer").isLessThan(answerBytes / 4);

            long until = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < until && records.stream().noneMatch(ClientDisconnectTest::aboutTheDisconnect)) {
                Thread.sleep(100);
            }
            // Failed before api/StreamedAnswer: nothing was logged, the service wrote the whole answer to the closed connection.
            assertThat(records).as(path + ": the service noticed the client leaving and stopped writing").anyMatch(ClientDisconnectTest::aboutTheDisconnect);
            assertThat(records).as(path + ": never as a failure of the service")
                    .noneMatch(r -> r.getLevel().intValue() >= Level.SEVERE.intValue() || String.valueOf(r.getMessage()).contains("Unexpected error"));
            assertThat(records.stream().filter(ClientDisconnectTest::aboutTheDisconnect))
                    .as(path + ": at DEBUG, without a stack trace").allMatch(r -> r.getLevel().intValue() <= Level.FINE.intValue() && r.getThrown() == null);
            assertThat(serverErrors()).as(path + ": not counted as a server error (http_server_requests, outcome SERVER_ERROR)").isEqualTo(serverErrors);

            long idle = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < idle && dataSource.getMetrics().activeCount() > 0) {
                Thread.sleep(100);
            }
            assertThat(dataSource.getConfiguration().metricsEnabled()).isTrue();
            assertThat(dataSource.getMetrics().activeCount()).as(path + ": no pooled connection is left checked out").isZero();
        } finally {
            dataSource.getConfiguration().setMetricsEnabled(false);
        }
    }

    /** One determination of {@code tenant} that relied on {@code pairs} supplier x part pairs, none with a declaration. */
    private void seedGaps(String tenant, int pairs) throws Exception {
        String determination = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                        rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type)
                    values (?::uuid, now(), 'PO-LEFT', 'BOILER', '84021100', date '2026-07-01', 'NOT_ORIGINATING', null,
                        'usmca', '2026.11.3', repeat('a', 64), null, '{}', '{}', ?, 'seed', 'application/json')""")) {
                s.setString(1, determination);
                s.setString(2, tenant);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into determination_supplier_part (determination_id, tenant_id, supplier_id, part_number)
                    select ?::uuid, ?, 'SUP-' || lpad((g / 1000)::text, 4, '0'), 'PART-' || lpad(g::text, 6, '0') || '-' || repeat('x', 120)
                    from generate_series(1, ?) g""")) {
                s.setString(1, determination);
                s.setString(2, tenant);
                s.setInt(3, pairs);
                s.executeUpdate();
            }
        }
    }

    /**
     * A scenario run of {@code tenant}, finished, in which each of {@code changes} determinations changed (from ORIGINATING to
     * NOT_ORIGINATING, with one reason of about 1,500 characters); its id.
     */
    private String seedScenarioRun(String tenant, int changes) throws Exception {
        String run = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                        rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type)
                    select gen_random_uuid(), now(), 'PO-LEFT', 'GEAR-' || lpad(g::text, 6, '0'), '87084000', date '2026-07-01', 'ORIGINATING', 'B',
                        'usmca', '2026.11.3', repeat('a', 64), null, '{}', '{}', ?, 'seed', 'application/json'
                    from generate_series(1, ?) g""")) {
                s.setString(1, tenant);
                s.setInt(2, changes);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into redetermination_job (id, tenant_id, requested_by, created_at, as_of, rule_pack_version, rule_pack_sha256, total,
                        finished_at, targeted, scenario_id)
                    values (?::uuid, ?, 'seed', now(), null, '2026.11.3', repeat('a', 64), ?, now(), false, 'auto-rvc-85')""")) {
                s.setString(1, run);
                s.setString(2, tenant);
                s.setInt(3, changes);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into redetermination_item (job_id, determination_id, state, old_status, new_status, new_criterion, changed, done_at,
                        chapter, good_value, currency, reasons)
                    select ?::uuid, d.id, 'DONE', 'ORIGINATING', 'NOT_ORIGINATING', null, true, now(), '87', 1000, 'USD',
                        '[{"code":"ORIGIN_DETERMINED","outcome":"FAIL","message":"' || repeat('m', 1500) || '","materials":[]}]'
                    from determination d where d.tenant_id = ?""")) {
                s.setString(1, run);
                s.setString(2, tenant);
                s.executeUpdate();
            }
        }
        return run;
    }

    /** The service's count of answers with outcome SERVER_ERROR (5xx), over every path. */
    private static double serverErrors() {
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("outcome=\"SERVER_ERROR\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static boolean aboutTheDisconnect(LogRecord r) {
        return String.valueOf(r.getMessage()).contains("closed the connection") || String.valueOf(r.getMessage()).contains("Unexpected error");
    }
}
