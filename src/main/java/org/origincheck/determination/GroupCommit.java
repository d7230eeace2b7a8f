package org.origincheck.determination;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit of rows that concurrent requests must store, each request waiting on its own thread until its row is
 * committed. There is no writer thread and no timer: the request that finds nobody writing writes at once (a lone request
 * commits as it did alone); rows that arrive while a group is being written wait in order of arrival, and when that group is
 * committed the oldest waiting request writes everything waiting by then (up to {@code maxGroup}) in one transaction,
 * its own row first. So the waiting rows are what the grouping gains from, and a quiet service adds no latency.
 *
 * <p>A group that fails is written again one row at a time, each in its own transaction, so that one row's failure (an
 * Idempotency-Key a concurrent request took, a constraint) is that row's answer alone. Two rows with the same
 * {@link Store#conflictKey} never share a transaction: the later one is written alone after the group, as it would have
 * been written after the first request's transaction. When a row tried alone fails because the store cannot be reached,
 * the group's remaining rows are not tried but answered with that failure ({@link NotTried}). Every request's answer is
 * given only after its row's transaction ended. Waiting rows are bounded ({@code limit}): beyond it {@link #commit} refuses at once ({@link Full}).
 *
 * <p>Not CDI and not JDBC: {@link DeterminationCommits} gives it the transactions; tests drive it with plain stores.
 */
final class GroupCommit<R, A> {

    /** How rows are stored. Runs on the thread of the request that leads the group. */
    interface Store<R, A> {

        /** Stores every row in one transaction, or throws and stores none of them. */
        void together(List<R> rows);

        /** The answer of a row that {@link #together} stored. */
        A answer(R row);

        /** Stores one row in a transaction of its own and answers it, or throws that request's failure. */
        A alone(R row);

        /** Rows with equal keys must not share a transaction (null: no such constraint). */
        Object conflictKey(R row);

        /**
         * Whether a failure says the store cannot be reached at all (not this row's fault): every other row would fail the
         * same way now, so the rows still to be tried are answered with it instead of being tried one by one.
         */
        boolean unreachable(RuntimeException failure);
    }

    /** A row not tried because the store could not be reached for an earlier row of its group; its cause is that failure. */
    static final class NotTried extends RuntimeException {
        NotTried(RuntimeException unreachable) {
            super("not tried: the database could not be reached for an earlier determination of the same group; nothing was stored",
                    unreachable, false, false);
        }
    }

    /** More rows waiting than the limit: nothing of the refused row was stored. */
    static final class Full extends RuntimeException {
        Full(int limit) {
            super("the limit of " + limit + " determinations waiting to be stored is reached", null, false, false);
        }
    }

    private final Store<R, A> store;
    private final int limit;
    private final int maxGroup;
    private final ArrayDeque<Waiting<R, A>> queue = new ArrayDeque<>();
    /** True while a request leads a group; guarded by this. Whenever the queue is not empty, one request leads. */
    private boolean writing;

    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong grouped = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();

    GroupCommit(Store<R, A> store, int limit, int maxGroup) {
        if (limit < 1 || maxGroup < 1) {
            throw new IllegalArgumentException("a group commit needs a queue limit and a group size of at least 1, not " + limit + " and " + maxGroup);
        }
        this.store = store;
        this.limit = limit;
        this.maxGroup = maxGroup;
    }

    /** Stores {@code row} (alone or with the rows waiting beside it) and returns its answer once its transaction ended. */
    A commit(R row) {
        Waiting<R, A> mine = new Waiting<>(row);
        synchronized (this) {
            if (queue.size() >= limit) {
                throw new Full(limit);
            }
            queue.addLast(mine);
            if (!writing) {
                writing = true;
                mine.lead();
            }
        }
        mine.awaitTurn();
        if (mine.leads) {
            lead();
        }
        return mine.answer();
    }

    /** Rows waiting now (not those of the group being written). */
    synchronized int waiting() {
        return queue.size();
    }

    /** Groups written, rows written in them, and groups that failed and were written again row by row. */
    long groups() {
        return groups.get();
    }

    long grouped() {
        return grouped.get();
    }

    long fallbacks() {
        return fallbacks.get();
    }

    /** The leader is the oldest waiting row, so its own row is in the group it takes. */
    private void lead() {
        List<Waiting<R, A>> group = new ArrayList<>();
        synchronized (this) {
            while (group.size() < maxGroup && !queue.isEmpty()) {
                group.add(queue.pollFirst());
            }
        }
        try {
            write(group);
        } catch (Throwable t) { // not a row's failure (those are answered in write): none may wait for ever
            for (Waiting<R, A> w : group) {
                w.fail(t instanceof RuntimeException e ? e : new IllegalStateException("storing a group of determinations failed", t));
            }
            throw t;
        } finally {
            synchronized (this) {
                Waiting<R, A> next = queue.peekFirst();
                if (next == null) {
                    writing = false;
                } else {
                    next.lead();
                }
            }
        }
    }

    private void write(List<Waiting<R, A>> group) {
        List<Waiting<R, A>> together = new ArrayList<>(group.size());
        List<Waiting<R, A>> after = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (Waiting<R, A> w : group) {
            Object key = store.conflictKey(w.row);
            (key == null || keys.add(key) ? together : after).add(w);
        }
        groups.incrementAndGet();
        grouped.addAndGet(group.size());
        if (together.size() == 1) {
            alone(together.get(0)); // exactly the path of a request stored alone
        } else {
            boolean committed;
            try {
                store.together(together.stream().map(w -> w.row).toList());
                committed = true;
            } catch (RuntimeException e) {
                committed = false;
            }
            if (committed) {
                for (Waiting<R, A> w : together) {
                    w.complete(store.answer(w.row));
                }
            } else {
                fallbacks.incrementAndGet();
                for (int i = 0; i < together.size(); i++) {
                    RuntimeException unreachable = alone(together.get(i));
                    if (unreachable != null) {
                        notTried(together.subList(i + 1, together.size()), unreachable);
                        notTried(after, unreachable);
                        return;
                    }
                }
            }
        }
        for (int i = 0; i < after.size(); i++) {
            RuntimeException unreachable = alone(after.get(i));
            if (unreachable != null) {
                notTried(after.subList(i + 1, after.size()), unreachable);
                return;
            }
        }
    }

    /**
     * Stores one row alone and answers it. Returns its failure if that says the store cannot be reached: the rows after it
     * are then not tried (with the database down, each would cost a failing connection attempt, up to the pool's acquisition
     * timeout, in turn on the leading request's thread) but answered with that failure, which the edge answers 503 with
     * Retry-After, as each would have been answered alone. A group that failed on one dead connection (after a restart) is
     * still stored: its first row alone gets another connection.
     */
    private RuntimeException alone(Waiting<R, A> w) {
        A answer;
        try {
            answer = store.alone(w.row);
        } catch (RuntimeException e) {
            w.fail(e);
            return store.unreachable(e) ? e : null;
        }
        w.complete(answer);
        return null;
    }

    private static <R, A> void notTried(List<Waiting<R, A>> rows, RuntimeException unreachable) {
        for (Waiting<R, A> w : rows) {
            w.fail(new NotTried(unreachable));
        }
    }

    /** A row and the request waiting for it: woken once, either to lead a group or with its answer. */
    private static final class Waiting<R, A> {
        final R row;
        private final CountDownLatch turn = new CountDownLatch(1);
        volatile boolean leads;
        private volatile boolean done;
        private A answer;
        private RuntimeException failure;

        Waiting(R row) {
            this.row = row;
        }

        void lead() {
            leads = true;
            turn.countDown();
        }

        void complete(A a) {
            if (!done) {
                answer = a;
                done = true;
                turn.countDown();
            }
        }

        void fail(RuntimeException e) {
            if (!done) {
                failure = e;
                done = true;
                turn.countDown();
            }
        }

        /** Not interruptible: a request promoted to lead must lead, or the rows behind it would wait for ever. */
        void awaitTurn() {
            boolean interrupted = false;
            while (true) {
                try {
                    turn.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        A answer() {
            if (!done) {
                throw new IllegalStateException("a determination's group ended without answering it");
            }
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }
}
