import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * Issue 19: what storing a batch's determination rows costs by the way they are sent, in CPU time of the client thread and
 * of the PostgreSQL backend (from /proc: run it on the server's machine), per row: (a) a prepared INSERT batched 100 rows at a
 * time, rewritten by the driver into multi-row inserts (reWriteBatchedInserts, what Hibernate's statement batching sends
 * today), against (b) COPY FROM STDIN of the same 100 rows. One transaction per 100 rows either way, rounds alternating, into
 * a scratch table shaped like `determination` with its indexes (dropped at the end). Rows: the database's newest stored
 * determinations, each inserted with a new id.
 * Usage: java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar bench/PgWriteProtocol.java \
 *          jdbc:postgresql://localhost:5432/bench_i19l bench_i19l bench [rows, default 4000] [rounds, default 5]
 */
public class PgWriteProtocol {

    static final String COLUMNS = "id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id, rule_pack_version, "
            + "rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_media_type, submission_parameters, "
            + "part_schedule, part_net_cost_threshold";
    static final int N = 20;

    public static void main(String[] args) throws Exception {
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 4000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        try (Connection c = DriverManager.getConnection(args[0] + "?reWriteBatchedInserts=true", args[1], args[2])) {
            List<Object[]> source = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select " + COLUMNS + " from determination order by created_at desc limit " + rows)) {
                while (r.next()) {
                    Object[] row = new Object[N];
                    for (int i = 0; i < N; i++) {
                        row[i] = r.getObject(i + 1);
                    }
                    source.add(row);
                }
            }
            int pid;
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists cost_protocol");
                s.execute("create table cost_protocol (like determination including all)");
                try (ResultSet r = s.executeQuery("select pg_backend_pid()")) {
                    r.next();
                    pid = r.getInt(1);
                }
            }
            c.setAutoCommit(false);
            var thread = ManagementFactory.getThreadMXBean();
            System.out.printf("%d rows a round, 100 a transaction%n| round | way | client CPU ms per row | PostgreSQL CPU ms per row |%n|---:|---|---:|---:|%n", source.size());
            for (int round = 0; round < rounds; round++) {
                for (String way : List.of("insert", "copy")) {
                    long t0 = thread.getCurrentThreadCpuTime();
                    long b0 = backendCpuMillis(pid);
                    for (int from = 0; from < source.size(); from += 100) {
                        List<Object[]> chunk = source.subList(from, Math.min(source.size(), from + 100));
                        if (way.equals("insert")) {
                            insert(c, chunk);
                        } else {
                            copy(c, chunk);
                        }
                        c.commit();
                    }
                    long t1 = thread.getCurrentThreadCpuTime();
                    long b1 = backendCpuMillis(pid);
                    System.out.printf("| %d | %s | %.3f | %.3f |%n", round + 1, way, (t1 - t0) / 1e6 / source.size(), (b1 - b0) / (double) source.size());
                }
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("drop table cost_protocol");
            }
        }
    }

    static void insert(Connection c, List<Object[]> chunk) throws Exception {
        String marks = String.join(", ", java.util.Collections.nCopies(N, "?"));
        try (PreparedStatement p = c.prepareStatement("insert into cost_protocol (" + COLUMNS + ") values (" + marks + ")")) {
            for (Object[] row : chunk) {
                p.setObject(1, UUID.randomUUID());
                for (int i = 1; i < N; i++) {
                    p.setObject(i + 1, row[i]);
                }
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    static void copy(Connection c, List<Object[]> chunk) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Object[] row : chunk) {
            text.append(UUID.randomUUID());
            for (int i = 1; i < N; i++) {
                text.append('\t');
                if (row[i] == null) {
                    text.append("\\N");
                } else {
                    String v = row[i].toString();
                    for (int k = 0; k < v.length(); k++) {
                        char ch = v.charAt(k);
                        switch (ch) {
                            case '\\' -> text.append("\\\\");
                            case '\n' -> text.append("\\n");
                            case '\r' -> text.append("\\r");
                            case '\t' -> text.append("\\t");
                            default -> text.append(ch);
                        }
                    }
                }
            }
            text.append('\n');
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy cost_protocol (" + COLUMNS + ") from stdin", new StringReader(text.toString()));
    }

    /** utime + stime of the backend, in ms. */
    static long backendCpuMillis(int pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / 100; // fields 14 and 15; CLK_TCK 100
    }
}
