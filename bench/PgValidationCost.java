import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Issue 19: what checking a pooled connection before lending it costs (Agroal's default check is Connection.isValid, which
 * the PostgreSQL driver answers with a round trip to the server): CPU time of the calling thread and of the PostgreSQL
 * backend (from /proc: run it on the server's machine) and wall time, per check, CALLS checks a round, rounds after a warm-up.
 * Usage: java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar bench/PgValidationCost.java \
 *          jdbc:postgresql://localhost:5432/bench_i19l bench_i19l bench [calls, default 20000] [rounds, default 3]
 */
public class PgValidationCost {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            int pid;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                r.next();
                pid = r.getInt(1);
            }
            for (int i = 0; i < calls; i++) {
                c.isValid(5); // warm-up
            }
            var thread = ManagementFactory.getThreadMXBean();
            System.out.printf("| round | checks | client CPU µs per check | PostgreSQL CPU µs per check | wall µs per check |%n|---:|---:|---:|---:|---:|%n");
            for (int round = 1; round <= rounds; round++) {
                long t0 = thread.getCurrentThreadCpuTime();
                long b0 = backendCpuMillis(pid);
                long w0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    if (!c.isValid(5)) {
                        throw new IllegalStateException("the connection was not valid");
                    }
                }
                long w1 = System.nanoTime();
                long t1 = thread.getCurrentThreadCpuTime();
                long b1 = backendCpuMillis(pid);
                System.out.printf("| %d | %d | %.1f | %.1f | %.1f |%n", round, calls, (t1 - t0) / 1e3 / calls, (b1 - b0) * 1e3 / calls, (w1 - w0) / 1e3 / calls);
            }
        }
    }

    /** utime + stime of the backend, in ms. */
    static long backendCpuMillis(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / 100; // fields 14 and 15; CLK_TCK 100
    }
}
