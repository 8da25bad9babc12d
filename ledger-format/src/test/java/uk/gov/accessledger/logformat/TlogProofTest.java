package uk.gov.accessledger.logformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.ReferenceTree;
import uk.gov.accessledger.testonly.TestVectors;

class TlogProofTest {

    private static final TestVectors VECTORS = TestVectors.in("logformat");

    static Stream<Arguments> proofVectors() {
        return VECTORS.blocks("tlog-proofs.txt").stream()
                .map(vector -> Arguments.of(vector.get("description"), vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofVectors")
    void parsesOrRejectsProofTexts(String description, Map<String, String> vector) {
        String text = TestVectors.unescapeToString(vector.get("text"));
        String want = vector.get("want");
        if (want.equals("ok")) {
            assertThat(TlogProof.parse(text).toText()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> TlogProof.parse(text))
                    .isInstanceOf(LogFormatException.class)
                    .hasMessageStartingWith("couldn't parse tlog-proof: ")
                    .hasMessageContaining(want.substring("reject:".length()));
        }
    }

    @Test
    void parsesTheSpecExampleAndWritesItBackByteForByte() {
        String text = VECTORS.string("tlog-proof-spec-example.tlog-proof");
        TlogProof proof = TlogProof.parse(text);

        assertThat(proof.index()).isEqualTo(73894);
        assertThat(new String(proof.extra(), StandardCharsets.ISO_8859_1))
                .startsWith("age-v1.2.1-darwin-arm64.tar.gz");
        assertThat(proof.inclusionProof()).hasSize(5);
        assertThat(proof.inclusionProof().get(0))
                .isEqualTo(Base64.getDecoder().decode("gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ="));
        assertThat(proof.inclusionProof().get(4))
                .isEqualTo(Base64.getDecoder().decode("AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk="));
        assertThat(proof.signedCheckpoint())
                .startsWith("example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n\n")
                .endsWith("\u2014 witness3.example S4X82uH5[...]3oEcROGLFQ==\n");
        assertThat(proof.toText()).isEqualTo(text);
    }

    @Test
    void writesNoExtraLineWhenThereIsNoExtraData() {
        TlogProof proof = new TlogProof(0, List.of(), "o\n0\nAAAA\n\n\u2014 o AAAA\n");
        assertThat(proof.extra()).isEmpty();
        assertThat(proof.toText())
                .isEqualTo("c2sp.org/tlog-proof@v1\nindex 0\n\no\n0\nAAAA\n\n\u2014 o AAAA\n");
    }

    @Test
    void constructorRequiresAValidIndexProofAndCheckpoint() {
        String checkpoint = "o\n0\nAAAA\n\n\u2014 o AAAA\n";
        assertThatThrownBy(() -> new TlogProof(-1, List.of(), checkpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires index >= 0: got -1");
        assertThatThrownBy(() -> new TlogProof(0, List.of(new byte[31]), checkpoint))
                .hasMessage("requires 32-byte proof hashes: got 31");
        List<byte[]> tooLong = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tooLong.add(new byte[32]);
        }
        assertThatThrownBy(() -> new TlogProof(0, tooLong, checkpoint))
                .hasMessage("requires at most 63 proof hashes: got 64");
        assertThatThrownBy(() -> new TlogProof(0, List.of(), "no newline"))
                .hasMessage("requires a signed checkpoint ending in a newline");
    }

    @Test
    void aProofWrittenByTheLogParsesOpensAndLeadsFromTheEntryToTheSignedRoot() throws Exception {
        Ed25519NoteSigner log = SignedNoteTest.generate("ledger.example/log", 31);
        int size = 1000;
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        ReferenceTree tree = ReferenceTree.ofLeaves(entries);
        String signedCheckpoint = new Checkpoint("ledger.example/log", size, tree.root()).sign(log);

        for (int index : new int[] {0, 1, 511, 512, 998, 999}) {
            TlogProof written =
                    new TlogProof(
                            index,
                            tree.path(index, size),
                            signedCheckpoint,
                            "context".getBytes(StandardCharsets.UTF_8));
            TlogProof read = TlogProof.parse(written.toText());
            assertThat(read).isEqualTo(written);

            Checkpoint checkpoint = read.openCheckpoint(log.verifier());
            assertThat(checkpoint.size()).isEqualTo(size);
            byte[] leaf = tree.leafHash(index);
            assertThat(
                            rootFromInclusionProof(
                                    read.index(), checkpoint.size(), leaf, read.inclusionProof()))
                    .isEqualTo(checkpoint.rootHash());
        }
    }

    /**
     * RFC 9162 section 2.1.3.2, written plainly over the reference tree's hashes: the root an
     * inclusion proof leads to, or null if it is bad.
     */
    private static byte[] rootFromInclusionProof(long index, long size, byte[] leaf, List<byte[]> proof) {
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = ReferenceTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = ReferenceTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }
}
