package uk.gov.accessledger.logformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.logformat.NoteVerificationException.Reason;
import uk.gov.accessledger.testonly.TestVectors;

class CheckpointTest {

    private static final TestVectors VECTORS = TestVectors.in("logformat");

    static Stream<Arguments> checkpointVectors() {
        return VECTORS.blocks("checkpoints.txt").stream()
                .map(vector -> Arguments.of(vector.get("description"), vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checkpointVectors")
    void parsesOrRejectsPublishedAndMutatedCheckpointTexts(
            String description, Map<String, String> vector) {
        String text = TestVectors.unescapeToString(vector.get("text"));
        String want = vector.get("want");
        if (want.equals("ok")) {
            Checkpoint checkpoint = Checkpoint.parse(text);
            assertThat(checkpoint.origin()).isEqualTo(vector.get("origin"));
            assertThat(checkpoint.size()).isEqualTo(Long.parseLong(vector.get("size")));
            assertThat(checkpoint.rootHash())
                    .isEqualTo(Base64.getDecoder().decode(vector.get("root")));
            List<String> extensions =
                    vector.get("extensions").equals("none")
                            ? List.of()
                            : List.of(TestVectors.unescapeToString(vector.get("extensions")).split("\n"));
            assertThat(checkpoint.extensions()).isEqualTo(extensions);
            assertThat(checkpoint.toNoteText()).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> Checkpoint.parse(text))
                    .isInstanceOf(LogFormatException.class)
                    .hasMessageStartingWith("couldn't parse checkpoint: ")
                    .hasMessageContaining(want.substring("reject:".length()));
        }
    }

    @Test
    void randomCheckpointsRoundTripThroughTheirNoteText() {
        Random random = new Random(7L);
        for (int n = 0; n < 500; n++) {
            byte[] root = new byte[32];
            random.nextBytes(root);
            List<String> extensions = new ArrayList<>();
            for (int e = random.nextInt(3); e > 0; e--) {
                extensions.add("ext " + random.nextInt());
            }
            long size = n < 10 ? n : random.nextLong() & Long.MAX_VALUE;
            Checkpoint checkpoint = new Checkpoint("log" + n + ".example", size, root, extensions);
            assertThat(Checkpoint.parse(checkpoint.toNoteText())).isEqualTo(checkpoint);
        }
    }

    @Test
    void noteTextIsOriginSizeRootAndExtensionsEachOnALine() {
        byte[] root = Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(new Checkpoint("example.com/behind-the-sofa", 20852163, root).toNoteText())
                .isEqualTo(
                        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(new Checkpoint("o", 1, root, List.of("a", "b")).toNoteText())
                .endsWith("=\na\nb\n");
    }

    @Test
    void constructorRequiresValidFields() {
        byte[] root = new byte[32];
        assertThatThrownBy(() -> new Checkpoint("", 1, root))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requires a non-empty origin");
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, root))
                .hasMessageStartingWith("requires a non-empty origin");
        assertThatThrownBy(() -> new Checkpoint("a\rb", 1, root))
                .hasMessageStartingWith("requires a non-empty origin");
        assertThatThrownBy(() -> new Checkpoint("o", -1, root))
                .hasMessage("requires size >= 0: got -1");
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31]))
                .hasMessage("requires a 32-byte root hash: got 31");
        assertThatThrownBy(() -> new Checkpoint("o", 1, root, List.of("")))
                .hasMessageStartingWith("requires a non-empty extension line");
        assertThatThrownBy(() -> new Checkpoint("o", 1, root, List.of("a\nb")))
                .hasMessageStartingWith("requires a non-empty extension line");
    }

    @Test
    void rootHashIsCopiedInAndOut() {
        byte[] root = new byte[32];
        Checkpoint checkpoint = new Checkpoint("o", 1, root);
        root[0] = 1;
        checkpoint.rootHash()[1] = 1;
        assertThat(checkpoint.rootHash()).isEqualTo(new byte[32]);
        assertThat(checkpoint).isEqualTo(new Checkpoint("o", 1, new byte[32]));
        assertThat(checkpoint.hashCode()).isEqualTo(new Checkpoint("o", 1, new byte[32]).hashCode());
    }

    @Test
    void openVerifiesTheLogSignatureAndIgnoresWitnessCosignatures() throws Exception {
        Ed25519NoteSigner log = SignedNoteTest.generate("ledger.example/log", 21);
        Ed25519NoteSigner witness = SignedNoteTest.generate("witness.example", 22);
        Checkpoint checkpoint = new Checkpoint("ledger.example/log", 70000, new byte[32]);
        String signed = checkpoint.sign(log, witness);
        assertThat(Checkpoint.open(signed, log.verifier())).isEqualTo(checkpoint);
    }

    @Test
    void openRejectsACheckpointSignedOnlyByAWitness() {
        Ed25519NoteSigner log = SignedNoteTest.generate("ledger.example/log", 21);
        Ed25519NoteSigner witness = SignedNoteTest.generate("witness.example", 22);
        String signed = new Checkpoint("ledger.example/log", 1, new byte[32]).sign(witness);
        NoteVerificationException e =
                catchThrowableOfType(
                        NoteVerificationException.class, () -> Checkpoint.open(signed, log.verifier()));
        assertThat(e.reason()).isEqualTo(Reason.NO_KNOWN_SIGNATURE);
    }

    @Test
    void openRejectsACheckpointWhoseOriginIsNotTheLogKeyName() {
        Ed25519NoteSigner log = SignedNoteTest.generate("ledger.example/log", 21);
        String signed = new Checkpoint("ledger.example/other", 1, new byte[32]).sign(log);
        NoteVerificationException e =
                catchThrowableOfType(
                        NoteVerificationException.class, () -> Checkpoint.open(signed, log.verifier()));
        assertThat(e.reason()).isEqualTo(Reason.ORIGIN_MISMATCH);
        assertThat(e.expected()).isEqualTo("ledger.example/log");
        assertThat(e.found()).isEqualTo("ledger.example/other");
        assertThat(e)
                .hasMessage(
                        "couldn't open checkpoint: got origin \"ledger.example/other\", want"
                                + " \"ledger.example/log\"");
    }

    @Test
    void openRejectsASignedNoteThatIsNotACheckpoint() {
        Ed25519NoteSigner log = SignedNoteTest.generate("ledger.example/log", 21);
        String signed = SignedNote.sign("ledger.example/log\n007\nAAAA\n", log);
        NoteVerificationException e =
                catchThrowableOfType(
                        NoteVerificationException.class, () -> Checkpoint.open(signed, log.verifier()));
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_CHECKPOINT);
        assertThat(e).hasMessageContaining("leading zero");
        assertThat(e.getCause()).isInstanceOf(LogFormatException.class);
    }
}
