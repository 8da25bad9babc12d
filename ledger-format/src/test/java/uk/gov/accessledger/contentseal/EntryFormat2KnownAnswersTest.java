package uk.gov.accessledger.contentseal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.entryformat.ContentOpening;
import uk.gov.accessledger.entryformat.EntryLeafV2;
import uk.gov.accessledger.entryformat.Tombstone;
import uk.gov.accessledger.testonly.ReferenceTree;
import uk.gov.accessledger.testonly.TestVectors;

/**
 * Holds the code to {@code entryformat/format2-known-answers.txt}: from each block's fixed inputs
 * every derived value is recomputed and compared, and every stored form is read back. The file
 * was written by {@link EntryFormat2VectorWriter} and recomputed independently in Python.
 */
class EntryFormat2KnownAnswersTest {

    private static final TestVectors VECTORS = TestVectors.in("entryformat");
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Map<String, String>> entries() {
        return VECTORS.blocks("format2-known-answers.txt").stream().filter(b -> b.containsKey("leaf"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void recomputesEveryKnownAnswerFromTheFixedInputs(Map<String, String> v) throws Exception {
        ContentOpening opening = ContentOpening.of(hex(v, "r"), EntryFormat2VectorWriter.contentNode(v.get("content")));
        assertThat(utf8(opening.canonicalContent())).as("content is its own canonical JSON").isEqualTo(v.get("content"));
        assertThat(HEX.formatHex(opening.commitment())).isEqualTo(v.get("commitment"));

        byte[] prev = v.get("prev").equals("absent") ? null : hex(v, "prev");
        EntryLeafV2 leaf = EntryLeafV2.of(v.get("subject"), Long.parseLong(v.get("seq")), prev, v.get("kind"),
                Instant.parse(v.get("recordedAt")), opening.commitment());
        assertThat(utf8(leaf.canonicalBytes())).isEqualTo(v.get("leaf"));
        assertThat(HEX.formatHex(leaf.leafHash())).isEqualTo(v.get("leafHash"))
                .isEqualTo(HEX.formatHex(ReferenceTree.leafHash(bytes(v, "leaf"))));
        assertThat(utf8(opening.canonicalBytes())).isEqualTo(v.get("opening"));

        DataKey dataKey = DataKey.of(hex(v, "dataKey"));
        assertThat(HEX.formatHex(SealedContent.associatedData(leaf.leafHash()))).isEqualTo(v.get("aad"));
        byte[] sealed = SealedContent.seal(dataKey, leaf.leafHash(), opening.canonicalBytes(), hex(v, "nonce"));
        assertThat(HEX.formatHex(sealed)).isEqualTo(v.get("sealed"));
        AesKeyWrapKek kek = new AesKeyWrapKek(v.get("kekId"), hex(v, "kek"));
        assertThat(HEX.formatHex(kek.wrap(dataKey).wrapped())).isEqualTo(v.get("wrappedDataKey"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void readsTheStoredFormsBackAndVerifiesThemInAVerifiersOrder(Map<String, String> v) throws Exception {
        EntryLeafV2 leaf = EntryLeafV2.parse(bytes(v, "leaf"));
        assertThat(leaf.subject()).isEqualTo(v.get("subject"));
        assertThat(leaf.seq()).isEqualTo(Long.parseLong(v.get("seq")));
        assertThat(leaf.prev().map(HEX::formatHex).orElse("absent")).isEqualTo(v.get("prev"));
        assertThat(leaf.kind()).isEqualTo(v.get("kind"));
        assertThat(leaf.recordedAt()).isEqualTo(Instant.parse(v.get("recordedAt")));
        assertThat(leaf.canonicalBytes()).isEqualTo(bytes(v, "leaf"));

        // the key-encryption key gives the data key, which opens the sealed opening for this leaf
        AesKeyWrapKek kek = new AesKeyWrapKek(v.get("kekId"), hex(v, "kek"));
        DataKey dataKey = kek.unwrap(new WrappedDataKey(v.get("kekId"), hex(v, "wrappedDataKey")));
        assertThat(dataKey.bytes()).isEqualTo(hex(v, "dataKey"));
        byte[] openingBytes = SealedContent.open(dataKey, leaf.leafHash(), hex(v, "sealed"));
        assertThat(utf8(openingBytes)).isEqualTo(v.get("opening"));

        ContentOpening opening = ContentOpening.parse(openingBytes);
        opening.verify(leaf);
        assertThat(opening.r()).isEqualTo(hex(v, "r"));
        assertThat(CanonicalJson.canonicalize(opening.content())).isEqualTo(bytes(v, "content"));
    }

    @Test
    void secondEntryLinksToTheFirstAndSharesItsSubjectsDataKey() {
        List<Map<String, String>> entries = entries().toList();
        assertThat(entries.get(1).get("prev")).isEqualTo(entries.get(0).get("leafHash"));
        assertThat(entries.get(1).get("dataKey")).isEqualTo(entries.get(0).get("dataKey"));
        assertThat(entries.get(1).get("wrappedDataKey")).isEqualTo(entries.get(0).get("wrappedDataKey"));
        assertThat(entries.get(2).get("dataKey")).isNotEqualTo(entries.get(0).get("dataKey"));
    }

    @Test
    void tombstoneOfTheFormat1ExampleKeepsItsLeafHash() throws Exception {
        Map<String, String> v = VECTORS.blocks("format2-known-answers.txt").stream()
                .filter(b -> b.containsKey("tombstone")).findFirst().orElseThrow();
        byte[] entry = VECTORS.bytes("access-entry-v1.json");
        assertThat(utf8(entry)).isEqualTo(v.get("format1Entry"));
        // docs/entry-format.md gives this leaf hash for the format 1 example
        assertThat(v.get("format1LeafHash")).isEqualTo("632e006fd8955aefc173c44391661d919f0a45630e8a1339d98f97b3efa965c5");

        Tombstone tombstone = Tombstone.of(entry);
        assertThat(utf8(tombstone.canonicalBytes())).isEqualTo(v.get("tombstone"));
        Tombstone stored = Tombstone.parse(bytes(v, "tombstone"));
        assertThat(stored).isEqualTo(tombstone);
        stored.verifyAgainst(entry);
        assertThat(HEX.formatHex(Tombstone.storedLeafHash(bytes(v, "tombstone"))))
                .isEqualTo(HEX.formatHex(Tombstone.storedLeafHash(entry)))
                .isEqualTo(v.get("format1LeafHash"));
    }

    private static byte[] hex(Map<String, String> v, String key) {
        return HEX.parseHex(v.get(key));
    }

    private static byte[] bytes(Map<String, String> v, String key) {
        return TestVectors.unescape(v.get(key));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
