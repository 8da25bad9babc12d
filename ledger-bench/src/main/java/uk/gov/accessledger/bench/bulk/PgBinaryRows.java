package uk.gov.accessledger.bench.bulk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary COPY format (PostgreSQL docs, "COPY", section "Binary Format"):
 * a signature header, then per tuple a 16-bit field count and each field as a 32-bit length
 * (-1 for NULL) and its binary send representation, then a -1 trailer. Rows accumulate in memory
 * until {@link #drain}, so a caller sends them in large chunks.
 *
 * <p>Not thread-safe.
 */
final class PgBinaryRows {

    /** "PGCOPY\n\377\r\n\0", then flags and header-extension length, both 0. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    /** PostgreSQL's timestamp and date epoch, 2000-01-01T00:00Z, in Unix seconds. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final Buffer out = new Buffer(1 << 20);

    PgBinaryRows() {
        out.write(HEADER, 0, HEADER.length);
    }

    PgBinaryRows row(int fields) {
        short16(fields);
        return this;
    }

    PgBinaryRows int8(long v) {
        int32(8);
        int64(v);
        return this;
    }

    PgBinaryRows int4(int v) {
        int32(4);
        int32(v);
        return this;
    }

    PgBinaryRows int2(int v) {
        int32(2);
        short16(v);
        return this;
    }

    PgBinaryRows bool(boolean v) {
        int32(1);
        out.write(v ? 1 : 0);
        return this;
    }

    PgBinaryRows text(String v) {
        return v == null ? nul() : bytes(v.getBytes(StandardCharsets.UTF_8));
    }

    PgBinaryRows bytes(byte[] v) {
        if (v == null) {
            return nul();
        }
        int32(v.length);
        out.write(v, 0, v.length);
        return this;
    }

    PgBinaryRows uuid(UUID v) {
        if (v == null) {
            return nul();
        }
        int32(16);
        int64(v.getMostSignificantBits());
        int64(v.getLeastSignificantBits());
        return this;
    }

    /** timestamptz: microseconds since the PostgreSQL epoch. */
    PgBinaryRows timestamp(Instant v) {
        if (v == null) {
            return nul();
        }
        return int8((v.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + v.getNano() / 1_000);
    }

    /** date: days since the PostgreSQL epoch. */
    PgBinaryRows date(LocalDate v) {
        return v == null ? nul() : int4((int) (v.toEpochDay() - POSTGRES_EPOCH_DAY));
    }

    PgBinaryRows nul() {
        int32(-1);
        return this;
    }

    int size() {
        return out.size();
    }

    /** The bytes written since the last drain; with {@code last}, the end-of-data trailer too. */
    byte[] drain(boolean last) {
        if (last) {
            short16(-1);
        }
        byte[] bytes = out.toByteArray();
        out.reset();
        return bytes;
    }

    private void short16(int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private void int32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private void int64(long v) {
        int32((int) (v >>> 32));
        int32((int) v);
    }

    /** An unsynchronised ByteArrayOutputStream: every row field goes through here. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) {
            super(size);
        }

        @Override
        public void write(int b) {
            if (count == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (count + len > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }
    }
}
