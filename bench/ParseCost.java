// Issue 19: CPU time per HsCode.parse, the regular expressions before against the parser now in HsCode, alternating rounds.
// Usage (after ./mvnw package): java -cp target/classes bench/ParseCost.java
import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsCode;

public class ParseCost {
    static final Pattern DIGITS = Pattern.compile("\\d{6,10}");
    static final Pattern ACCEPTED = Pattern.compile("\\d{4}(\\.?\\d{2})(\\.?\\d{2})?(\\.?\\d{2})?");
    static String old(String text) {
        if (text == null || !ACCEPTED.matcher(text.trim()).matches()) throw new IllegalArgumentException();
        String d = text.trim().replace(".", "");
        if (!DIGITS.matcher(d).matches()) throw new IllegalArgumentException();
        return d;
    }
    public static void main(String[] a) {
        String[] codes = {"8402.11", "7304.19", "8402.90", "8481.80", "7307.91", "8413.70", "8708.40.75", "870840"};
        var bean = ManagementFactory.getThreadMXBean();
        int n = 200_000; long sink = 0;
        double[] o = new double[15], w = new double[15];
        for (int r = 0; r < 20; r++) {
            long t0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) sink += old(codes[i & 7]).length();
            long t1 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) sink += HsCode.parse(codes[i & 7]).digits().length();
            long t2 = bean.getCurrentThreadCpuTime();
            if (r >= 5) { o[r - 5] = (t1 - t0) / (double) n; w[r - 5] = (t2 - t1) / (double) n; }
        }
        java.util.Arrays.sort(o); java.util.Arrays.sort(w);
        System.out.printf("median CPU ns per parse: regular expressions %.0f, character by character %.0f (sink %d)%n", o[7], w[7], sink);
    }
}
