package org.origincheck.api;

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
}
