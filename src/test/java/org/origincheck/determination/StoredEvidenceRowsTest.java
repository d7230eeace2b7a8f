package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.origincheck.review.ReviewEventRecord;
import org.origincheck.review.ReviewStatusRecord;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The stored evidence of a determination, row by row, as each way of storing writes it: a lone request, a group of
 * concurrent requests, a batch. Every column is checked against what was sent and answered (the submission byte for
 * byte, the response as returned, the creation time to the microsecond as the response states it), against the JPA
 * entities that read it (what GET, the audit file, the review workflow and re-determination read), and against the row
 * Hibernate's entity persistence writes for the same values (persisted beside it in a transaction rolled back): so a
 * writer outside Hibernate must write exactly what Hibernate wrote. Written first against the Hibernate path (issue 19,
 * branch i19t, main a6ea847), where it passed, and kept for the JDBC writer.
 */
@QuarkusTest
class StoredEvidenceRowsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBJECT = "test-" + Roles.SUBMITTER;

    @Inject
    DataSource dataSource;

    @Inject
    DeterminationCommits commits;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    /** A BOM naming {@code suppliers} suppliers' parts, one of them with a value below the margin (a review decision). */
    private static String bom(String reference, String run, int suppliers, int value) {
        String materials = IntStream.range(0, suppliers).mapToObj(i -> ("{\"partNumber\":\"PART-%d\",\"hsCode\":\"7208.51\",\"supplierId\":\"SUP-%s-%d\","
                + "\"value\":%d}").formatted(i, run, i, value + i)).collect(Collectors.joining(","));
        return ("{\"reference\":\"%s\",\"asOf\":\"2026-07-01\",\"good\":{\"partNumber\":\"BOILER-%s\",\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\","
                + "\"currency\":\"USD\",\"transactionValue\":100},\"materials\":[%s]}").formatted(reference, run, materials);
    }

    private static String token() {
        return TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
    }

    private Response post(String body, String key) {
        var request = given().header("Authorization", "Bearer " + token()).contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/determinations");
    }

    private static UUID idOf(Response r) {
        String location = r.header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** What one determination was: sent, answered, and with which key. */
    record Sent(UUID id, String body, String response, String key, int suppliers) {
    }

    @Test
    void aLoneRequestsRowsAreWhatWasSentAndAnsweredAndWhatHibernateWrites() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = bom("PO-ROWS-" + run, run, 3, 20);
        String key = "rows-" + run;
        Response r = post(body, key);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
        check(new Sent(idOf(r), body, r.asString(), key, 3));
        // And one without a key or supplier parts: no key row, no part rows.
        String plain = bom("PO-ROWS-PLAIN-" + run, run, 0, 20).replace("\"materials\":[]",
                "\"materials\":[{\"partNumber\":\"M1\",\"hsCode\":\"8402.90\",\"origin\":\"NON_ORIGINATING\",\"value\":90}]");
        Response p = post(plain, null);
        assertThat(p.statusCode()).as(p.asString()).isEqualTo(201);
        check(new Sent(idOf(p), plain, p.asString(), null, 0));
    }

    @Test
    void aGroupsRowsAreWhatEachRequestSentAndWasAnswered() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> bodies = new ArrayList<>();
        List<Future<Response>> answers = new ArrayList<>();
        // A SHARE lock on determination holds the first insert; the others queue behind it and are then written as one group.
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table determination in share mode");
            for (int i = 0; i < 6; i++) {
                String body = bom("PO-GROUP-" + run + "-" + i, run + "-" + i, i % 3, 10 + 20 * i);
                String key = i % 2 == 0 ? "group-" + run + "-" + i : null;
                bodies.add(body);
                answers.add(clients.submit(() -> post(body, key)));
                if (i == 0) {
                    awaitInsertWaitingForLock();
                }
            }
            while (commits.waiting() < 5) {
                Thread.sleep(10);
            }
            lock.rollback();
        }
        for (int i = 0; i < 6; i++) {
            Response r = answers.get(i).get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
            check(new Sent(idOf(r), bodies.get(i), r.asString(), i % 2 == 0 ? "group-" + run + "-" + i : null, i % 3));
        }
    }

    @Test
    void aBatchsRowsAreWhatEachLineSentAndWasAnswered() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> lines = new ArrayList<>();
        List<String> bodies = new ArrayList<>(); // what is stored: the line without its idempotencyKey member
        for (int i = 0; i < 5; i++) {
            String line = bom("PO-BATCH-ROWS-" + run + "-" + i, run + "-" + i, 1 + i % 2, 15 + 20 * i);
            if (i % 2 == 1) {
                line = "{\"idempotencyKey\":\"batch-" + run + "-" + i + "\"," + line.substring(1);
            }
            lines.add(line);
            bodies.add(bom("PO-BATCH-ROWS-" + run + "-" + i, run + "-" + i, 1 + i % 2, 15 + 20 * i));
        }
        String answers = given().header("Authorization", "Bearer " + token()).contentType("application/x-ndjson").accept("application/x-ndjson")
                .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/determination-batches")
                .then().statusCode(200).extract().asString();
        List<String> answered = answers.lines().toList();
        assertThat(answered).hasSize(5);
        for (int i = 0; i < 5; i++) {
            JsonNode answer = JSON.readTree(answered.get(i));
            assertThat(answer.path("status").asInt()).as(answered.get(i)).isEqualTo(201);
            UUID id = UUID.fromString(answer.path("id").asText());
            // A line is answered by its id and status; its determination is what GET answers (checked against the row below).
            String response = given().header("Authorization", "Bearer " + token()).accept("application/json").get("/api/v1/determinations/" + id)
                    .then().statusCode(200).extract().asString();
            assertThat(JSON.readTree(response).path("status").asText()).isEqualTo(answer.path("determinationStatus").asText());
            check(new Sent(id, bodies.get(i), response, i % 2 == 1 ? "batch-" + run + "-" + i : null, 1 + i % 2));
        }
    }

    /**
     * A determination whose last row is refused (its Idempotency-Key, by a CHECK constraint added for the test) leaves no
     * row at all: not its determination, review, supplier parts. Alone, and as line 120 of a batch of 150 (the second of
     * its two parts): that part fails as a whole, its other lines are stored again, and every determination stored, in
     * either part, has all its rows.
     */
    @Test
    void aDeterminationWhoseLastRowIsRefusedLeavesNothingAndEveryOtherIsWhole() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String refused = "refused-" + run;
        String prefix = "PO-ATOMIC-" + run + "-";
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("alter table idempotency_key add constraint stored_evidence_test_refuse check (idempotency_key <> '" + refused + "') not valid");
        }
        try {
            Response alone = post(bom(prefix + "alone", run + "-alone", 2, 20), refused);
            assertThat(alone.statusCode()).as(alone.asString()).isEqualTo(500);
            assertThat(alone.contentType()).startsWith("application/problem+json");
            assertThat(count("select count(*) from determination where reference = ?", prefix + "alone")).isZero();

            List<String> lines = new ArrayList<>();
            int keyed = 0;
            for (int i = 0; i < 150; i++) {
                String line = bom(prefix + i, run + "-" + i, 1, 10 + i);
                if (i == 120) {
                    line = "{\"idempotencyKey\":\"" + refused + "\"," + line.substring(1);
                } else if (i % 3 == 0) {
                    line = "{\"idempotencyKey\":\"atomic-" + run + "-" + i + "\"," + line.substring(1);
                    keyed++;
                }
                lines.add(line);
            }
            List<String> answered = given().header("Authorization", "Bearer " + token()).contentType("application/x-ndjson").accept("application/x-ndjson")
                    .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/determination-batches")
                    .then().statusCode(200).extract().asString().lines().toList();
            assertThat(answered).hasSize(150);
            for (int i = 0; i < 150; i++) {
                assertThat(JSON.readTree(answered.get(i)).path("status").asInt()).as(answered.get(i)).isEqualTo(i == 120 ? 500 : 201);
            }
            String like = prefix + "%";
            assertThat(count("select count(*) from determination where reference like ?", like)).isEqualTo(149);
            assertThat(count("select count(*) from determination where reference = ?", prefix + "120")).isZero();
            assertThat(count("select count(*) from determination d where d.reference like ? and (not exists (select 1 from review_event e where e.determination_id = d.id and e.seq = 1)"
                    + " or not exists (select 1 from review_status s where s.determination_id = d.id)"
                    + " or not exists (select 1 from determination_supplier_part p where p.determination_id = d.id))", like)).as("stored without all its rows").isZero();
            assertThat(count("select count(*) from idempotency_key k join determination d on d.id = k.determination_id where d.reference like ?", like)).isEqualTo(keyed);
        } finally {
            try (Connection c = dataSource.getConnection()) {
                c.createStatement().execute("alter table idempotency_key drop constraint stored_evidence_test_refuse");
            }
        }
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

    private void awaitInsertWaitingForLock() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%insert into determination%'"
                        + " and pid <> pg_backend_pid()")) {
            while (true) {
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(10);
            }
        }
    }

    /** Every row of one determination against what was sent and answered, the entities, the API and Hibernate's own row. */
    private void check(Sent sent) throws Exception {
        JsonNode answered = JSON.readTree(sent.response());
        Instant createdAt = Instant.parse(answered.path("createdAt").asText());
        ObjectNode row = row("select to_jsonb(d) from determination d where id = ?", sent.id());

        // What was sent and answered.
        assertThat(row.path("submission").asText()).isEqualTo(sent.body());
        assertThat(JSON.readTree(row.path("response").asText())).isEqualTo(answered);
        assertThat(row.path("tenant_id").asText()).isEqualTo(TestTokens.TENANT);
        assertThat(row.path("submitted_by").asText()).isEqualTo(SUBJECT);
        assertThat(row.path("submission_media_type").asText()).isEqualTo("application/json");
        assertThat(row.path("submission_parameters").isNull()).isTrue();
        assertThat(row.path("status").asText()).isEqualTo(answered.path("status").asText());
        assertThat(row.path("reference").asText()).isEqualTo(answered.path("reference").asText());
        assertThat(row.path("as_of").asText()).isEqualTo(answered.path("asOf").asText());
        assertThat(row.path("rule_pack_version").asText()).isEqualTo(answered.path("rulePack").path("version").asText());
        assertThat(row.path("hs_code").asText()).isEqualTo("840211");
        assertThat(instant(sent.id(), "select created_at from determination where id = ?")).as("created_at to the microsecond").isEqualTo(createdAt);

        // Read back by the entity (GET, the audit file, the review workflow, re-determination read it so).
        DeterminationRecord entity = QuarkusTransaction.requiringNew().call(() -> DeterminationRecord.findInTenant(sent.id(), TestTokens.TENANT));
        assertThat(entity.createdAt).isEqualTo(createdAt);
        assertThat(entity.submission).isEqualTo(sent.body());
        assertThat(entity.response).isEqualTo(row.path("response").asText());
        assertThat(entity.status).isEqualTo(row.path("status").asText());
        assertThat(entity.originCriterion).isEqualTo(row.path("origin_criterion").isNull() ? null : row.path("origin_criterion").asText());
        assertThat(entity.rulePackSha256).isEqualTo(row.path("rule_pack_sha256").asText());
        assertThat(entity.productRuleId).isEqualTo(row.path("product_rule_id").isNull() ? null : row.path("product_rule_id").asText());
        assertThat(entity.partNumber).isEqualTo(row.path("part_number").asText());

        // The review the policy opened: one event at the determination's time, its status the event's state.
        List<ObjectNode> events = rows("select to_jsonb(e) from review_event e where determination_id = ? order by seq", sent.id());
        assertThat(events).hasSize(1);
        ObjectNode event = events.get(0);
        assertThat(event.path("seq").asInt()).isEqualTo(1);
        assertThat(event.path("actor").asText()).isEqualTo("review policy");
        assertThat(event.path("from_state").isNull()).isTrue();
        // The policy's decision and its reason: review required (pending) or approved automatically, always with a reason.
        assertThat(event.path("action").asText() + " -> " + event.path("to_state").asText()).isIn("REVIEW_REQUIRED -> PENDING_REVIEW", "AUTO_APPROVED -> APPROVED");
        assertThat(event.path("justification").asText()).isNotBlank();
        if (!row.path("status").asText().equals("ORIGINATING")) {
            assertThat(event.path("justification").asText()).startsWith("the engine found the good " + row.path("status").asText());
        }
        assertThat(event.path("override_status").isNull() && event.path("override_criterion").isNull()).isTrue();
        assertThat(event.path("tenant_id").asText()).isEqualTo(TestTokens.TENANT);
        assertThat(UUID.fromString(event.path("id").asText()).version()).isEqualTo(4);
        assertThat(instant(sent.id(), "select at from review_event where determination_id = ?")).isEqualTo(createdAt);
        ObjectNode status = row("select to_jsonb(s) from review_status s where determination_id = ?", sent.id());
        assertThat(status.path("state").asText()).isEqualTo(event.path("to_state").asText());
        assertThat(instant(sent.id(), "select updated_at from review_status where determination_id = ?")).isEqualTo(createdAt);

        // The Idempotency-Key, with the request's hash and the determination's time.
        List<ObjectNode> keys = rows("select to_jsonb(k) from idempotency_key k where determination_id = ?", sent.id());
        if (sent.key() == null) {
            assertThat(keys).isEmpty();
        } else {
            assertThat(keys).hasSize(1);
            assertThat(keys.get(0).path("idempotency_key").asText()).isEqualTo(sent.key());
            assertThat(keys.get(0).path("tenant_id").asText()).isEqualTo(TestTokens.TENANT);
            assertThat(keys.get(0).path("request_sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(("application/json\n\n" + sent.body()).getBytes(StandardCharsets.UTF_8))));
            assertThat(instant(sent.id(), "select created_at from idempotency_key where determination_id = ?")).isEqualTo(createdAt);
        }

        // The supplier parts it named.
        List<ObjectNode> parts = rows("select to_jsonb(p) from determination_supplier_part p where determination_id = ? order by supplier_id", sent.id());
        assertThat(parts).hasSize(sent.suppliers());
        for (ObjectNode part : parts) {
            assertThat(part.path("tenant_id").asText()).isEqualTo(TestTokens.TENANT);
            assertThat(part.path("declaration_id").isNull()).isTrue();
            assertThat(part.path("supplier_id").asText()).endsWith("-" + part.path("part_number").asText().substring("PART-".length()));
        }

        // The API reads what was answered.
        assertThat(given().header("Authorization", "Bearer " + token()).accept("application/json").get("/api/v1/determinations/" + sent.id())
                .then().statusCode(200).extract().asString()).isEqualTo(row.path("response").asText());
        assertThat(given().header("Authorization", "Bearer " + token()).accept("application/json").get("/api/v1/determinations/" + sent.id() + "/submission")
                .then().statusCode(200).extract().asByteArray()).isEqualTo(sent.body().getBytes(StandardCharsets.UTF_8));
        assertThat(given().header("Authorization", "Bearer " + token()).accept("application/pdf").get("/api/v1/determinations/" + sent.id())
                .then().statusCode(200).extract().asByteArray()).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        JsonNode review = JSON.readTree(given().header("Authorization", "Bearer " + token()).get("/api/v1/determinations/" + sent.id() + "/review")
                .then().statusCode(200).extract().asString());
        assertThat(review.path("state").asText()).isEqualTo(status.path("state").asText());
        assertThat(review.path("events")).hasSize(1);
        assertThat(Instant.parse(review.path("events").get(0).path("at").asText())).isEqualTo(createdAt);
        // Hibernate's entity persistence writes, for the same values, exactly these rows (the id and key aside).
        sameAsHibernateWrites(sent.id(), entity);

        // An officer's action continues the timeline at seq 2 (a comment: allowed in every state, even to the submitter).
        Response acted = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.REVIEWER)).contentType("application/json")
                .body("{\"action\":\"COMMENT\",\"justification\":\"checked\"}").post("/api/v1/determinations/" + sent.id() + "/review-actions");
        assertThat(acted.statusCode()).as(acted.asString()).isEqualTo(200);
        assertThat(JSON.readTree(acted.asString()).path("events").get(1).path("seq").asInt()).isEqualTo(2);
    }

    /**
     * Copies the stored rows through the entities into new rows (another id), persisted by Hibernate in a transaction
     * that is rolled back, and compares every column but the ids as PostgreSQL renders the rows.
     */
    private void sameAsHibernateWrites(UUID id, DeterminationRecord stored) throws Exception {
        ObjectNode row = row("select to_jsonb(d) from determination d where id = ?", id);
        ObjectNode event = row("select to_jsonb(e) from review_event e where determination_id = ?", id);
        ObjectNode status = row("select to_jsonb(s) from review_status s where determination_id = ?", id);
        List<ObjectNode> keys = rows("select to_jsonb(k) from idempotency_key k where determination_id = ?", id);
        UUID copy = UUID.randomUUID();
        List<ObjectNode> written = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
            DeterminationRecord d = new DeterminationRecord();
            d.id = copy;
            d.createdAt = stored.createdAt;
            d.reference = stored.reference;
            d.partNumber = stored.partNumber;
            d.hsCode = stored.hsCode;
            d.asOf = stored.asOf;
            d.status = stored.status;
            d.originCriterion = stored.originCriterion;
            d.rulePackId = stored.rulePackId;
            d.rulePackVersion = stored.rulePackVersion;
            d.rulePackSha256 = stored.rulePackSha256;
            d.productRuleId = stored.productRuleId;
            d.submission = stored.submission;
            d.response = stored.response;
            d.tenantId = stored.tenantId;
            d.submittedBy = stored.submittedBy;
            d.submissionParameters = stored.submissionParameters;
            d.submissionMediaType = stored.submissionMediaType;
            d.partSchedule = stored.partSchedule;
            d.partNetCostThreshold = stored.partNetCostThreshold;
            d.persist();
            ReviewEventRecord e = ReviewEventRecord.timeline(id, stored.tenantId).get(0);
            ReviewEventRecord ec = new ReviewEventRecord();
            ec.id = UUID.randomUUID();
            ec.tenantId = e.tenantId;
            ec.determinationId = copy;
            ec.seq = e.seq;
            ec.action = e.action;
            ec.fromState = e.fromState;
            ec.toState = e.toState;
            ec.actor = e.actor;
            ec.at = e.at;
            ec.justification = e.justification;
            ec.overrideStatus = e.overrideStatus;
            ec.overrideCriterion = e.overrideCriterion;
            ec.persist();
            ReviewStatusRecord s = ReviewStatusRecord.findById(id);
            ReviewStatusRecord sc = new ReviewStatusRecord();
            sc.determinationId = copy;
            sc.tenantId = s.tenantId;
            sc.state = s.state;
            sc.updatedAt = s.updatedAt;
            sc.persist();
            for (ObjectNode k : keys) {
                IdempotencyRecord kr = IdempotencyRecord.find(k.path("tenant_id").asText(), k.path("idempotency_key").asText());
                IdempotencyRecord kc = new IdempotencyRecord();
                kc.tenantId = kr.tenantId;
                kc.idempotencyKey = kr.idempotencyKey + "-copy";
                kc.requestSha256 = kr.requestSha256;
                kc.determinationId = copy;
                kc.createdAt = kr.createdAt;
                kc.persist();
            }
            DeterminationRecord.flush();
            try {
                written.add(row("select to_jsonb(d) from determination d where id = ?", copy));
                written.add(row("select to_jsonb(e) from review_event e where determination_id = ?", copy));
                written.add(row("select to_jsonb(s) from review_status s where determination_id = ?", copy));
                written.addAll(rows("select to_jsonb(k) from idempotency_key k where determination_id = ?", copy));
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
            throw new RolledBack(); // nothing of the copy is kept
            });
        } catch (RolledBack expected) {
            // the copy was compared inside its transaction and rolled back
        }
        assertThat(without(written.get(0), "id")).isEqualTo(without(row, "id"));
        assertThat(without(written.get(1), "id", "determination_id")).isEqualTo(without(event, "id", "determination_id"));
        assertThat(without(written.get(2), "determination_id")).isEqualTo(without(status, "determination_id"));
        for (int i = 0; i < keys.size(); i++) {
            assertThat(without(written.get(3 + i), "determination_id", "idempotency_key")).isEqualTo(without(keys.get(i), "determination_id", "idempotency_key"));
        }
    }

    private static final class RolledBack extends RuntimeException {
    }

    private static ObjectNode without(ObjectNode row, String... columns) {
        ObjectNode copy = row.deepCopy();
        copy.remove(List.of(columns));
        return copy;
    }

    /** Inside a transaction, the connection is the transaction's (so the rows Hibernate flushed are visible). */
    private ObjectNode row(String sql, UUID id) throws Exception {
        List<ObjectNode> found = rows(sql, id);
        assertThat(found).as(sql).hasSize(1);
        return found.get(0);
    }

    private List<ObjectNode> rows(String sql, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, id);
            List<ObjectNode> found = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    found.add((ObjectNode) JSON.readTree(r.getString(1)));
                }
            }
            return found;
        }
    }

    /** A timestamp column as the instant stored, to the microsecond (to_jsonb renders it in the session's zone). */
    private Instant instant(UUID id, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, id);
            try (ResultSet r = q.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                return r.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
    }
}
