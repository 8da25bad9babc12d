package uk.gov.accessledger.bundle;

import java.util.List;

/**
 * Writes RFC 4180 rows as docs/export-bundle.md says: fields quoted when they contain a comma,
 * quote, CR or LF, quotes doubled, rows ended by CRLF; and no cell that a spreadsheet would run
 * as a formula (OWASP "CSV Injection"): such a cell is written {@link #neutralised}, and quoted.
 * Every CSV of ledger-format and ledger-api is written here.
 */
final class CsvRows {

    /**
     * The first characters that make a spreadsheet read a cell as a formula (OWASP "CSV
     * Injection"): {@code = + - @}, tab and carriage return. The citizen portal's download
     * applies the same rule (DownloadController); both are tested against
     * {@code src/test/resources/bundle/formula-cells.json}.
     */
    static final String FORMULA_TRIGGERS = "=+-@\t\r";

    /** What a neutralised cell starts with: a spreadsheet shows the rest as text. */
    static final char TEXT_PREFIX = '\'';

    private CsvRows() {
    }

    /** Whether a spreadsheet would run {@code cell}: it starts with one of {@link #FORMULA_TRIGGERS}. */
    static boolean runsAsFormula(String cell) {
        return !cell.isEmpty() && FORMULA_TRIGGERS.indexOf(cell.charAt(0)) >= 0;
    }

    /**
     * The cell's value as the CSV holds it: {@code cell} prefixed with {@link #TEXT_PREFIX} if it
     * {@link #runsAsFormula}, else {@code cell} itself.
     */
    static String neutralised(String cell) {
        return runsAsFormula(cell) ? TEXT_PREFIX + cell : cell;
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

    /** A comma, then {@code cell} (null is an empty cell), neutralised and quoted if it needs to be. */
    static void next(StringBuilder out, String cell) {
        out.append(',');
        if (cell != null) {
            appendCell(out, cell);
        }
    }

    private static void appendCell(StringBuilder out, String cell) {
        boolean formula = runsAsFormula(cell);
        if (!formula && !needsQuotes(cell)) {
            out.append(cell);
            return;
        }
        out.append('"');
        if (formula) {
            out.append(TEXT_PREFIX);
        }
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
