package org.origincheck.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Room for the large request bodies that are read and handled at once, counted in bytes
 * (origincheck.limits.large-body-bytes-at-once). A body is in memory several times over while it is handled: the bytes
 * read, the parsed submission, its materials in the engine, the answer and the rows stored. The evaluation's own limit
 * (materials-in-evaluation) counts only what is being evaluated, so four of the largest legal submissions at once, each
 * waiting with its body already read and parsed, ran the 256 MB heap out of memory and answered 500 (issue 19, branch i19z,
 * docs/benchmarks.md). A request claims its bytes before its body is read; claims are admitted in order of arrival (a
 * claim never overtakes an earlier one, so a large body is not starved by a stream of smaller ones); a claim larger than
 * the room is counted as the whole room, so the largest body still runs, alone. Thread-safe; no I/O.
 */
final class LargeBodies {

    private final long room;
    private long inUse;
    private final ArrayDeque<Claim> waiting = new ArrayDeque<>();

    LargeBodies(long room) {
        if (room < 1) {
            throw new IllegalArgumentException("origincheck.limits.large-body-bytes-at-once must be at least 1, not " + room);
        }
        this.room = room;
    }

    /**
     * Claims room for a body of {@code bytes}. Admitted at once if nothing waits and it fits ({@link Claim#admittedNow()});
     * otherwise it waits, and {@code whenAdmitted} runs later, on the thread that made the room, unless the claim was
     * withdrawn or ended first.
     */
    Claim claim(long bytes, Runnable whenAdmitted) {
        Claim claim = new Claim(Math.max(1, Math.min(room, bytes)), whenAdmitted);
        synchronized (this) {
            if (waiting.isEmpty() && inUse + claim.bytes <= room) {
                inUse += claim.bytes;
                claim.state = State.ADMITTED_NOW;
            } else {
                waiting.add(claim);
            }
        }
        return claim;
    }

    /** Bytes claimed by admitted bodies not yet ended (for tests). */
    synchronized long inUse() {
        return inUse;
    }

    /** Claims waiting (for tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    private enum State { WAITING, ADMITTED_NOW, ADMITTED_LATER, WITHDRAWN, ENDED }

    /** One request's claim. */
    final class Claim {
        private final long bytes;
        private final Runnable whenAdmitted;
        private State state = State.WAITING;

        private Claim(long bytes, Runnable whenAdmitted) {
            this.bytes = bytes;
            this.whenAdmitted = whenAdmitted;
        }

        /** Whether {@link #claim} admitted it at once (then {@code whenAdmitted} is never run). */
        boolean admittedNow() {
            synchronized (LargeBodies.this) {
                return state == State.ADMITTED_NOW;
            }
        }

        /** Gives up waiting (the wait was too long): true if it was still waiting, and is now out of the queue. */
        boolean withdraw() {
            List<Claim> admitted;
            synchronized (LargeBodies.this) {
                if (state != State.WAITING) {
                    return false;
                }
                state = State.WITHDRAWN;
                waiting.remove(this);
                admitted = admitWaiting(); // the claims behind it may fit now
            }
            admitted.forEach(claim -> claim.whenAdmitted.run());
            return true;
        }

        /**
         * The request is over (answered, refused, or its client gone): its room is given back if it had any, or it leaves
         * the queue. Any number of calls, one effect.
         */
        void end() {
            List<Claim> admitted;
            synchronized (LargeBodies.this) {
                State was = state;
                if (was == State.ENDED || was == State.WITHDRAWN) {
                    state = State.ENDED;
                    return;
                }
                state = State.ENDED;
                if (was == State.WAITING) {
                    waiting.remove(this);
                } else {
                    inUse -= bytes;
                }
                admitted = admitWaiting();
            }
            admitted.forEach(claim -> claim.whenAdmitted.run());
        }
    }

    /** Admits waiting claims in order while the first fits; called holding the lock, their callbacks run after it. */
    private List<Claim> admitWaiting() {
        List<Claim> admitted = new ArrayList<>(0);
        while (!waiting.isEmpty() && inUse + waiting.peekFirst().bytes <= room) {
            Claim next = waiting.removeFirst();
            inUse += next.bytes;
            next.state = State.ADMITTED_LATER;
            admitted.add(next);
        }
        return admitted;
    }
}
