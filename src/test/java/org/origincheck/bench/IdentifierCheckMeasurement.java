package org.origincheck.bench;

import java.lang.Character.UnicodeScript;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.origincheck.api.Identifiers;

/**
 * What ICU4J's check of identifiers (api/Identifiers, security review third part) costs: its first use in a fresh JVM (classes
 * loaded, thread CPU, heap and metaspace kept), then each check in CPU time of the measuring thread, alternated round by round
 * with the hand-written check it replaced (kept below only to be compared), over accepted and refused identifiers of the
 * tests: printable ASCII ones (answered without ICU) and the others (ICU's check) apart. Run in a JVM of its own, so that the first use is the first:
 * {@code java -XX:+UseSerialGC -Xms128m -Xmx256m -cp target/test-classes:target/classes:<test classpath> org.origincheck.bench.IdentifierCheckMeasurement [rounds]}.
 */
public final class IdentifierCheckMeasurement {

    private static final List<String> IDENTIFIERS = List.of("DRUM-01", "PI\u00C8CE-1", "pi\u00E8ce_2/a.b", "\u0417\u0410\u041F\u0427\u0410\u0421\u0422\u042C-1",
            "\u90E8\u54C1-\u30DC\u30EB\u30C8-A1", "PO 4411", "\u00C9CROU M8 \u00D7 1,25", "\u0645\u0627\u062F\u0629-1", "BOILER-2026-000417-A",
            "SUP-MX-ACEROS-0042", "DRUM-0\u04351", "DRUM\u200B-01", "PIE\u0300CE-1", "\u0391BC-1", "7208.51-PLATE-6MM-HOT-ROLLED-COIL");

    private IdentifierCheckMeasurement() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var classes = ManagementFactory.getClassLoadingMXBean();
        MemoryPoolMXBean metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace")).findFirst().orElseThrow();
        System.out.println("JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());

        long heapBefore = heapAfterGc();
        long metaBefore = metaspace.getUsage().getUsed();
        int classesBefore = classes.getLoadedClassCount();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long wallBefore = System.nanoTime();
        String first = Identifiers.refusal("PI\u00C8CE-1"); // not ASCII: ICU answers, and loads
        long firstCpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        long firstWall = System.nanoTime() - wallBefore;
        int classesFirst = classes.getLoadedClassCount() - classesBefore;
        long metaFirst = metaspace.getUsage().getUsed() - metaBefore;
        long heapKept = heapAfterGc() - heapBefore;
        System.out.printf("first use (answer %s): %.1f ms CPU of the thread, %.1f ms wall, %d classes loaded, metaspace +%.1f MB, heap kept +%.1f MB%n",
                first, firstCpu / 1e6, firstWall / 1e6, classesFirst, metaFirst / 1e6, heapKept / 1e6);

        for (String id : IDENTIFIERS) { // both answer the tests' cases alike: not measuring two different things
            if (!java.util.Objects.equals(Identifiers.refusal(id) == null, handWritten(id) == null)) {
                throw new IllegalStateException("the two checks disagree on " + id + "; not measuring");
            }
        }
        // Printable ASCII is answered without ICU (Identifiers' shortcut); the others go through ICU: measured apart.
        List<String> ascii = IDENTIFIERS.stream().filter(id -> id.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)).toList();
        List<String> other = IDENTIFIERS.stream().filter(id -> !ascii.contains(id)).toList();
        for (List<String> group : List.of(ascii, other)) {
            int perRound = 200;
            long[] icu = new long[rounds];
            long[] hand = new long[rounds];
            int sink = 0;
            for (int r = -rounds; r < rounds; r++) { // the first half warms both up and is not kept
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    for (String id : group) {
                        sink += Identifiers.refusal(id) == null ? 1 : 0;
                    }
                }
                long mid = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < perRound; i++) {
                    for (String id : group) {
                        sink += handWritten(id) == null ? 1 : 0;
                    }
                }
                long end = threads.getCurrentThreadCpuTime();
                if (r >= 0) {
                    icu[r] = mid - start;
                    hand[r] = end - mid;
                }
            }
            double checks = (double) perRound * group.size();
            System.out.printf("%s (%d identifiers), per check, median of %d rounds of %d checks (%d): Identifiers %.0f ns, hand-written %.0f ns%n",
                    group == ascii ? "printable ASCII" : "other", group.size(), rounds, (long) checks, sink, median(icu) / checks, median(hand) / checks);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    // The check api/Identifiers made by hand before ICU4J (main at f91051e), without its reasons: only for comparing costs.
    private static final List<Set<UnicodeScript>> ALLOWED = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private static String handWritten(String value) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || (type == Character.SPACE_SEPARATOR && c != ' ')
                    || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x3164 || c == 0xFFA0
                    || (c >= 0x180B && c <= 0x180F) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || c == 0x2800) {
                return "invisible";
            }
            UnicodeScript script = UnicodeScript.of(c);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED && script != UnicodeScript.UNKNOWN) {
                scripts.add(script);
            }
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return "not NFC";
        }
        if (scripts.size() > 1 && ALLOWED.stream().noneMatch(allowed -> allowed.containsAll(scripts))) {
            return "mixed scripts";
        }
        return null;
    }
}
