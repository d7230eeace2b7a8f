package org.origincheck.determination;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * Group commit of single determinations against PostgreSQL (DeterminationCommits): concurrent requests in two tenants,
 * with Idempotency-Keys shared inside a group, each answered as when it was stored alone, each stored row checked. To put
 * requests in one group for certain, a test holds a SHARE lock on {@code determination}: the first request's insert waits
 * for it, the others queue behind that request, and none may be answered while no row can be committed.
 */
@QuarkusTest
class GroupCommitApiTest {

    private static final String A = TestTokens.TENANT;
    private static final String B = TestTokens.OTHER_TENANT;

    @Inject
    DataSource dataSource;

    @Inject
    DeterminationCommits commits;

    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        clients.shutdownNow();
    }

    /** One request to send: tenant, part number, value of its one material, Idempotency-Key (or null). */
    record Sent(String tenant, String part, int value, String key) {
    }

    private static String bom(String partNumber, int value) {
        return """
                {"asOf":"2026-07-01","good":{"partNumber":"%s","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"M1","hsCode":"8402.90","origin":"NON_ORIGINATING","value":%d}]}""".formatted(partNumber, value);
    }

    private Future<Response> send(Sent s) {
        String token = TestTokens.token(s.tenant(), Roles.SUBMITTER, Roles.REVIEWER);
        return clients.submit(() -> {
            var request = given().header("Authorization", "Bearer " + token).contentType("application/json").body(bom(s.part(), s.value()));
            if (s.key() != null) {
                request = request.header("Idempotency-Key", s.key());
            }
            return request.post("/api/v1/determinations");
        });
    }

    private static UUID idOf(Response r) {
        String location = r.header("Location");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** determination id -> tenant, part number, and whether its review status row exists, for the rows with this prefix. */
    private Map<UUID, List<String>> stored(String prefix) throws Exception {
        Map<UUID, List<String>> rows = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select d.id, d.tenant_id, d.part_number, (select count(*) from review_status s where s.determination_id = d.id)"
                        + " from determination d where d.part_number like ?")) {
            q.setString(1, prefix + "%");
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.put(r.getObject(1, UUID.class), List.of(r.getString(2), r.getString(3), r.getString(4)));
                }
            }
        }
        return rows;
    }

    /** The determination a tenant's key points to, or null. */
    private UUID keyed(String tenant, String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select determination_id from idempotency_key where tenant_id = ? and idempotency_key = ?")) {
            q.setString(1, tenant);
            q.setString(2, key);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getObject(1, UUID.class) : null;
            }
        }
    }

    /**
     * Holds a SHARE lock on determination (no insert can commit) while {@code first} is sent and its insert waits, then
     * sends {@code rest}, waits until all of them are queued behind it, checks that nobody was answered, and releases.
     */
    private List<Response> sendAsOneGroup(Sent first, List<Sent> rest) throws Exception {
        List<Future<Response>> answers = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table determination in share mode");
            }
            answers.add(send(first));
            awaitInsertWaitingForLock();
            for (Sent s : rest) {
                answers.add(send(s));
            }
            while (commits.waiting() < rest.size()) {
                Thread.sleep(10);
            }
            assertThat(answers).as("answered while no determination could be committed").noneMatch(Future::isDone);
            lock.rollback();
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : answers) {
            responses.add(f.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }

    private void awaitInsertWaitingForLock() throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%insert into determination%' and pid <> pg_backend_pid()")) {
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

    @Test
    void fiftyConcurrentRequestsAreEachStoredOnceInTheirTenantAndAnswered() throws Exception {
        String prefix = "GC-" + UUID.randomUUID() + "-";
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(new Sent(i % 2 == 0 ? A : B, prefix + i, i % 7, i % 5 == 0 ? UUID.randomUUID().toString() : null));
        }
        // Each client looks for its row as soon as it has its answer, from another connection: a 201 sent before the commit
        // would find nothing.
        List<Future<Response>> answers = sent.stream().map(s -> clients.submit(() -> {
            Response r = send(s).get(60, TimeUnit.SECONDS);
            if (r.statusCode() == 201) {
                assertThat(stored(s.part())).as("committed when answered").containsKey(idOf(r));
            }
            return r;
        })).toList();

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Response r = answers.get(i).get(120, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
            assertThat(r.header("Idempotent-Replayed")).isNull();
            assertThat(r.jsonPath().getString("id")).isEqualTo(idOf(r).toString());
            ids.add(idOf(r));
        }
        Map<UUID, List<String>> rows = stored(prefix);
        assertThat(rows).hasSize(50);
        for (int i = 0; i < sent.size(); i++) {
            Sent s = sent.get(i);
            assertThat(rows.get(ids.get(i))).as("row of request " + i).containsExactly(s.tenant(), s.part(), "1");
            if (s.key() != null) {
                assertThat(keyed(s.tenant(), s.key())).isEqualTo(ids.get(i));
            }
        }
    }

    @Test
    void requestsWithOneKeyInOneGroupAreAnsweredAsWhenStoredOneAfterTheOther() throws Exception {
        String prefix = "GCK-" + UUID.randomUUID() + "-";
        String same = "same-" + UUID.randomUUID();
        String reused = "reused-" + UUID.randomUUID();
        String acrossTenants = "both-" + UUID.randomUUID();
        Sent first = new Sent(A, prefix + "first", 1, null);
        List<Sent> rest = List.of(
                new Sent(A, prefix + "same", 2, same),          // 0: stored
                new Sent(A, prefix + "same", 2, same),          // 1: the same request again: the replay of 0
                new Sent(A, prefix + "reused", 3, reused),      // 2: stored
                new Sent(A, prefix + "reused-other", 4, reused), // 3: another body with 2's key: 422
                new Sent(A, prefix + "a-both", 5, acrossTenants),  // 4: stored in A
                new Sent(B, prefix + "b-both", 5, acrossTenants),  // 5: stored in B: keys are per tenant
                new Sent(B, prefix + "plain", 6, null));        // 6: stored

        List<Response> answers = sendAsOneGroup(first, rest);

        assertThat(answers.get(0).statusCode()).isEqualTo(201);
        Response stored = answers.get(1);
        Response replay = answers.get(2);
        // Which of the two twins is stored depends on the order they queued in; one is stored, the other replays it.
        if ("true".equals(stored.header("Idempotent-Replayed"))) {
            Response swap = stored;
            stored = replay;
            replay = swap;
        }
        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(stored.header("Idempotent-Replayed")).isNull();
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(stored.header("Location"));
        assertThat(replay.asString()).isEqualTo(stored.asString());
        assertThat(keyed(A, same)).isEqualTo(idOf(stored));

        Response reusedFirst = answers.get(3);
        Response reusedOther = answers.get(4);
        assertThat(List.of(reusedFirst.statusCode(), reusedOther.statusCode())).containsExactlyInAnyOrder(201, 422);
        Response reusedStored = reusedFirst.statusCode() == 201 ? reusedFirst : reusedOther;
        Response refused = reusedFirst.statusCode() == 201 ? reusedOther : reusedFirst;
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.asString()).contains("Idempotency-Key");
        assertThat(keyed(A, reused)).isEqualTo(idOf(reusedStored));

        assertThat(answers.get(5).statusCode()).isEqualTo(201);
        assertThat(answers.get(6).statusCode()).isEqualTo(201);
        assertThat(idOf(answers.get(5))).isNotEqualTo(idOf(answers.get(6)));
        assertThat(keyed(A, acrossTenants)).isEqualTo(idOf(answers.get(5)));
        assertThat(keyed(B, acrossTenants)).isEqualTo(idOf(answers.get(6)));
        assertThat(answers.get(7).statusCode()).isEqualTo(201);

        Map<UUID, List<String>> rows = stored(prefix);
        // first, same (once), reused (once: the 422 stores nothing), a-both, b-both, plain
        assertThat(rows).hasSize(6);
        assertThat(rows.get(idOf(stored))).containsExactly(A, prefix + "same", "1");
        assertThat(rows.get(idOf(answers.get(5)))).containsExactly(A, prefix + "a-both", "1");
        assertThat(rows.get(idOf(answers.get(6)))).containsExactly(B, prefix + "b-both", "1");
        assertThat(rows.get(idOf(answers.get(7)))).containsExactly(B, prefix + "plain", "1");
    }

    @Test
    void aRowThatViolatesAConstraintFailsAloneAndTheRestOfItsGroupIsStored() throws Exception {
        String prefix = "GCF-" + UUID.randomUUID() + "-";
        String rejected = prefix + "rejected";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table determination add constraint group_commit_test_reject check (part_number <> '" + rejected + "') not valid");
        }
        try {
            // What the same bad request gets when it is stored alone, as before group commit.
            Response alone = send(new Sent(A, rejected, 1, null)).get(60, TimeUnit.SECONDS);
            assertThat(alone.statusCode()).isNotEqualTo(201);

            long fallbacksBefore = commits.fallbacks();
            List<Sent> rest = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rest.add(i == 4 ? new Sent(B, rejected, 1, "bad-" + UUID.randomUUID()) : new Sent(i % 2 == 0 ? A : B, prefix + i, i, null));
            }
            List<Response> answers = sendAsOneGroup(new Sent(A, prefix + "first", 1, null), rest);

            assertThat(commits.fallbacks()).as("the group of ten failed once and was stored one by one").isEqualTo(fallbacksBefore + 1);
            Map<UUID, List<String>> rows = stored(prefix);
            assertThat(answers.get(0).statusCode()).isEqualTo(201);
            for (int i = 0; i < rest.size(); i++) {
                Response r = answers.get(i + 1);
                if (i == 4) {
                    assertThat(r.statusCode()).isEqualTo(alone.statusCode());
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(keyed(B, rest.get(i).key())).as("the failed request's key is not taken").isNull();
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
                    assertThat(rows.get(idOf(r))).containsExactly(rest.get(i).tenant(), rest.get(i).part(), "1");
                }
            }
            assertThat(rows).hasSize(10); // first and nine of the ten; nothing of the rejected one
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("alter table determination drop constraint group_commit_test_reject");
            }
        }
    }
}
