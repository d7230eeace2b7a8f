package org.origincheck.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The refusals the HTTP layer wrote with an empty body (issue 14, finding 7) are problem documents: 414, 431, and
 * 413 for a body declared or sent chunked over the limit. Each test failed before api/EdgeLimits.
 */
@QuarkusTest
class EdgeProblemsTest {

    @BeforeEach
    void reset() {
        TestTokens.anonymous();
    }

    @Test
    void shouldAnswerATooLongRequestTargetWithAProblem() {
        Response r = TestTokens.as(Roles.AUDITOR).get("/api/v1/determinations?partNumber=" + "x".repeat(5_000));
        assertThat(r.statusCode()).isEqualTo(414);
        assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(r.jsonPath().getString("detail")).contains("4096").doesNotContain("xxxx");
    }

    @Test
    void shouldAnswerTooLargeHeadersWithAProblem() {
        Response r = TestTokens.as(Roles.AUDITOR).header("X-Padding", "p".repeat(30_000)).get("/api/v1/rule-packs");
        assertThat(r.statusCode()).isEqualTo(431);
        assertThat(r.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(r.jsonPath().getInt("status")).isEqualTo(431);
    }

    @Test
    void shouldAnswerABodyDeclaredOverEveryLimitWithAProblem() throws Exception {
        // 100 MB is over quarkus.http.limits.max-body-size (64M) too, whose own answer had no body.
        String answer = exchange("POST /api/v1/determinations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER) + "\r\nContent-Length: 104857600\r\n\r\n", 0);
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: " + Problem.MEDIA_TYPE).contains("\"status\":413");
    }

    @Test
    void shouldAnswerAChunkedBodyOverTheLimitWithAProblem() throws Exception {
        long limit = ConfigProvider.getConfig().getValue("origincheck.limits.max-body-bytes", Long.class);
        String answer = exchange("POST /api/v1/determinations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER) + "\r\nTransfer-Encoding: chunked\r\n\r\n", limit + 64 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: " + Problem.MEDIA_TYPE).contains("\"status\":413");
    }

    @Test
    void shouldStillAcceptAChunkedBodyUnderTheLimit() throws Exception {
        String bom = """
                {"good":{"hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},"materials":[]}""";
        String chunk = Integer.toHexString(bom.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + bom + "\r\n0\r\n\r\n";
        String answer = exchange("POST /api/v1/determinations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER) + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk, 0);
        assertThat(answer).startsWith("HTTP/1.1 201");
    }

    /**
     * Writes the head, then (if bodyBytes > 0) that many bytes as chunks without the closing chunk, and reads the answer
     * until the server closes the connection. Nothing more is sent than the server reads, so it closes cleanly.
     */
    private static String exchange(String head, long bodyBytes) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[64 * 1024];
            java.util.Arrays.fill(block, (byte) ' ');
            try {
                for (long sent = 0; sent < bodyBytes; sent += block.length) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(block);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // The server may answer and close before the last block; the answer is read below.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                    String text = answer.toString(StandardCharsets.UTF_8);
                    if (text.contains("\r\n\r\n") && text.contains("}")) {
                        break; // the head and a problem document have arrived
                    }
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what has arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
