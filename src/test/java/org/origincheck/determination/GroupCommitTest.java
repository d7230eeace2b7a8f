package org.origincheck.determination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group-commit protocol with a store in memory: who writes, what is written together, what happens when a group fails,
 * and that no caller gets its answer before its row's transaction ended. The same with PostgreSQL: GroupCommitApiTest.
 */
class GroupCommitTest {

    /** A row: its name, its conflict key (or null), and whether the store refuses it. */
    record Row(String name, String key, boolean bad) {
    }

    /** Records every transaction; the first one waits for {@link #release} so that rows pile up behind it. */
    static final class MemoryStore implements GroupCommit.Store<Row, String> {
        final Set<String> committed = ConcurrentHashMap.newKeySet();
        final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> timesCommitted = new ConcurrentHashMap<>();
        final List<List<String>> transactions = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release;

        MemoryStore(boolean holdFirst) {
            release = new CountDownLatch(holdFirst ? 1 : 0);
        }

        private void hold() {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        /** While true, every transaction fails as if the database were down (after {@link #hold}). */
        volatile boolean down;
        final java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();

        private void reach() {
            attempts.incrementAndGet();
            if (down) {
                throw new Unreachable();
            }
        }

        @Override
        public void together(List<Row> rows) {
            hold();
            reach();
            transactions.add(rows.stream().map(Row::name).toList());
            if (rows.stream().anyMatch(Row::bad)) {
                throw new IllegalStateException("constraint violated");
            }
            rows.forEach(r -> commit(r.name()));
        }

        private void commit(String row) {
            timesCommitted.computeIfAbsent(row, r -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            committed.add(row);
        }

        @Override
        public String answer(Row row) {
            return "stored " + row.name();
        }

        @Override
        public String alone(Row row) {
            hold();
            reach();
            transactions.add(List.of(row.name()));
            if (row.bad()) {
                throw new IllegalStateException("constraint violated by " + row.name());
            }
            commit(row.name());
            return "stored alone " + row.name();
        }

        @Override
        public Object conflictKey(Row row) {
            return row.key();
        }

        @Override
        public boolean unreachable(RuntimeException failure) {
            return failure instanceof Unreachable;
        }
    }

    /** What the store throws while the database is down (a refused connection). */
    static final class Unreachable extends RuntimeException {
        Unreachable() {
            super("connection refused");
        }
    }

    private final ExecutorService requests = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    /** Submits each row from its own request thread; each answer is checked against the store when it arrives. */
    private List<Future<String>> submit(GroupCommit<Row, String> commits, MemoryStore store, List<Row> rows) {
        List<Future<String>> answers = new ArrayList<>();
        for (Row row : rows) {
            answers.add(requests.submit(() -> {
                String answer = commits.commit(row);
                // The answer must come after the commit: the row is in the store when its caller is answered.
                assertThat(store.committed).as("committed before " + row.name() + " was answered").contains(row.name());
                return answer;
            }));
        }
        return answers;
    }

    private static void awaitWaiting(GroupCommit<?, ?> commits, int rows) throws InterruptedException {
        while (commits.waiting() < rows) {
            Thread.sleep(5);
        }
    }

    @Test
    void aLoneRowIsStoredAloneAtOnce() {
        MemoryStore store = new MemoryStore(false);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 10, 10);

        assertThat(commits.commit(new Row("a", null, false))).isEqualTo("stored alone a");
        assertThat(store.transactions).containsExactly(List.of("a"));
        assertThat(commits.groups()).isEqualTo(1);
    }

    @Test
    void rowsThatArriveWhileAGroupIsWrittenAreStoredTogetherNextAndNobodyIsAnsweredBeforeItsCommit() throws Exception {
        MemoryStore store = new MemoryStore(true);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 100, 100);
        List<Future<String>> first = submit(commits, store, List.of(new Row("first", null, false)));
        store.entered.await(10, TimeUnit.SECONDS);
        List<Row> rest = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rest.add(new Row("r" + i, null, false));
        }
        List<Future<String>> others = submit(commits, store, rest);
        awaitWaiting(commits, 12);

