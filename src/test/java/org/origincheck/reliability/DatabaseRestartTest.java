package org.origincheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Restarts PostgreSQL in the middle of a load of determinations: while it is away every request gets 503 with
 * Retry-After (not a hang, not a 500), the service recovers by itself when it is back, and every determination
 * answered 201 is in the database afterwards. Uses the embedded server of the test profile, stopped and started
 * with the pg_ctl next to its binary (inside a user namespace when running as root, as the server itself runs).
 */
@QuarkusTest
class DatabaseRestartTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String id, String retryAfter, long at) {
    }

    @Test
    void shouldAnswer503DuringARestartAndKeepEveryAcceptedDetermination() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(url);
        Assumptions.assumeTrue(port.find(), "not the embedded database: " + url);
        String[] postmaster = postmaster(port.group(1));
        Assumptions.assumeTrue(postmaster != null, "the embedded postmaster was not found");
        String pgCtl = postmaster[0].substring(0, postmaster[0].lastIndexOf('/')) + "/pg_ctl";
        String dataDir = postmaster[1];
        String options = postmaster[2];

        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean going = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.submit(() -> {
                int n = 0;
                while (going.get()) {
                    String body = """
                            {"reference":"restart-%s","asOf":"2026-07-01","good":{"partNumber":"R-%s-%d-%d","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                             "materials":[{"partNumber":"M1","hsCode":"7208.51","origin":"NON_ORIGINATING","value":10}]}""".formatted(run, run, thread, n++);
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/determinations"))
                                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        String id = r.statusCode() == 201 ? r.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1") : null;
                        answers.add(new Answer(r.statusCode(), id, r.headers().firstValue("Retry-After").orElse(null), System.nanoTime() - start));
                    } catch (Exception e) {
                        answers.add(new Answer(-1, null, e.toString(), System.nanoTime() - start));
                    }
                }
                return null;
            });
        }
        // CI: one restart; the `reliability` profile (-Dorigincheck.reliability.full=true): three, each after 10 s of load.
        long lastRestart = 0;
        for (int restart = 0; restart < (ReliabilityRun.FULL ? 3 : 1); restart++) {
            Thread.sleep(ReliabilityRun.FULL ? 10_000 : 2_000);
            pgCtl(pgCtl, "-D", dataDir, "-m", restart % 2 == 0 ? "fast" : "immediate", "-w", "stop");
            Thread.sleep(4_000);
            pgCtl(pgCtl, "-D", dataDir, "-o", options, "-w", "-l", dataDir + "/restart.log", "start");
            lastRestart = System.nanoTime() - start;
        }
        long restarted = lastRestart;
        Thread.sleep(6_000);
        going.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Map<Integer, Integer> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        System.out.println("[restart] answers by status: " + byStatus);
        assertThat(answers).as("only 201 or 503: " + byStatus).allMatch(a -> a.status() == 201 || a.status() == 503);
        assertThat(answers).filteredOn(a -> a.status() == 503).as("503s while the database was away").isNotEmpty()
                .allMatch(a -> "5".equals(a.retryAfter()));
        assertThat(answers).filteredOn(a -> a.status() == 201 && a.at() > restarted).as("recovered without a restart of the service").isNotEmpty();
        List<String> accepted = answers.stream().filter(a -> a.status() == 201).map(Answer::id).toList();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from determination where id::text = any (?)")) {
            q.setArray(1, c.createArrayOf("text", accepted.toArray()));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                assertThat(r.getLong(1)).as("every determination answered 201 is stored").isEqualTo(accepted.size());
            }
        }
    }

    /**
     * Issue 19: connections are no longer checked on every borrow, only when idle for longer than
     * quarkus.datasource.jdbc.foreground-validation-interval (1 s). The server closes every pooled connection (as a restart
     * of PostgreSQL or a proxy's idle timeout does) while the service is quiet: the next requests must be answered 201, the
     * dead connections replaced before use, not 503. Without any check on borrow they got 503 until each dead connection
     * had failed once.
     */
    @Test
    void shouldReplaceConnectionsTheServerClosedWhileIdle() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService load = Executors.newFixedThreadPool(8);
        try {
            assertThat(postConcurrently(load, token, run, "before")).as("statuses before the connections were closed").containsOnly(201);
            var config = ConfigProvider.getConfig();
            int closed;
            try (Connection admin = java.sql.DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                    config.getValue("quarkus.datasource.username", String.class), config.getValue("quarkus.datasource.password", String.class));
                 PreparedStatement terminate = admin.prepareStatement("select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity "
                         + "where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'");
                 ResultSet r = terminate.executeQuery()) {
                r.next();
                closed = r.getInt(1);
            }
            assertThat(closed).as("pooled connections closed by the server").isPositive();
            Thread.sleep(1_500); // longer than the foreground validation interval: every pooled connection is now checked before use
            assertThat(postConcurrently(load, token, run, "after")).as("statuses after the server closed " + closed + " connections").containsOnly(201);
        } finally {
            load.shutdownNow();
        }
    }

    /** Eight determinations at once, so that several pooled connections are used; their HTTP statuses. */
    private List<Integer> postConcurrently(ExecutorService load, String token, String run, String round) throws Exception {
        List<java.util.concurrent.Future<Integer>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String body = """
                    {"reference":"idle-%s","asOf":"2026-07-01","good":{"partNumber":"I-%s-%s-%d","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                     "materials":[{"partNumber":"M1","hsCode":"7208.51","origin":"NON_ORIGINATING","value":10}]}""".formatted(run, run, round, i);
            sent.add(load.submit(() -> client.send(HttpRequest.newBuilder(base.toURI().resolve("api/v1/determinations"))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var s : sent) {
            statuses.add(s.get(60, TimeUnit.SECONDS));
        }
        return statuses;
    }

    /** [postgres binary, data directory, the options after -D dir] of the postmaster listening on the port. */
    private static String[] postmaster(String port) throws Exception {
        Process ps = new ProcessBuilder("ps", "-eo", "args").start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String line : out.split("\n")) {
            Matcher m = Pattern.compile("^(\\S*/bin/postgres) -D (\\S+) (.*-p " + port + "\\b.*)$").matcher(line.trim());
            if (m.find()) {
                return new String[] {m.group(1), m.group(2), m.group(3)};
            }
        }
        return null;
    }

    /** pg_ctl refuses to run as root; the embedded server runs in a user namespace then, and so does this. */
    private static void pgCtl(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.add("unshare");
            full.add("-U");
        }
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", full) + "\n" + out).isZero();
    }
}
