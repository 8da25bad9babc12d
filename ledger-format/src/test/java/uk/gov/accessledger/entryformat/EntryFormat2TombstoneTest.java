package uk.gov.accessledger.entryformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.testonly.ReferenceTree;
import uk.gov.accessledger.testonly.TestVectors;

/** Tombstones of format 1 entries: told apart from entries by their first bytes, checked against the entry. */
class EntryFormat2TombstoneTest {

    private static final byte[] ENTRY = TestVectors.in("entryformat").bytes("access-entry-v1.json");
    private static final String SEQ_0 = "{\"about\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
            + "\"id\":\"0190f5e2-7b1c-8d3e-9f40-5a6b7c8d9e0f\",\"kind\":\"concern\",\"message\":\"Why?\","
            + "\"policyExceptions\":[],\"recordedAt\":\"2026-11-25T09:31:02.250Z\",\"referenceData\":\"2026-11-25.1\","
            + "\"seq\":0,\"subject\":\"" + "0f".repeat(32) + "\",\"v\":1}";

    @Test
    void keepsTheLeafHashAndChainLinkAndNothingElse() {
        Tombstone tombstone = Tombstone.of(ENTRY);
        String text = new String(tombstone.canonicalBytes(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("nhs", "dpv:", "recordedAt", "3f2504e0");
        assertThat(tombstone.leafHash()).isEqualTo(ReferenceTree.leafHash(ENTRY));
        assertThat(tombstone.seq()).isEqualTo(7);
        assertThat(tombstone.subject()).isEqualTo("0f".repeat(32));
        assertThat(tombstone.prev().orElseThrow()).isEqualTo(HexFormat.of().parseHex("ab".repeat(32)));
    }

    @Test
    void hasNoPrevForAnEntryAtSeqZero() throws Exception {
        byte[] entry = SEQ_0.getBytes(StandardCharsets.UTF_8);
        Tombstone tombstone = Tombstone.of(entry);
        assertThat(tombstone.prev()).isEmpty();
        assertThat(new String(tombstone.canonicalBytes(), StandardCharsets.UTF_8)).doesNotContain("prev");
        Tombstone.parse(tombstone.canonicalBytes()).verifyAgainst(entry);
    }

    @Test
    void refusesAPrevThatTheEntryDoesNotHave() {
        Tombstone atZero = Tombstone.of(SEQ_0.getBytes(StandardCharsets.UTF_8));
        byte[] withPrev = SEQ_0.replace("\"seq\":0", "\"prev\":\"" + "cd".repeat(32) + "\",\"seq\":0")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Tombstone.of(withPrev)).isInstanceOf(EntryFormatException.class)
                .hasMessage("couldn't parse format 1 entry: want no prev at seq 0 at /prev");
        assertThatThrownBy(() -> atZero.verifyAgainst(ENTRY)).isInstanceOf(TombstoneMismatchException.class)
                .hasMessageStartingWith("tombstone mismatch: leafHash: got ");
    }

    @Test
    void tellsTombstonesFromEntriesOfBothFormatsByTheirFirstBytes() {
        byte[] tombstone = Tombstone.of(ENTRY).canonicalBytes();
        byte[] format2 = EntryLeafV2.of("0f".repeat(32), 0, null, "access", Instant.EPOCH, new byte[32]).canonicalBytes();
        assertThat(Tombstone.isTombstone(tombstone)).isTrue();
        assertThat(Tombstone.isTombstone(ENTRY)).isFalse();
        assertThat(Tombstone.isTombstone(format2)).isFalse();
        assertThat(Tombstone.isTombstone(new byte[0])).isFalse();
        assertThat(Tombstone.isTombstone("{\"leafHash\":".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void usesTheErasedEntrysLeafHashForATombstoneAndTheBytesHashOtherwise() {
        byte[] tombstone = Tombstone.of(ENTRY).canonicalBytes();
        assertThat(Tombstone.storedLeafHash(tombstone)).isEqualTo(ReferenceTree.leafHash(ENTRY))
                .isNotEqualTo(ReferenceTree.leafHash(tombstone));
        assertThat(Tombstone.storedLeafHash(ENTRY)).isEqualTo(ReferenceTree.leafHash(ENTRY));
    }

    @Test
    void refusesBytesThatBeginAsATombstoneButAreNotOne() {
        byte[] broken = ("{\"leafHash\":\"" + "00".repeat(32) + "\",\"seq\":0}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Tombstone.storedLeafHash(broken)).isInstanceOf(EntryFormatException.class)
                .hasMessage("couldn't parse tombstone: missing member at /tombstone");
    }

    @Test
    void refusesToMakeATombstoneOfSomethingThatIsNotAFormat1Entry() {
        assertThatThrownBy(() -> Tombstone.of("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EntryFormatException.class).hasMessage("couldn't parse format 1 entry: want a JSON object at (root)");
        assertThatThrownBy(() -> Tombstone.of(Tombstone.of(ENTRY).canonicalBytes()))
                .isInstanceOf(EntryFormatException.class).hasMessage("couldn't parse format 1 entry: missing member at /v");
    }
}
