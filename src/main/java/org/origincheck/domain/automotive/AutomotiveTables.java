package org.origincheck.domain.automotive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.Match;

/**
 * The lines of every automotive table, looked up by the HS code of a good.
 *
 * <p>Every evaluation looks its good up in up to six tables (PartThresholds), and a multi-level BOM is one evaluation per
 * intermediate material: scanning all the lines each time was a third of the plain-Java engine's time on issue 15's 5-level
 * BOM (docs/benchmarks.md). The lines are therefore indexed by table and by the heading their provision lies in; a code is
 * compared only with the lines of its own heading and those whose provision spans several headings, which are the only ones
 * that can contain it. The answer is the same lines in the same order as a scan of them all.
 */
public final class AutomotiveTables {

    private static final int HEADING_DIGITS = 4;

    private final List<TableEntry> entries;
    /** Per table: the positions (in {@link #entries}) of its lines, by the heading their provision lies in. */
    private final Map<AutomotiveTable, Map<String, List<Integer>>> byHeading = new HashMap<>();
    /** Per table: the positions of its lines whose provision is coarser than a heading or spans several. */
    private final Map<AutomotiveTable, List<Integer>> spanning = new HashMap<>();

    public AutomotiveTables(List<TableEntry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            TableEntry entry = this.entries.get(i);
            String heading = headingOf(entry);
            if (heading == null) {
                spanning.computeIfAbsent(entry.table(), t -> new ArrayList<>()).add(i);
            } else {
                byHeading.computeIfAbsent(entry.table(), t -> new HashMap<>()).computeIfAbsent(heading, h -> new ArrayList<>()).add(i);
            }
        }
    }

    public List<TableEntry> entries() {
        return entries;
    }

    /** The lines of {@code table} whose provision contains the code (ex lines included), in the tables' order. */
    public List<TableEntry> matching(AutomotiveTable table, HsCode code) {
        List<Integer> sameHeading = byHeading.getOrDefault(table, Map.of()).getOrDefault(code.heading(), List.of());
        List<Integer> wide = spanning.getOrDefault(table, List.of());
        if (wide.isEmpty()) {
            return matching(table, code, sameHeading);
        }
        List<Integer> candidates = new ArrayList<>(sameHeading);
        candidates.addAll(wide);
        candidates.sort(null);
        return matching(table, code, candidates);
    }

    private List<TableEntry> matching(AutomotiveTable table, HsCode code, List<Integer> positions) {
        List<TableEntry> out = new ArrayList<>();
        for (int i : positions) {
            TableEntry entry = entries.get(i);
            if (entry.table() == table && entry.provision().contains(code) == Match.YES) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The heading every code of the line's provision lies in, or null when the provision is coarser or spans headings. */
    private static String headingOf(TableEntry entry) {
        String from = entry.provision().from();
        String to = entry.provision().to();
        if (from.length() < HEADING_DIGITS || !from.regionMatches(0, to, 0, HEADING_DIGITS)) {
            return null;
        }
        return from.substring(0, HEADING_DIGITS);
    }

    public List<TableEntry> of(AutomotiveTable table) {
        return entries.stream().filter(e -> e.table() == table).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AutomotiveTables other && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "AutomotiveTables[entries=" + entries + "]";
    }
}
