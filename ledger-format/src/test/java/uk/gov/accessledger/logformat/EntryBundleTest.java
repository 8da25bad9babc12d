package uk.gov.accessledger.logformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntryBundleTest {

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void encodesEachEntryAsABigEndianUint16LengthThenItsBytes() {
        // Known answer, written by hand from the tlog-tiles rule: "a" is 00 01 61, an empty entry
        // is 00 00, and 300 bytes of 0xab start 01 2c.
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 0xab);
        byte[] bundle =
                EntryBundle.encode(List.of("a".getBytes(StandardCharsets.US_ASCII), new byte[0], big));
        assertThat(bundle).startsWith(hex("0001610000012cabab"));
        assertThat(bundle).hasSize(3 + 2 + 2 + 300);
        assertThat(EntryBundle.decode(bundle))
                .containsExactly("a".getBytes(StandardCharsets.US_ASCII), new byte[0], big);
    }

    @Test
    void encodesEntriesOfUpTo65535Bytes() {
        byte[] largest = new byte[EntryBundle.MAX_ENTRY_SIZE];
        byte[] bundle = EntryBundle.encode(List.of(largest));
        assertThat(bundle).startsWith(hex("ffff"));
        assertThat(EntryBundle.decode(bundle, 1).get(0)).hasSize(65535);

        assertThatThrownBy(() -> EntryBundle.encode(List.of(new byte[1], new byte[65536])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires entries of at most 65535 bytes: got 65536 at position 1");
    }

    @Test
    void encodeRequiresOneTo256Entries() {
        assertThatThrownBy(() -> EntryBundle.encode(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires 1 to 256 entries: got 0");
        assertThatThrownBy(() -> EntryBundle.encode(Collections.nCopies(257, new byte[1])))
                .hasMessage("requires 1 to 256 entries: got 257");
        assertThat(EntryBundle.decode(EntryBundle.encode(Collections.nCopies(256, new byte[1]))))
                .hasSize(256);
    }

    @Test
    void randomBundlesRoundTrip() {
        Random random = new Random(65535L);
        for (int n = 0; n < 300; n++) {
            List<byte[]> entries = new ArrayList<>();
            for (int i = 1 + random.nextInt(256); i > 0; i--) {
                byte[] entry = new byte[random.nextInt(random.nextBoolean() ? 16 : 2000)];
                random.nextBytes(entry);
                entries.add(entry);
            }
            List<byte[]> decoded = EntryBundle.decode(EntryBundle.encode(entries), entries.size());
            assertThat(decoded).hasSameSizeAs(entries);
            for (int i = 0; i < entries.size(); i++) {
                assertThat(decoded.get(i)).isEqualTo(entries.get(i));
            }
        }
    }

    @Test
    void decodeRejectsEmptyTruncatedAndOverfullBundles() {
        assertThatThrownBy(() -> EntryBundle.decode(new byte[0]))
                .isInstanceOf(LogFormatException.class)
                .hasMessage("couldn't parse entry bundle: bundle is empty");
        assertThatThrownBy(() -> EntryBundle.decode(hex("000161" + "00")))
                .isInstanceOf(LogFormatException.class)
                .hasMessage("couldn't parse entry bundle: truncated length prefix of entry 1 at byte 3");
        assertThatThrownBy(() -> EntryBundle.decode(hex("00036162")))
                .isInstanceOf(LogFormatException.class)
                .hasMessage("couldn't parse entry bundle: entry 0 is truncated: got 2 bytes, want 3");
        assertThatThrownBy(() -> EntryBundle.decode(hex("ffff00")))
                .hasMessage("couldn't parse entry bundle: entry 0 is truncated: got 1 bytes, want 65535");

        byte[] full = EntryBundle.encode(Collections.nCopies(256, new byte[0]));
        byte[] overfull = Arrays.copyOf(full, full.length + 2);
        assertThatThrownBy(() -> EntryBundle.decode(overfull))
                .isInstanceOf(LogFormatException.class)
                .hasMessage("couldn't parse entry bundle: got more than 256 entries, 2 bytes remain");
    }

    @Test
    void decodeWithAnExpectedCountRejectsAnyOtherCount() {
        byte[] bundle = EntryBundle.encode(Collections.nCopies(44, new byte[] {1}));
        assertThat(EntryBundle.decode(bundle, 44)).hasSize(44);
        assertThatThrownBy(() -> EntryBundle.decode(bundle, 256))
                .isInstanceOf(LogFormatException.class)
                .hasMessage("couldn't parse entry bundle: got 44 entries, want 256");
    }
}
