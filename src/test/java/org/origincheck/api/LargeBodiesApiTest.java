package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.origincheck.security.TestTokens.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Large bodies are read only when there is room for them (origincheck.limits.large-body-bytes-at-once, api/LargeBodies):
 * four of the largest legal submissions at once ran the deployed 256 MB heap out of memory and answered 500 (issue 19,
 * branch i19z). Here the room is 150,000 bytes and the wait 2 s; a client that has sent the headers of a 120,000-byte body
 * and then a few bytes holds its room while the service waits for the rest. Failed before: the second large body was read
 * at once and answered 201, not 503.
 */
@QuarkusTest
@TestProfile(LargeBodiesApiTest.SmallRoom.class)
class LargeBodiesApiTest {

    @jakarta.inject.Inject
    EdgeLimits edge;

    public static class SmallRoom implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("origincheck.limits.large-body-bytes-at-once", "150000", "origincheck.limits.evaluation-wait-seconds", "2");
        }
    }

    /** A valid submission padded with JSON whitespace to {@code bytes} (over the 64 KiB read at the edge when 100,000). */
    private static String submission(int bytes) {
        String bom = ("{\"reference\":\"PO-%s\",\"asOf\":\"2026-07-01\",\"good\":{\"partNumber\":\"BOILER\",\"hsCode\":\"8402.11\","
                + "\"producerCountry\":\"MX\",\"currency\":\"USD\",\"transactionValue\":1000},\"materials\":[{\"partNumber\":\"DRUM\","
                + "\"hsCode\":\"7308.90\",\"origin\":\"NON_ORIGINATING\",\"value\":100}]}").formatted(UUID.randomUUID());
        return bom + " ".repeat(Math.max(0, bytes - bom.length()));
    }

    private static Response post(String body) {
        return as(Roles.SUBMITTER, Roles.REVIEWER).contentType("application/json").body(body).post("/api/v1/determinations");
    }

    /** Opens a request that declares a body of {@code declared} bytes, sends its first bytes and then nothing more. */
    private static Socket holdRoom(int declared) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        Socket socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/determinations HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n{\"reference\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(500); // admitted, and its body being read, by then
        return socket;
    }

    @Test
    void shouldRefuseALargeBodyWithNoRoomWithA503ProblemAndReadItOnceTheRoomIsGivenBack() throws Exception {
        Response refused;
        try (Socket holder = holdRoom(120_000)) {
            refused = post(submission(100_000));
            assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("30");
            assertThat(refused.jsonPath().getString("detail")).contains("origincheck.limits.large-body-bytes-at-once")
                    .contains("nothing was stored").doesNotContain("BOILER");
            // Bodies read at the edge (at most 64 KiB) are not counted: they pass while the room is full.
            assertThat(post(submission(2_000)).statusCode()).isEqualTo(201);
        }
        // The client holding the room left: its room is given back, and the next large body is read and answered.
        Response after = post(submission(100_000));
        assertThat(after.statusCode()).as(after.asString()).isEqualTo(201);
    }

    @Test
    void shouldLetALargeBodyWaitForRoomRatherThanRefuseIt() throws Exception {
        CompletableFuture<Integer> waiting;
        try (Socket holder = holdRoom(120_000)) {
            waiting = CompletableFuture.supplyAsync(() -> post(submission(100_000)).statusCode());
            Thread.sleep(700);
            assertThat(waiting).as("still waiting for room").isNotDone();
        }
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(201);
        // Its wait's timer is gone with the wait: left set (2 s here, 60 s deployed) it kept the request, its body and its
        // answer reachable after the answer, and the largest bodies that had waited ran the 256 MB heap out of memory one
        // after the other (BIG_DESCRIPTION=210 BIG_ROUNDS=6 ONLY=big bench/http.sh: 12 of 24 answered 500). Failed before.
        assertThat(edge.waitsTimed()).isZero();
    }

    @Test
    void shouldCountAChunkedBodyAtTheLargestABodyMayBe() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        byte[] body = submission(500).getBytes(StandardCharsets.UTF_8);
        try (Socket holder = holdRoom(70_000); Socket chunked = new Socket("localhost", port)) {
            OutputStream out = chunked.getOutputStream();
            out.write(("POST /api/v1/determinations HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length)
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            chunked.setSoTimeout(30_000);
            String statusLine = new String(chunked.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            // Its length is unknown until read: counted as 16 MiB, counted as the whole room, which a 70,000-byte body holds in part.
            assertThat(statusLine).isEqualTo("HTTP/1.1 503");
        }
    }
}
