package uk.gov.accessledger.logformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
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

class SignedNoteTest {

    private static final TestVectors VECTORS = TestVectors.in("logformat");

    static final String PETER_TEXT =
            "If you think cryptography is the answer to your problem,\n"
                    + "then you don't know what your problem is.\n";
    static final String PETER_SIGNATURE_LINE =
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXg"
                    + "KvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final NoteVerifier PETER = NoteVerifier.parse(NoteKeysTest.PETER_VERIFIER_KEY);

    static Stream<Arguments> noteVectors() {
        return VECTORS.blocks("signed-notes.txt").stream()
                .map(vector -> Arguments.of(vector.get("description"), vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noteVectors")
    void opensOrRejectsPublishedAndMutatedNotes(String description, Map<String, String> vector)
            throws Exception {
        NoteVerifier[] known =
                vector.get("verifiers").equals("none")
                        ? new NoteVerifier[0]
                        : Arrays.stream(vector.get("verifiers").split(" "))
                                .map(NoteVerifier::parse)
                                .toArray(NoteVerifier[]::new);
        byte[] note = TestVectors.unescape(vector.get("note"));
        String want = vector.get("want");
        if (want.equals("ok")) {
            Note opened = SignedNote.open(note, known);
            assertThat(opened.text()).isEqualTo(TestVectors.unescapeToString(vector.get("text")));
            assertThat(labels(opened.verifiedSignatures())).isEqualTo(vector.get("verified"));
            assertThat(labels(opened.unverifiedSignatures())).isEqualTo(vector.get("unverified"));
        } else {
            NoteVerificationException e =
                    catchThrowableOfType(
                            NoteVerificationException.class, () -> SignedNote.open(note, known));
            assertThat(e).as("want rejection " + want).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.valueOf(want));
            assertThat(e).hasMessageStartingWith("couldn't open note: ");
        }
    }

    private static String labels(List<NoteSignature> signatures) {
        if (signatures.isEmpty()) {
            return "none";
        }
        return String.join(" ", signatures.stream().map(NoteSignature::keyLabel).toList());
    }

    @Test
    void signReproducesTheSumdbPeterNeumannNoteByteForByte() {
        // sumdb note_test.go TestSign: Ed25519 is deterministic, so the same key and text give
        // exactly the published signature.
        Ed25519NoteSigner peter = Ed25519NoteSigner.fromSignerKey(NoteKeysTest.PETER_SIGNER_KEY);
        assertThat(SignedNote.sign(PETER_TEXT, peter))
                .isEqualTo(PETER_TEXT + "\n" + PETER_SIGNATURE_LINE);
    }

    @Test
    void openReturnsTheTextThatWasSignedIncludingBlankLinesAndNonAsciiText() throws Exception {
        Ed25519NoteSigner signer = generate("quasimodo.example/salvatore", 1);
        // The text of the c2sp.org/signed-note introduction, which holds an empty line of its own:
        // the separator is the last blank line.
        String text =
                "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n";
        Note note = SignedNote.open(SignedNote.sign(text, signer), signer.verifier());
        assertThat(note.text()).isEqualTo(text);
        assertThat(note.isSignedBy(signer.verifier())).isTrue();

        for (String edge : new String[] {"\n", "\n\n", "a\n\n\n", "emoji 🌶️ and DEL \u007f\n"}) {
            assertThat(SignedNote.open(SignedNote.sign(edge, signer), signer.verifier()).text())
                    .isEqualTo(edge);
        }
    }

    @Test
    void signWritesOneLinePerSignerInOrderAndEachVerifies() throws Exception {
        Ed25519NoteSigner log = generate("ledger.example/log", 2);
        Ed25519NoteSigner witness = generate("witness.example", 3);
        String signed = SignedNote.sign("ledger.example/log\n0\nAAAA\n", log, witness);
        String[] lines = signed.split("\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[3]).isEmpty();
        assertThat(lines[4]).startsWith("\u2014 ledger.example/log ");
        assertThat(lines[5]).startsWith("\u2014 witness.example ");

        Note note = SignedNote.open(signed, witness.verifier(), log.verifier());
        assertThat(note.verifiedSignatures())
                .extracting(NoteSignature::keyName)
                .containsExactly("ledger.example/log", "witness.example");
        assertThat(SignedNote.open(signed, witness.verifier()).unverifiedSignatures())
                .extracting(NoteSignature::keyLabel)
                .containsExactly(log.name() + "+" + String.format("%08x", log.keyId()));
    }

    @Test
    void opensAtLeastSixteenSignaturesAsTheSpecRequires() throws Exception {
        Ed25519NoteSigner[] signers = new Ed25519NoteSigner[16];
        for (int i = 0; i < signers.length; i++) {
            signers[i] = generate("witness" + i + ".example", 100 + i);
        }
        String signed = SignedNote.sign("sixteen\n", signers);
        NoteVerifier[] verifiers =
                Arrays.stream(signers).map(Ed25519NoteSigner::verifier).toArray(NoteVerifier[]::new);
        assertThat(SignedNote.open(signed, verifiers).verifiedSignatures()).hasSize(16);
    }

    @Test
    void rejectsMoreThanOneHundredSignatureLinesWhetherTheKeysAreKnownOrNot() throws Exception {
        String hundred = PETER_TEXT + "\n" + PETER_SIGNATURE_LINE.repeat(100);
        assertThat(SignedNote.open(hundred, PETER).verifiedSignatures()).hasSize(1);

        String hundredAndOne = PETER_TEXT + "\n" + PETER_SIGNATURE_LINE.repeat(101);
        for (NoteVerifier[] known : List.of(new NoteVerifier[] {PETER}, new NoteVerifier[0])) {
            NoteVerificationException e =
                    catchThrowableOfType(
                            NoteVerificationException.class, () -> SignedNote.open(hundredAndOne, known));
            assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_SIGNATURES);
            assertThat(e.expected()).isEqualTo("100");
            assertThat(e.found()).isEqualTo("101");
            assertThat(e).hasMessage("couldn't open note: got 101 signatures, want at most 100");
        }
    }

    @Test
    void invalidSignatureNamesTheKeyAndCarriesTheSignatureFound() {
        String flipped =
                PETER_TEXT
                        + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FBYC2pZSNXg"
                        + "KvqfqdngotpRZb6KE6RyyBwJnAM=\n";
        NoteVerificationException e =
                catchThrowableOfType(
                        NoteVerificationException.class, () -> SignedNote.open(flipped, PETER));
        assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE);
        assertThat(e).hasMessage("couldn't open note: invalid signature for key PeterNeumann+c74f20a3");
        assertThat(e.found()).startsWith("x08go/");
    }

    @Test
    void noKnownSignatureListsTheKeysFoundAndTheKeysWanted() {
        String signed = PETER_TEXT + "\n" + PETER_SIGNATURE_LINE;
        NoteVerifier enoch =
                NoteVerifier.parse("EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop");
        NoteVerificationException e =
                catchThrowableOfType(
                        NoteVerificationException.class, () -> SignedNote.open(signed, enoch));
        assertThat(e.reason()).isEqualTo(Reason.NO_KNOWN_SIGNATURE);
        assertThat(e)
                .hasMessage(
                        "couldn't open note: no known signature: got signatures by [PeterNeumann+c74f20a3],"
                                + " want one by [EnochRoot+af0cfe78]");
    }

    @Test
    void theSameKnownKeyListedTwiceIsNotAmbiguous() throws Exception {
        String signed = PETER_TEXT + "\n" + PETER_SIGNATURE_LINE;
        assertThat(SignedNote.open(signed, PETER, NoteVerifier.parse(PETER.verifierKey())).text())
                .isEqualTo(PETER_TEXT);
    }

    @Test
    void opensTheSameNoteFromAStringAndFromItsUtf8Bytes() throws Exception {
        String signed = PETER_TEXT + "\n" + PETER_SIGNATURE_LINE;
        assertThat(SignedNote.open(signed.getBytes(StandardCharsets.UTF_8), PETER).text())
                .isEqualTo(SignedNote.open(signed, PETER).text());
    }

    @Test
    void rejectsAStringNoteHoldingAnUnpairedSurrogateWhichIsNotUtf8() {
        String signed = "lone \ud800 surrogate\n\n" + PETER_SIGNATURE_LINE;
        NoteVerificationException e =
                catchThrowableOfType(NoteVerificationException.class, () -> SignedNote.open(signed, PETER));
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_NOTE);
        assertThat(e).hasMessageContaining("U+D800 at offset 5");
    }

