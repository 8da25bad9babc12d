package uk.gov.accessledger.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the RFC 4180 rows of {@code entries.csv} one at a time, strictly: UTF-8, rows ended by
 * CRLF (the last one too), quoted fields with doubled quotes, no quote inside an unquoted field.
 * Memory is bounded by {@link #MAX_ROW_CHARS} per row. After a {@link MalformedCsvException}
 * the reader's position is undefined, so callers stop reading rows.
 */
final class CsvReader {

    /** The longest row accepted, in characters; far beyond any real entry's row. */
    static final int MAX_ROW_CHARS = 1 << 20;

    /** A row and the 1-based line of the file it starts on. */
    record Row(long line, List<String> fields) {
    }

    /** The CSV is not the strict RFC 4180 that bundles use; {@code line} is where it broke. */
    static final class MalformedCsvException extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        MalformedCsvException(long line, String problem) {
            super(problem);
            this.line = line;
        }
    }

    private final Reader in;
    // Our own buffer: Reader.read() per character takes a lock each time, a third of the run.
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;

    CsvReader(InputStream in) {
        this.in = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /**
     * Returns the next row, or {@code null} at the end of the file.
     *
     * @throws MalformedCsvException if the row is not strict RFC 4180 or not UTF-8
     * @throws IOException if the underlying stream fails
     */
    Row next() throws IOException, MalformedCsvException {
        int c = read();
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>(BundleFormat.CSV_COLUMNS.size());
        StringBuilder cell = new StringBuilder();
        int rowChars = 0;
        while (true) {
            if (c == '"') {
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw new MalformedCsvException(start, "quoted field is not closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    } else if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                    rowChars = requireRowLength(rowChars + 1, start);
                }
                if (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    throw new MalformedCsvException(line, "character after a closing quote");
                }
            } else {
                while (c != ',' && c != '\r' && c != '\n' && c != -1) {
                    if (c == '"') {
                        throw new MalformedCsvException(line, "quote inside an unquoted field");
                    }
                    cell.append((char) c);
                    rowChars = requireRowLength(rowChars + 1, start);
                    c = read();
                }
            }
            fields.add(cell.toString());
            cell.setLength(0);
            switch (c) {
                case ',' -> c = read();
                case '\r' -> {
                    if (read() != '\n') {
                        throw new MalformedCsvException(line, "CR not followed by LF");
                    }
                    line++;
                    return new Row(start, fields);
                }
                case '\n' -> throw new MalformedCsvException(line, "row ends with LF, want CRLF");
                default -> throw new MalformedCsvException(line, "last row doesn't end with CRLF");
            }
        }
    }

    private static int requireRowLength(int chars, long start) throws MalformedCsvException {
        if (chars > MAX_ROW_CHARS) {
            throw new MalformedCsvException(start, "row longer than " + MAX_ROW_CHARS + " characters");
        }
        return chars;
    }

    private int read() throws IOException, MalformedCsvException {
        if (position == limit) {
            try {
                limit = in.read(buffer, 0, buffer.length);
            } catch (CharacterCodingException e) {
                throw new MalformedCsvException(line, "not UTF-8");
            }
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }
}
