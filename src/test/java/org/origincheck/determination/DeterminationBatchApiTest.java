package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/** POST /api/v1/determination-batches: every line answered in order, bad lines alone refused, idempotency per line, limits. */
@QuarkusTest
class DeterminationBatchApiTest {

    private static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @BeforeEach
    void signIn() {
        TestTokens.actAsSubmitter();
    }

    private static String bom(String partNumber, int value) {
        return ("{\"asOf\":\"2026-07-01\",\"good\":{\"partNumber\":\"%s\",\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\",\"currency\":\"USD\","
                + "\"transactionValue\":100},\"materials\":[{\"partNumber\":\"M1\",\"hsCode\":\"8402.90\",\"origin\":\"NON_ORIGINATING\",\"value\":%d}]}")
                .formatted(partNumber, value);
    }

    private static String keyed(String key, String partNumber, int value) {
        return "{\"idempotencyKey\":\"" + key + "\"," + bom(partNumber, value).substring(1);
    }

    private static List<JsonNode> answers(Response response) throws Exception {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(NDJSON);
        List<JsonNode> answers = new ArrayList<>();
        for (String line : response.asString().split("\n")) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    private static Response post(String body) {
        return given().contentType(NDJSON).accept(NDJSON).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/determination-batches");
    }

    private long count(String sql, String parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void shouldAnswerEveryLineInOrderAndStoreOnlyTheGoodOnes() throws Exception {
        String run = UUID.randomUUID().toString();
        String boiler = JSON.readTree(Files.readString(Path.of("examples/boiler-bom.json"))).toString();
        String body = String.join("\n",
                bom("B1-" + run, 5),
                "{\"good\": not json",
                bom("B3-" + run, 5).replace("\"8402.11\"", "\"84\""),
                bom("B4-" + run, 5).replace("2026-07-01", "2019-01-01"),
                "",
                boiler,
                "{\"reference\":\"x\",\"good\":{},\"materials\":[],\"surprise\":1}") + "\n";

        List<JsonNode> answers = answers(post(body));

        assertThat(answers).hasSize(7);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get("index").asInt()).isEqualTo(i);
        }
        assertThat(answers.stream().map(a -> a.get("status").asInt())).containsExactly(201, 400, 400, 422, 400, 201, 400);
        assertThat(answers.get(1).at("/problem/errors/0/field").asText()).isEqualTo("$");
        assertThat(answers.get(2).at("/problem/errors/0/field").asText()).isEqualTo("good.hsCode");
        assertThat(answers.get(3).at("/problem/errors/0/field").asText()).isEqualTo("asOf");
        assertThat(answers.get(6).at("/problem/errors/0/field").asText()).isEqualTo("surprise");
        assertThat(answers.get(1).has("id")).isFalse();
        // The same BOM posted alone gets the same status as its line in the batch.
        String alone = given().contentType("application/json").body(boiler).post("/api/v1/determinations").then().statusCode(201)
                .extract().path("status");
        assertThat(answers.get(5).get("determinationStatus").asText()).isEqualTo(alone);

        String id = answers.get(0).get("id").asText();
        given().get("/api/v1/determinations/" + id).then().statusCode(200).contentType("application/json");
        assertThat(given().get("/api/v1/determinations/" + id + "/submission").then().statusCode(200).extract().asString())
                .isEqualTo(bom("B1-" + run, 5));
        // Stored with its review, as a single determination is.
        given().get("/api/v1/determinations/" + id + "/review").then().statusCode(200).body("events.size()", org.hamcrest.Matchers.is(1));
        assertThat(count("select count(*) from determination where part_number like ?", "B_-" + run)).isEqualTo(1);
    }

