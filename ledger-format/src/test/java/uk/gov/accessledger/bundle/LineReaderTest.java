package uk.gov.accessledger.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void splitsOnLfAndSkipsOverlongLinesWithoutLosingTheNext() throws Exception {
        String text = "one\n" + "x".repeat(100_000) + "\n\nlast";
        // A stream that returns few bytes per read, to cross buffer boundaries everywhere.
        InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        LineReader reader = new LineReader(in, 1000);

        LineReader.Line one = reader.next();
        LineReader.Line tooLong = reader.next();
        LineReader.Line empty = reader.next();
        LineReader.Line last = reader.next();

        assertThat(new String(one.bytes(), StandardCharsets.US_ASCII)).isEqualTo("one");
        assertThat(tooLong.tooLong()).isTrue();
        assertThat(tooLong.number()).isEqualTo(2);
        assertThat(empty.bytes()).isEmpty();
        assertThat(new String(last.bytes(), StandardCharsets.US_ASCII)).isEqualTo("last");
        assertThat(last.terminated()).isFalse();
        assertThat(last.number()).isEqualTo(4);
        assertThat(reader.next()).isNull();
    }
}
