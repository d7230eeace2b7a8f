package org.origincheck.api;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;

/**
 * One way to write a cell of every CSV the service produces (RFC 4180), so that a spreadsheet opening the file runs no
 * formula (CSV injection, OWASP): a cell beginning with =, +, -, @, a tab, a carriage return or a line feed is
 * prefixed with an apostrophe, which spreadsheets show as text. Every cell is quoted, quotes doubled.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    private CsvCells() {
    }

    /** The cell for this value; null is an empty cell. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static final CsvMapper ROWS = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    /**
     * The same CSV with every cell written by {@link #cell}: what a spreadsheet may open safely. Its values are those of
     * the original except for the apostrophe before a formula's first character, so it is a copy for reading, never the
     * evidence (which is the original's bytes). A text that is not CSV is refused: the caller keeps the original.
     */
    public static String spreadsheetSafe(String csv) {
        StringBuilder out = new StringBuilder(csv.length() + csv.length() / 8);
        try (MappingIterator<String[]> rows = ROWS.readerFor(String[].class).readValues(csv)) {
            while (rows.hasNextValue()) {
                String[] row = rows.nextValue();
                for (int i = 0; i < row.length; i++) {
                    out.append(i == 0 ? "" : ",").append(cell(row[i]));
                }
                out.append("\r\n");
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a CSV: " + e.getClass().getSimpleName(), e);
        }
        return out.toString();
    }
}