    @Test
    void shouldReplayALineWhoseKeyWasUsedAndRefuseAKeyReusedWithAnotherSubmission() throws Exception {
        String run = UUID.randomUUID().toString();
        String key = "batch-" + run;
        String first = keyed(key, "K-" + run, 5);
        List<JsonNode> once = answers(post(first + "\n" + bom("N-" + run, 5)));
        assertThat(once.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(once.get(0).has("replayed")).isFalse();

        List<JsonNode> again = answers(post(first + "\n" + keyed(key, "K-" + run, 6) + "\n" + keyed(key, "K-" + run, 5)));

        assertThat(again.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(again.get(0).get("id").asText()).isEqualTo(once.get(0).get("id").asText());
        assertThat(again.get(0).get("replayed").asBoolean()).isTrue();
        assertThat(again.get(1).get("status").asInt()).isEqualTo(422);
        assertThat(again.get(1).at("/problem/errors/0/field").asText()).isEqualTo("idempotencyKey");
        assertThat(again.get(2).get("id").asText()).isEqualTo(once.get(0).get("id").asText());
        assertThat(count("select count(*) from determination where part_number = ?", "K-" + run)).isEqualTo(1);
        // The key is the single endpoint's Idempotency-Key too: the same submission posted alone is a retry.
        given().header("Idempotency-Key", key).contentType("application/json").body(bom("K-" + run, 5)).post("/api/v1/determinations")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void shouldGiveALineRepeatedWithinABatchTheFirstLinesDetermination() throws Exception {
        String run = UUID.randomUUID().toString();
        String line = keyed("dup-" + run, "D-" + run, 5);

        List<JsonNode> answers = answers(post(line + "\n" + line + "\n" + keyed("dup-" + run, "D-" + run, 7)));

        assertThat(answers.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(answers.get(1).get("id").asText()).isEqualTo(answers.get(0).get("id").asText());
        assertThat(answers.get(1).get("replayed").asBoolean()).isTrue();
        assertThat(answers.get(2).get("status").asInt()).isEqualTo(422);
        assertThat(count("select count(*) from determination where part_number = ?", "D-" + run)).isEqualTo(1);
    }

    /**
     * A batch is read, determined and stored a part at a time ({@link DeterminationBatches#BATCH_TRANSACTION_SIZE} lines): a
     * key still belongs to the first line that carries it when the repeat is in a later part, including a first line that
     * was refused (nothing stored, so nothing in the database says the key was taken).
     */
    @Test
    void shouldKeepAKeyToItsFirstLineAcrossTheBatchsParts() throws Exception {
        String run = UUID.randomUUID().toString();
        int part = DeterminationBatches.BATCH_TRANSACTION_SIZE;
        List<String> lines = new ArrayList<>();
        lines.add(keyed("across-" + run, "A-" + run, 5));
        lines.add(keyed("refused-" + run, "F-" + run, 5).replace("2026-07-01", "2019-01-01"));
        while (lines.size() < part + 3) {
            lines.add(bom("P-" + run, 5));
        }
        lines.add(keyed("across-" + run, "A-" + run, 5)); // the same submission: the first line's determination
        lines.add(keyed("across-" + run, "A-" + run, 6)); // another submission: refused as a retry would be
        lines.add(keyed("refused-" + run, "F-" + run, 5).replace("2026-07-01", "2019-01-01")); // the first line's refusal

        List<JsonNode> answers = answers(post(String.join("\n", lines) + "\n"));

        assertThat(answers).hasSize(part + 6);
        assertThat(answers.get(0).get("status").asInt()).isEqualTo(201);
        assertThat(answers.get(1).get("status").asInt()).isEqualTo(422);
        JsonNode same = answers.get(part + 3);
        assertThat(same.get("index").asInt()).isEqualTo(part + 3);
        assertThat(same.get("status").asInt()).isEqualTo(201);
        assertThat(same.get("id").asText()).isEqualTo(answers.get(0).get("id").asText());
        assertThat(same.get("replayed").asBoolean()).isTrue();
        assertThat(answers.get(part + 4).get("status").asInt()).isEqualTo(422);
        assertThat(answers.get(part + 4).at("/problem/errors/0/field").asText()).isEqualTo("idempotencyKey");
        assertThat(answers.get(part + 5).get("status").asInt()).isEqualTo(422);
        assertThat(answers.get(part + 5).at("/problem/errors/0/field").asText()).isEqualTo("asOf");
        assertThat(count("select count(*) from determination where part_number = ?", "A-" + run)).isEqualTo(1);
        assertThat(count("select count(*) from determination where part_number = ?", "P-" + run)).isEqualTo(part + 1);
        assertThat(count("select count(*) from idempotency_key where idempotency_key = ?", "refused-" + run)).isZero();
    }

    @Test
    void shouldStoreEachKeyOnceWhenTwoBatchesWithTheSameKeysRace() throws Exception {
        String run = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append(keyed("race-" + run + "-" + i, "R-" + run, i + 1)).append('\n');
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<JsonNode>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> answers(post(body.toString()))));
            }
            List<JsonNode> reference = runs.get(0).get();
            for (Future<List<JsonNode>> other : runs) {
                List<JsonNode> answers = other.get();
                for (int i = 0; i < 12; i++) {
                    assertThat(answers.get(i).get("status").asInt()).isEqualTo(201);
                    assertThat(answers.get(i).get("id").asText()).isEqualTo(reference.get(i).get("id").asText());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from determination where part_number = ?", "R-" + run)).isEqualTo(12);
    }

    @Test
    void shouldStoreABatchLargerThanOneTransactionAndCountItInTheMetrics() throws Exception {
        String run = UUID.randomUUID().toString();
        String status = answers(post(bom("L0-" + run, 5))).get(0).get("determinationStatus").asText();
        double before = counted(given().get("/q/metrics").asString(), status);
        StringBuilder body = new StringBuilder();
        int lines = DeterminationBatches.BATCH_TRANSACTION_SIZE * 2 + 17;
        for (int i = 0; i < lines; i++) {
            body.append(bom("L-" + run, 5)).append('\n');
        }

        List<JsonNode> answers = answers(post(body.toString()));

        assertThat(answers).hasSize(lines);
        assertThat(answers).allSatisfy(a -> assertThat(a.get("status").asInt()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.get("id").asText()).distinct()).hasSize(lines);
        assertThat(count("select count(*) from determination where part_number = ?", "L-" + run)).isEqualTo(lines);
        assertThat(count("select count(*) from review_status s join determination d on d.id = s.determination_id where d.part_number = ?", "L-" + run))
                .isEqualTo(lines);
        assertThat(counted(given().get("/q/metrics").asString(), status) - before).isEqualTo(lines);
    }

    /**
     * A batch's review rows reach PostgreSQL as batched statements, like its determinations, not one statement (and round
     * trip) per row: rows one statement inserted share its transaction id and command id (xmin, cmin). Each determination's
     * review event and status used to be written one after the other, which broke the driver's batches into statements of
     * one row (docs/benchmarks.md, issue 19, branch i19o).
     */
    @Test
    void shouldWriteABatchsReviewRowsInFewStatements() throws Exception {
        String run = UUID.randomUUID().toString();
        int lines = 40; // under one transaction's part
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            body.append(bom("RS-" + run, 5)).append('\n');
        }

        List<JsonNode> answers = answers(post(body.toString()));

        assertThat(answers).allSatisfy(a -> assertThat(a.get("status").asInt()).isEqualTo(201));
        String statements = "select count(distinct r.xmin::text || '/' || r.cmin::text) from %s r join determination d on d.id = r.determination_id"
                + " where d.part_number = ?";
        assertThat(count("select count(*) from review_event e join determination d on d.id = e.determination_id where d.part_number = ?", "RS-" + run))
                .isEqualTo(lines);
        assertThat(count("select count(distinct xmin::text || '/' || cmin::text) from determination where part_number = ?", "RS-" + run))
                .isLessThan(lines / 4);
        assertThat(count(statements.formatted("review_event"), "RS-" + run)).isLessThan(lines / 4);
        assertThat(count(statements.formatted("review_status"), "RS-" + run)).isLessThan(lines / 4);
    }

    /** The stored-determinations counter for one status, summed over criteria and pack versions. */
    private static double counted(String metrics, String status) {
        Matcher m = Pattern.compile("(?m)^origincheck_determinations_total\\{[^}]*status=\"" + status + "\"[^}]*} ([0-9.E+-]+)$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    void shouldRefuseTooManyLinesAndALineTooLongAndAnEmptyBody() throws Exception {
        String tooMany = "{}\n".repeat(1001);
        post(tooMany).then().statusCode(413).contentType("application/problem+json");

        post("").then().statusCode(400).contentType("application/problem+json");

        String run = UUID.randomUUID().toString();
        String longLine = " ".repeat(1024 * 1024) + bom("LONG-" + run, 5);
        List<JsonNode> answers = answers(post(longLine + "\n" + bom("SHORT-" + run, 5)));
        assertThat(answers.get(0).get("status").asInt()).isEqualTo(413);
        assertThat(answers.get(1).get("status").asInt()).isEqualTo(201);
        assertThat(count("select count(*) from determination where part_number = ?", "LONG-" + run)).isZero();
    }

    @Test
    void shouldRefuseABadIdempotencyKeyOnItsLine() throws Exception {
        String run = UUID.randomUUID().toString();
        List<JsonNode> answers = answers(post("{\"idempotencyKey\":42," + bom("I-" + run, 5).substring(1) + "\n"
                + keyed("has space", "I-" + run, 5)));

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.get("status").asInt()).isEqualTo(400);
            assertThat(a.at("/problem/errors/0/field").asText()).isEqualTo("idempotencyKey");
        });
    }

