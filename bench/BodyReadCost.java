import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time per request of reading a JSON body into the resource's String (issue 19, api/StrictUtf8Bodies): before, the
 * body's bytes were checked by a strict decoder into an 8,192-char buffer, copied into a new stream and read and decoded
 * again by the String reader; now an ASCII body is checked by a byte scan and the String is made once from the bytes read.
 * Rounds alternate; the measuring thread's CPU time. Usage (after ./mvnw package):
 * java -cp "target/classes:target/quarkus-app/lib/main/*" bench/BodyReadCost.java [body file] [rounds]
 */
public class BodyReadCost {

    public static void main(String[] args) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "bench/bom-50.json"));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Method check = Class.forName("org.origincheck.api.StrictUtf8Bodies").getDeclaredMethod("firstMalformedLine", byte[].class);
        check.setAccessible(true);
        com.sun.management.ThreadMXBean cpu = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long me = Thread.currentThread().getId();
        int n = 20_000;
        long sink = 0;
        System.out.printf("body %d bytes, %d reads a round%n", body.length, n);
        for (int r = 0; r < rounds; r++) {
            long a0 = cpu.getThreadAllocatedBytes(me);
            long t0 = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                byte[] read = new ByteArrayInputStream(body).readAllBytes();
                if (strictDecoderLine(read) != 0) {
                    throw new IllegalStateException();
                }
                byte[] again = new ByteArrayInputStream(read).readAllBytes(); // the String reader's read
                sink += new String(again, StandardCharsets.UTF_8).length();
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            long a1 = cpu.getThreadAllocatedBytes(me);
            for (int i = 0; i < n; i++) {
                byte[] read = new ByteArrayInputStream(body).readAllBytes();
                if ((long) check.invoke(null, (Object) read) != 0) {
                    throw new IllegalStateException();
                }
                sink += new String(read, StandardCharsets.UTF_8).length();
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            long a2 = cpu.getThreadAllocatedBytes(me);
            System.out.printf("round %d: before %.2f µs and %,d bytes allocated, now %.2f µs and %,d bytes per body%n", r + 1,
                    (t1 - t0) / 1e3 / n, (a1 - a0) / n, (t2 - t1) / 1e3 / n, (a2 - a1) / n);
        }
        System.out.println(sink == 0 ? "" : "(checksum " + sink % 1000 + ")");
    }

    /** The check as it was before (api/StrictUtf8Bodies until issue 19's change), for the comparison. */
    private static long strictDecoderLine(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            var result = decoder.decode(in, out, true);
            if (result.isError()) {
                return 1;
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            return decoder.flush(out).isError() ? -1 : 0;
        }
    }
}