        assertThat(first).noneMatch(Future::isDone);
        assertThat(others).noneMatch(Future::isDone);
        assertThat(store.committed).isEmpty();

        store.release.countDown();
        assertThat(first.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stored alone first");
        for (int i = 0; i < 12; i++) {
            assertThat(others.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("stored r" + i);
        }
        assertThat(store.transactions).hasSize(2);
        assertThat(store.transactions.get(1)).containsExactlyInAnyOrderElementsOf(rest.stream().map(Row::name).toList());
        assertThat(commits.waiting()).isZero();
    }

    @Test
    void aGroupIsNeverLargerThanItsBound() throws Exception {
        MemoryStore store = new MemoryStore(true);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 100, 4);
        List<Future<String>> first = submit(commits, store, List.of(new Row("first", null, false)));
        store.entered.await(10, TimeUnit.SECONDS);
        List<Row> rest = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rest.add(new Row("r" + i, null, false));
        }
        List<Future<String>> others = submit(commits, store, rest);
        awaitWaiting(commits, 10);
        store.release.countDown();

        first.get(0).get(10, TimeUnit.SECONDS);
        for (Future<String> answer : others) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).startsWith("stored");
        }
        assertThat(store.transactions.subList(1, store.transactions.size())).allMatch(t -> t.size() <= 4);
        assertThat(store.committed).hasSize(11);
    }

    @Test
    void aFailingGroupIsStoredAgainRowByRowAndOnlyTheBadRowFails() throws Exception {
        MemoryStore store = new MemoryStore(true);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 100, 100);
        List<Future<String>> first = submit(commits, store, List.of(new Row("first", null, false)));
        store.entered.await(10, TimeUnit.SECONDS);
        List<Row> rest = List.of(new Row("a", null, false), new Row("bad", null, true), new Row("b", null, false));
        List<Future<String>> others = submit(commits, store, rest);
        awaitWaiting(commits, 3);
        store.release.countDown();

        first.get(0).get(10, TimeUnit.SECONDS);
        assertThat(others.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("stored alone a");
        assertThatThrownBy(() -> others.get(1).get(10, TimeUnit.SECONDS)).hasRootCauseMessage("constraint violated by bad");
        assertThat(others.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("stored alone b");
        assertThat(commits.fallbacks()).isEqualTo(1);
        assertThat(store.committed).containsExactlyInAnyOrder("first", "a", "b");
    }

    @Test
    void aGroupThatFailsWhileTheDatabaseIsDownTriesOneRowAloneAndAnswersTheOthersWithThatFailure() throws Exception {
        MemoryStore store = new MemoryStore(true);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 100, 100);
        List<Future<String>> first = submit(commits, store, List.of(new Row("first", null, false)));
        store.entered.await(10, TimeUnit.SECONDS);
        List<Row> rest = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rest.add(new Row("r" + i, i < 2 ? "K" : null, false)); // r1 shares r0's key: written after the group
        }
        List<Future<String>> others = submit(commits, store, rest);
        awaitWaiting(commits, 10);
        store.down = true;
        store.release.countDown();

        assertThatThrownBy(() -> first.get(0).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(Unreachable.class);
        int tried = 0;
        for (Future<String> answer : others) {
            try {
                answer.get(10, TimeUnit.SECONDS);
                throw new AssertionError("a row was answered as stored while the database was down");
            } catch (java.util.concurrent.ExecutionException e) {
                // Either tried and refused, or not tried and answered with the refusal as its cause: the edge's 503 either way.
                if (e.getCause() instanceof Unreachable) {
                    tried++;
                } else {
                    assertThat(e.getCause()).isInstanceOf(GroupCommit.NotTried.class).hasCauseInstanceOf(Unreachable.class);
                }
            }
        }
        // The lone first row, then the group of ten, then one of its rows alone; the nine others are not tried.
        assertThat(tried).isEqualTo(1);
        assertThat(store.attempts.get()).isEqualTo(3);
        assertThat(store.committed).isEmpty();
        assertThat(commits.waiting()).isZero();

        // Back up: the next request is stored alone at once, nothing left behind.
        store.down = false;
        assertThat(commits.commit(new Row("later", null, false))).isEqualTo("stored alone later");
    }

    @Test
    void aRowNotTriedBecauseTheDatabaseIsDownIsAnswered503WithRetryAfterAsATriedOneIs() {
        RuntimeException refused = new RuntimeException(new java.sql.SQLException("Connection to localhost:5432 refused", "08001"));
        jakarta.ws.rs.core.Response response = new org.origincheck.api.ProblemMappers().unexpected(new GroupCommit.NotTried(refused));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(response.getEntity().toString()).contains("nothing was stored");
    }

    @Test
    void rowsWithTheSameKeyNeverShareATransaction() throws Exception {
        MemoryStore store = new MemoryStore(true);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 100, 100);
        List<Future<String>> first = submit(commits, store, List.of(new Row("first", null, false)));
        store.entered.await(10, TimeUnit.SECONDS);
        List<Row> rest = List.of(new Row("k1", "K", false), new Row("x", null, false), new Row("k2", "K", false), new Row("y", "L", false));
        List<Future<String>> others = submit(commits, store, rest);
        awaitWaiting(commits, 4);
        store.release.countDown();

        first.get(0).get(10, TimeUnit.SECONDS);
        for (Future<String> answer : others) {
            answer.get(10, TimeUnit.SECONDS);
        }
        for (List<String> transaction : store.transactions) {
            assertThat(transaction.contains("k1") && transaction.contains("k2")).as(transaction.toString()).isFalse();
        }
        assertThat(commits.fallbacks()).isZero();
        // The second row with K is written after the group that holds the first, in a transaction of its own. Which of k1
        // and k2 reaches the queue first is up to the request threads, so "second" is whichever was written later.
        int withK1 = indexOf(store.transactions, "k1");
        int withK2 = indexOf(store.transactions, "k2");
        assertThat(withK1).isNotNegative().isNotEqualTo(withK2);
        assertThat(withK2).isNotNegative();
        int later = Math.max(withK1, withK2);
        assertThat(store.transactions.get(later)).containsExactly(later == withK1 ? "k1" : "k2");
    }

    private static int indexOf(List<List<String>> transactions, String row) {
        for (int i = 0; i < transactions.size(); i++) {
            if (transactions.get(i).contains(row)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aFullQueueRefusesAtOnceAndStoresNothingOfTheRefusedRow() throws Exception {
        MemoryStore store = new MemoryStore(true);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 3, 100);
        List<Future<String>> first = submit(commits, store, List.of(new Row("first", null, false)));
        store.entered.await(10, TimeUnit.SECONDS);
        // "first" is being written, out of the queue: three more fit, the fourth does not.
        List<Future<String>> three = submit(commits, store, List.of(new Row("a", null, false), new Row("b", null, false), new Row("c", null, false)));
        awaitWaiting(commits, 3);

        assertThatThrownBy(() -> commits.commit(new Row("refused", null, false))).isInstanceOf(GroupCommit.Full.class)
                .hasMessage("the limit of 3 determinations waiting to be stored is reached");

        store.release.countDown();
        first.get(0).get(10, TimeUnit.SECONDS);
        for (Future<String> answer : three) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(store.committed).containsExactlyInAnyOrder("first", "a", "b", "c");
        assertThat(store.transactions).noneMatch(t -> t.contains("refused"));
    }

    @Test
    void manyConcurrentRowsAreEachStoredOnceAndAnswered() throws Exception {
        MemoryStore store = new MemoryStore(false);
        GroupCommit<Row, String> commits = new GroupCommit<>(store, 1000, 8);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(new Row("r" + i, i % 50 == 0 ? "K" + (i % 100) : null, i % 97 == 0));
        }
        List<Future<String>> answers = submit(commits, store, rows);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Future<String> answer = answers.get(i);
            if (row.bad()) {
                assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("constraint violated by " + row.name());
            } else {
                assertThat(answer.get(30, TimeUnit.SECONDS)).endsWith(" " + row.name());
            }
        }
        assertThat(store.committed).hasSize((int) rows.stream().filter(r -> !r.bad()).count());
        assertThat(store.timesCommitted.values()).as("each row committed once").allMatch(n -> n.get() == 1);
        assertThat(commits.waiting()).isZero();
    }
}