    /**
     * V25: a determination's submission and response are compressed with lz4 where the server has it (pglz, the default,
     * was most of PostgreSQL's CPU per stored determination), and review_event keeps one index on (determination_id, seq).
     * A server built without lz4 keeps pglz: the migration must still apply, and the values read back as they were sent.
     */
    @Test
    void shouldStoreSubmissionsCompressedWithLz4WhereTheServerHasItAndReadThemBackAsSent() throws Exception {
        String run = UUID.randomUUID().toString();
        String line = bom("Z-" + run, 7);
        String id = answers(post(line + "\n")).get(0).get("id").asText();

        boolean serverHasLz4;
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            try {
                s.execute("create temp table lz4_probe (t text compression lz4)");
                serverHasLz4 = true;
            } catch (java.sql.SQLException e) {
                serverHasLz4 = false;
            }
        }
        List<String> methods = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select attname || '=' || attcompression::text from pg_attribute where attrelid = 'determination'::regclass "
                        + "and attname in ('submission', 'response') order by attname");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                methods.add(r.getString(1));
            }
        }
        assertThat(methods).containsExactly(serverHasLz4 ? List.of("response=l", "submission=l").toArray(String[]::new)
                : List.of("response=", "submission=").toArray(String[]::new));
        assertThat(count("select count(*) from pg_indexes where tablename = 'review_event' and indexname = ?", "review_event_determination")).isZero();
        assertThat(count("select count(*) from pg_indexes where tablename = 'review_event' and indexdef like ?", "%(determination_id, seq)%")).isEqualTo(1);
        assertThat(given().get("/api/v1/determinations/" + id + "/submission").then().statusCode(200).extract().asString()).isEqualTo(line);
    }
}
