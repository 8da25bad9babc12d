package uk.gov.accessledger.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into LF-terminated lines, holding at most one line (of at most a given
 * length) and one buffer in memory. A longer line is skipped up to its LF and reported as too
 * long, so one bad line cannot exhaust memory or hide the lines after it.
 */
final class LineReader {

    /** One line, without its LF. */
    record Line(long number, byte[] bytes, boolean terminated, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxLength;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[4096];
    private long number;

    LineReader(InputStream in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** Returns the next line, or {@code null} at the end of the stream. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    return new Line(++number, tooLong ? null : Arrays.copyOf(line, length), false, tooLong);
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (!tooLong) {
                if (length + chunk > maxLength) {
                    tooLong = true;
                } else {
                    if (length + chunk > line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLength, Math.max(line.length * 2, length + chunk)));
                    }
                    System.arraycopy(buffer, start, line, length, chunk);
                    length += chunk;
                }
            }
            if (position < limit) {
                position++; // the LF
                return new Line(++number, tooLong ? null : Arrays.copyOf(line, length), true, tooLong);
            }
        }
    }
}
