package org.origincheck.domain.automotive;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.Match;

/** The lines of every automotive table, looked up by the HS code of a good. */
public record AutomotiveTables(List<TableEntry> entries) {

    public AutomotiveTables {
        entries = List.copyOf(entries);
    }

    /** The lines of {@code table} whose provision contains the code (ex lines included). */
    public List<TableEntry> matching(AutomotiveTable table, HsCode code) {
        List<TableEntry> out = new ArrayList<>();
        for (TableEntry entry : entries) {
            if (entry.table() == table && entry.provision().contains(code) == Match.YES) {
                out.add(entry);
            }
        }
        return out;
    }

    public List<TableEntry> of(AutomotiveTable table) {
        return entries.stream().filter(e -> e.table() == table).toList();
    }
}
