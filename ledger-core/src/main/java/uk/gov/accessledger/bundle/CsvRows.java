package uk.gov.accessledger.bundle;

import java.util.List;

/**
 * Writes RFC 4180 rows as docs/export-bundle.md says: fields quoted only when they contain a
 * comma, quote, CR or LF, quotes doubled, rows ended by CRLF.
 */
final class CsvRows {

    private CsvRows() {
    }

    static void append(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendCell(out, cells.get(i));
        }
        out.append(BundleFormat.CSV_LINE_END);
    }

    /** A comma, then {@code cell} (null is an empty cell), quoted if it needs to be. */
    static void next(StringBuilder out, String cell) {
        out.append(',');
        if (cell != null) {
            appendCell(out, cell);
        }
    }

    private static void appendCell(StringBuilder out, String cell) {
        if (!needsQuotes(cell)) {
            out.append(cell);
            return;
        }
        out.append('"');
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
