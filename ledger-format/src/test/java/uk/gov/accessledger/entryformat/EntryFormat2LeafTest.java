package uk.gov.accessledger.entryformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.testonly.ReferenceTree;

/** The format 2 leaf: what it is built from, the bytes it is stored as, and what it refuses. */
class EntryFormat2LeafTest {

    private static final String SUBJECT = "0f".repeat(32);
    private static final Instant RECORDED = Instant.parse("2026-11-25T09:31:02.250Z");

    @Test
    void readsBackEveryLeafItWritesOnRandomInputs() {
        Random random = new Random(19);
        for (int i = 0; i < 500; i++) {
            byte[] subject = bytes(random, 32);
            long seq = i % 3 == 0 ? 0 : random.nextLong(StrictObject.MAX_SAFE_INTEGER) + 1;
            String kind = i % 2 == 0 ? "access" : "sharing-decision";
            Instant recordedAt = Instant.ofEpochMilli(random.nextLong(253_402_300_800_000L));
            EntryLeafV2 leaf = EntryLeafV2.of(hex(subject), seq, seq == 0 ? null : bytes(random, 32), kind, recordedAt,
                    bytes(random, 32));
            EntryLeafV2 read = EntryLeafV2.parse(leaf.canonicalBytes());
            assertThat(read).isEqualTo(leaf);
            assertThat(read.recordedAt()).isEqualTo(recordedAt);
            assertThat(read.leafHash()).isEqualTo(ReferenceTree.leafHash(leaf.canonicalBytes()));
        }
    }

    @Test
    void holdsExactlyTheSevenLeafMembersAndNoContent() {
        EntryLeafV2 leaf = EntryLeafV2.of(SUBJECT, 1, new byte[32], "access", RECORDED, new byte[32]);
        assertThat(new String(leaf.canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"commitment\":\"" + "00".repeat(32) + "\",\"kind\":\"access\",\"prev\":\"" + "00".repeat(32)
                        + "\",\"recordedAt\":\"2026-11-25T09:31:02.250Z\",\"seq\":1,\"subject\":\"" + SUBJECT
                        + "\",\"v\":2}");
    }

    @Test
    void leavesOutPrevAtSeqZero() {
        EntryLeafV2 leaf = EntryLeafV2.of(SUBJECT, 0, null, "concern", RECORDED, new byte[32]);
        assertThat(new String(leaf.canonicalBytes(), StandardCharsets.UTF_8)).doesNotContain("prev");
        assertThat(EntryLeafV2.parse(leaf.canonicalBytes()).prev()).isEmpty();
    }

    @Test
    void dropsDigitsFinerThanMillisecondsAsEntriesWriteInstants() {
        EntryLeafV2 leaf = EntryLeafV2.of(SUBJECT, 0, null, "access", RECORDED.plusNanos(999_999), new byte[32]);
        assertThat(leaf.recordedAt()).isEqualTo(RECORDED);
    }

    @Test
    void refusesToBuildALeafThatItCouldNotReadBack() {
        byte[] hash = new byte[32];
        assertRefused(() -> EntryLeafV2.of("0F".repeat(32), 0, null, "access", RECORDED, hash), "subject");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, -1, null, "access", RECORDED, hash), "seq");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 1L << 53, hash, "access", RECORDED, hash), "seq");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 0, hash, "access", RECORDED, hash), "prev");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 1, null, "access", RECORDED, hash), "prev");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 1, new byte[31], "access", RECORDED, hash), "prev");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 0, null, "Access", RECORDED, hash), "kind");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 0, null, "a".repeat(33), RECORDED, hash), "kind");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 0, null, "access", Instant.parse("+10000-01-01T00:00:00Z"), hash),
                "recordedAt");
        assertRefused(() -> EntryLeafV2.of(SUBJECT, 0, null, "access", RECORDED, new byte[33]), "commitment");
    }

    @Test
    void refusesBytesThatAreNotJsonWithoutAPointer() {
        assertThatThrownBy(() -> EntryLeafV2.parse("{\"v\":2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EntryFormatException.class)
                .hasMessageStartingWith("couldn't parse format 2 leaf: ");
        assertThatThrownBy(() -> EntryLeafV2.parse(new byte[] {'{', (byte) 0xC0, '}'}))
                .isInstanceOf(EntryFormatException.class);
    }

    @Test
    void returnsCopiesSoALeafCannotBeChangedFromOutside() {
        byte[] commitment = new byte[32];
        EntryLeafV2 leaf = EntryLeafV2.of(SUBJECT, 1, new byte[32], "access", RECORDED, commitment);
        commitment[0] = 1;
        leaf.commitment()[0] = 1;
        leaf.prev().orElseThrow()[0] = 1;
        assertThat(leaf.commitment()).isEqualTo(new byte[32]);
        assertThat(leaf.prev().orElseThrow()).isEqualTo(new byte[32]);
    }

    private static void assertRefused(Runnable build, String what) {
        assertThatThrownBy(build::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(what);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
