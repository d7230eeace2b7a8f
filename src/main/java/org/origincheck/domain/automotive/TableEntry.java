package org.origincheck.domain.automotive;

import org.origincheck.domain.hs.HsRange;

/**
 * One line of an automotive table. {@code ex} is the regulation's "ex" prefix: only the goods the
 * description names are listed, not everything the provision covers, so a good of that provision is in
 * the table only if the producer says it is one of them. {@code group} is the Table A.2 part (column 1)
 * a component belongs to, or the metal of a Table S line.
 */
public record TableEntry(AutomotiveTable table, HsRange provision, boolean ex, String description, String group) {

    public String describe() {
        return "Table " + table.id() + ": " + (ex ? "ex " : "") + provision + " " + description;
    }
}
