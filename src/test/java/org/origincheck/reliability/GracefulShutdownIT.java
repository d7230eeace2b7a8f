package org.origincheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown of the packaged service (the fast-jar, prod profile, as deployed): SIGTERM arrives while
 * large determinations are being evaluated and stored. Every request in flight must complete (201, and stored
 * whole, with its first review event), requests that arrive after the signal are refused (503, or the
 * connection is refused once the server has closed), and nothing is half-written. Runs in the integration-test
 * phase (failsafe), after {@code package}; {@code -Dorigincheck.reliability.full=true} runs three rounds.
 */
class GracefulShutdownIT {

    private static final String ISSUER = "https://graceful-shutdown.origincheck.test";
    private static final String AUDIENCE = "origincheck";

    record Answer(int status, String id, long sentAt, long answeredAt, String error) {
    }

    @Test
    void shouldCompleteInFlightRequestsAndWriteNothingHalfOnSigterm() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Assumptions.assumeTrue(Files.exists(jar), "the fast-jar is built by `package`, before this test");
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path publicKey = Files.createTempFile("origincheck-shutdown", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        String token = Jwt.issuer(ISSUER).audience(AUDIENCE).subject("shutdown-test").groups(Set.of("submitter"))
                .claim("tenant", "shutdown").expiresIn(Duration.ofMinutes(30)).sign(keys.getPrivate());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
            for (int round = 1; round <= (ReliabilityRun.FULL ? 3 : 1); round++) {
                round(round, jar, publicKey, token, postgres);
            }
        }
    }

    private void round(int round, Path jar, Path publicKey, String token, EmbeddedPostgres postgres) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target/graceful-shutdown-" + round + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
        // An API-only deployment: no identity provider runs here for the workspace's sign-in (docs/identity.md).
        env.put("QUARKUS_OIDC_WORKSPACE_TENANT_ENABLED", "false");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process service = builder.start();
        URI base = URI.create("http://localhost:" + port + "/");
        // HTTP/1.1, as a Kubernetes Service or an ingress speaks to the pod. (With the JDK client's default h2c upgrade,
        // requests whose body was still being sent at SIGTERM hold the shutdown for its whole 25 s timeout.)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            awaitReady(client, base, service, log);
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean going = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(6);
            long start = System.nanoTime();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                load.submit(() -> {
                    for (int n = 0; going.get(); n++) {
                        long sent = System.nanoTime() - start;
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("api/v1/determinations"))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bigBom(run + "-" + thread + "-" + n))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            String id = r.statusCode() == 201 ? r.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1") : null;
                            answers.add(new Answer(r.statusCode(), id, sent, System.nanoTime() - start, null));
                        } catch (IOException e) {
                            answers.add(new Answer(-1, null, sent, System.nanoTime() - start, e.toString()));
                            if (!service.isAlive()) {
                                return null;
                            }
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(3_000);
            long signalled = System.nanoTime() - start;
            service.destroy(); // SIGTERM, as Kubernetes sends it
            // and, as Kubernetes takes the pod out of the Service's endpoints, no new request is sent: what is tested is the
            // fate of the requests in flight. (A client that keeps sending large bodies to the stopping process on
            // kept-alive connections can hold the shutdown until its 25 s timeout: then the transactions still open are
            // rolled back, which the database check below would catch if anything were left half-written.)
            going.set(false);
            assertThat(service.waitFor(40, TimeUnit.SECONDS)).as("the service stops").isTrue();
            assertThat(Files.readString(log)).as("the requests finished: shutdown was not cut off by its 25 s timeout")
                    .doesNotContain("Timed out waiting for graceful shutdown");
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            Map<Integer, Integer> byStatus = new TreeMap<>();
            answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
            List<Answer> inFlight = answers.stream().filter(a -> a.sentAt() < signalled && a.answeredAt() > signalled).toList();
            System.out.println("[shutdown round " + round + "] answers by status (-1: connection refused or closed): " + byStatus
                    + "; in flight at SIGTERM: " + inFlight.stream().map(Answer::status).toList() + "; exit " + service.exitValue());
            assertThat(answers).filteredOn(a -> a.sentAt() < signalled && a.status() == 201).as("determinations before the signal").isNotEmpty();
            // Sent before the signal: either the server was working on it (it must complete: 201) or it reached the server
            // after shutdown began (refused: 503). A connection cut under a request is the failure this test exists for.
            assertThat(inFlight).as("requests in flight when SIGTERM arrived").isNotEmpty()
                    .allSatisfy(a -> assertThat(a.status()).as("an in-flight request is answered: " + a).isIn(201, 503));
            assertThat(inFlight).as("requests being evaluated at SIGTERM complete").anyMatch(a -> a.status() == 201);
            assertThat(answers).as("no answer but 201, 503 or a refused connection: " + byStatus)
                    .allMatch(a -> a.status() == 201 || a.status() == 503 || a.status() == -1);

            List<String> accepted = answers.stream().filter(a -> a.status() == 201).map(Answer::id).toList();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                try (PreparedStatement q = c.prepareStatement("select count(*) from determination where id::text = any (?)")) {
                    q.setArray(1, c.createArrayOf("text", accepted.toArray()));
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        assertThat(r.getLong(1)).as("every determination answered 201 is stored").isEqualTo(accepted.size());
                    }
                }
                try (PreparedStatement q = c.prepareStatement("""
                        select count(*) from determination d
                        where not exists (select 1 from review_event e where e.determination_id = d.id and e.seq = 1)
                           or not exists (select 1 from review_status s where s.determination_id = d.id)""");
                     ResultSet r = q.executeQuery()) {
                    r.next();
                    assertThat(r.getLong(1)).as("determinations stored without their review event or state (half-written)").isZero();
                }
            }
        } finally {
            if (service.isAlive()) {
                service.destroyForcibly();
            }
        }
    }

    private static void awaitReady(HttpClient client, URI base, Process service, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited on start: " + Files.readString(log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service was not ready within 90 s: " + Files.readString(log));
    }

    /** A 5,000-material boiler: long enough to evaluate and store that several are in flight at any moment. */
    private static String bigBom(String reference) {
        StringBuilder materials = new StringBuilder();
        String[] codes = {"7304.19", "8402.90", "8481.80", "7307.91", "8413.70"};
        for (int i = 0; i < 5_000; i++) {
            if (i > 0) {
                materials.append(',');
            }
            materials.append("{\"partNumber\":\"M-").append(i).append("\",\"hsCode\":\"").append(codes[i % codes.length])
                    .append("\",\"origin\":\"").append(i % 3 == 0 ? "NON_ORIGINATING" : "ORIGINATING")
                    .append("\",\"countryOfOrigin\":\"").append(i % 3 == 0 ? "DE" : "US").append("\",\"value\":1}");
        }
        return """
                {"reference":"shutdown-%s","asOf":"2026-07-01","good":{"partNumber":"BLR-%s","hsCode":"8402.11","producerCountry":"MX",
                 "currency":"USD","transactionValue":10000,"netCost":9000},"materials":[%s]}""".formatted(reference, reference, materials);
    }
}