    @Test
    void signRequiresTextEndingInNewlineWithoutControlCharactersAndDistinctSigners() {
        Ed25519NoteSigner peter = Ed25519NoteSigner.fromSignerKey(NoteKeysTest.PETER_SIGNER_KEY);
        assertThatThrownBy(() -> SignedNote.sign("abc", peter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires note text ending in a newline");
        assertThatThrownBy(() -> SignedNote.sign("a\tb\n", peter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0009 at offset 1");
        assertThatThrownBy(() -> SignedNote.sign("a\r\n", peter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requires note text with no control character");
        assertThatThrownBy(() -> SignedNote.sign("\udc00\n", peter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requires note text");
        assertThatThrownBy(() -> SignedNote.sign("abc\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires at least one signer");
        assertThatThrownBy(() -> SignedNote.sign("abc\n", peter, peter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires distinct signers: got PeterNeumann+c74f20a3 twice");
    }

    @Test
    void signedNotesOfRandomTextsOpenUnderTheirKeysAndFailUnderOthers() throws Exception {
        Ed25519NoteSigner signer = generate("random.example", 7);
        Ed25519NoteSigner other = generate("random.example", 8);
        Random random = new Random(99L);
        for (int n = 0; n < 100; n++) {
            String text = randomText(random);
            String signed = SignedNote.sign(text, signer);
            assertThat(SignedNote.open(signed, signer.verifier()).text()).isEqualTo(text);
            assertThatThrownBy(() -> SignedNote.open(signed, other.verifier()))
                    .isInstanceOf(NoteVerificationException.class);
        }
    }

    /** A random text of printable characters, newlines (some doubled) and non-ASCII letters. */
    private static String randomText(Random random) {
        String alphabet = "abcxyz 0129+/=—éß€\n\n";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.append('\n').toString();
    }

    static Ed25519NoteSigner generate(String name, long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return Ed25519NoteSigner.generate(name, random);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void notesKeepUnknownSignaturesWithoutRepeatsInOrder() throws Exception {
        Ed25519NoteSigner a = generate("a.example", 11);
        Ed25519NoteSigner b = generate("b.example", 12);
        String signed = SignedNote.sign("text\n", a, b);
        String[] parts = signed.split("\n");
        List<String> lines = new ArrayList<>(List.of(parts));
        String doubled = String.join("\n", lines) + "\n" + lines.get(3) + "\n";
        Note note = SignedNote.open(doubled, b.verifier());
        assertThat(note.unverifiedSignatures()).extracting(NoteSignature::keyName)
                .containsExactly("a.example");
        assertThat(note.verifiedSignatures()).extracting(NoteSignature::keyName)
                .containsExactly("b.example");
    }
}
