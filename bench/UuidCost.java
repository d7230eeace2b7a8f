import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;

/**
 * What a random (version 4) UUID costs, as each stored determination makes two (its id, its review event's id): the JDK's
 * UUID.randomUUID() (one shared SecureRandom, on Linux NativePRNG reading /dev/urandom under a lock) against a SecureRandom
 * of the DRBG algorithm per thread (seeded once from the system, then computed in process). THREADS threads make UUIDS
 * UUIDs each, at once, the two sources alternating round by round; printed per round: the threads' CPU time per UUID (from
 * ThreadMXBean) and the wall time per UUID of the slowest thread. For a machine shared with other work the CPU time is
 * the figure. Usage: java bench/UuidCost.java [threads] [uuids per thread] [rounds]   (issue 19, branch i19t)
 */
public class UuidCost {

    interface Source {
        UUID next();
    }

    static final ThreadLocal<SecureRandom> DRBG = ThreadLocal.withInitial(() -> {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static UUID drbg() {
        byte[] b = new byte[16];
        DRBG.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
        b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xff);
            lsb = (lsb << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int uuids = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%d threads x %d UUIDs, %d rounds, %s %s%n", threads, uuids, rounds, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        System.out.println("round | UUID.randomUUID CPU ns/UUID | wall ns/UUID | DRBG per thread CPU ns/UUID | wall ns/UUID");
        for (int round = 1; round <= rounds; round++) {
            double[] jdk = run(UUID::randomUUID, threads, uuids, mx);
            double[] own = run(UuidCost::drbg, threads, uuids, mx);
            System.out.printf("%d | %.0f | %.0f | %.0f | %.0f%n", round, jdk[0], jdk[1], own[0], own[1]);
        }
    }

    static volatile long sink;

    static double[] run(Source source, int threads, int uuids, ThreadMXBean mx) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        long[] cpu = new long[threads];
        long[] wall = new long[threads];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                try {
                    source.next(); // the per-thread source seeded before the clock starts, as in a warm service
                    start.await();
                    long c0 = mx.getCurrentThreadCpuTime();
                    long w0 = System.nanoTime();
                    long x = 0;
                    for (int i = 0; i < uuids; i++) {
                        x += source.next().getLeastSignificantBits();
                    }
                    wall[me] = System.nanoTime() - w0;
                    cpu[me] = mx.getCurrentThreadCpuTime() - c0;
                    sink += x;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            running.add(thread);
            thread.start();
        }
        start.await();
        for (Thread t : running) {
            t.join();
        }
        long totalCpu = 0;
        long maxWall = 0;
        for (int t = 0; t < threads; t++) {
            totalCpu += cpu[t];
            maxWall = Math.max(maxWall, wall[t]);
        }
        return new double[] {(double) totalCpu / ((long) threads * uuids), (double) maxWall / ((long) threads * uuids)};
    }
}
