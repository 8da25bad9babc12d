package uk.gov.accessledger.logformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.merkle.ProofVerificationException;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

class ReceiptNoteTest {

    private static final String ORIGIN = "ledger.example/log";
    private static final Ed25519NoteSigner LOG = SignedNoteTest.generate(ORIGIN, 31);
    private static final Rfc6962Hasher H = Rfc6962Hasher.DEFAULT;
    private static final String RECORDED_AT = "2026-12-02T10:00:00.000Z";

    /** Entry n (1 to 9): id ending in n, leaf hash of 32 bytes 0xnn. */
    private static byte[] line(int n) {
        return ReceiptNote.line(UUID.fromString("00000000-0000-4000-8000-00000000000" + n),
                HexFormat.of().parseHex((n + "" + n).repeat(32)), RECORDED_AT);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    @Test
    void signsThreeEntriesOnceOverTheRootAnIndependentHasherGives() throws Exception {
        // Computed with Python's hashlib from RFC 6962's definitions (leaf = SHA-256(0x00 || line),
        // node = SHA-256(0x01 || left || right)) over the three lines of line(1), line(2), line(3).
        String root = "WEHNDuSXKcoLGiCNjHcLoTg15qAusGE1ps8wXHq5xFc=";
        String leaf2 = "ffFpN4rkvPZV186QQ2LYMcFGkgwolShVXUeNsBwzd44=";
        String leaf3 = "JUGfy7ZuhEzfbFdB86ZeIpzrsQFiR7s9ROviHTQAi/E=";
        String node01 = "TzI0JRjc32mo4Qe6c+32g8LlB6DrN77/UxPJuwKR2IQ=";

        List<ReceiptNote.Issued> issued = ReceiptNote.issue(ORIGIN, List.of(line(1), line(2), line(3)), LOG, H);

        assertThat(issued).extracting(ReceiptNote.Issued::signedNote).containsOnly(issued.get(0).signedNote());
        assertThat(issued.get(0).signedNote())
                .startsWith("access-ledger/receipt/v2\n" + ORIGIN + "\n3\n" + root + "\n\n\u2014 " + ORIGIN + " ");
        assertThat(base64(issued.get(0).proof())).containsExactly(leaf2, leaf3);
        assertThat(base64(issued.get(2).proof())).containsExactly(node01);
        for (int i = 0; i < 3; i++) {
            assertThat(issued.get(i).index()).isEqualTo(i);
            ReceiptNote receipt = ReceiptNote.verify(issued.get(i).signedNote(), LOG.verifier(), line(i + 1), i,
                    issued.get(i).proof(), Rfc6962Hasher.JDK);
            assertThat(receipt.size()).isEqualTo(3);
        }
    }

    @Test
    void everyShareOfReceiptsOfOneToNineEntriesVerifies() throws Exception {
        for (int n = 1; n <= 9; n++) {
            List<byte[]> lines = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                lines.add(line(i));
            }
            List<ReceiptNote.Issued> issued = ReceiptNote.issue(ORIGIN, lines, LOG, H);
            assertThat(issued).hasSize(n);
            for (int i = 0; i < n; i++) {
                ReceiptNote.verify(issued.get(i).signedNote(), LOG.verifier(), lines.get(i), i,
                        issued.get(i).proof(), Rfc6962Hasher.JDK);
            }
        }
        // One entry: the root is its line's leaf hash and the proof is empty.
        ReceiptNote.Issued alone = ReceiptNote.issue(ORIGIN, List.of(line(5)), LOG, H).get(0);
        assertThat(alone.proof()).isEmpty();
        assertThat(ReceiptNote.parse(SignedNote.open(alone.signedNote(), LOG.verifier()).text()).rootHash())
                .isEqualTo(H.hashLeaf(line(5)));
    }

    @Test
    void rejectsAnotherEntryAnotherIndexAndAnAlteredProof() {
        List<ReceiptNote.Issued> issued = ReceiptNote.issue(ORIGIN, List.of(line(1), line(2), line(3)), LOG, H);
        ReceiptNote.Issued first = issued.get(0);
        byte[] otherTime = ReceiptNote.line(UUID.fromString("00000000-0000-4000-8000-000000000001"),
                HexFormat.of().parseHex("11".repeat(32)), "2026-12-02T10:00:00.001Z");

        assertThatThrownBy(() -> ReceiptNote.verify(first.signedNote(), LOG.verifier(), line(4), 0, first.proof(), H))
                .describedAs("an entry the receipt does not cover").isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> ReceiptNote.verify(first.signedNote(), LOG.verifier(), otherTime, 0, first.proof(), H))
                .describedAs("the same id recorded at another time").isInstanceOf(ProofVerificationException.class);
        assertThatThrownBy(() -> ReceiptNote.verify(first.signedNote(), LOG.verifier(), line(1), 1, first.proof(), H))
                .describedAs("the wrong index").isInstanceOf(ProofVerificationException.class);
        List<byte[]> altered = new ArrayList<>(first.proof());
        altered.set(1, new byte[32]);
        assertThatThrownBy(() -> ReceiptNote.verify(first.signedNote(), LOG.verifier(), line(1), 0, altered, H))
                .describedAs("an altered proof hash").isInstanceOf(ProofVerificationException.class);
    }

    @Test
    void rejectsAReceiptOfAnotherKeyAndACheckpointSignedByTheLog() {
        ReceiptNote.Issued byOther = ReceiptNote.issue(ORIGIN, List.of(line(1)),
                SignedNoteTest.generate(ORIGIN, 32), H).get(0);
        assertThatThrownBy(() -> ReceiptNote.verify(byOther.signedNote(), LOG.verifier(), line(1), 0, List.of(), H))
                .isInstanceOfSatisfying(NoteVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteVerificationException.Reason.NO_KNOWN_SIGNATURE));

        String checkpoint = SignedNote.sign(new Checkpoint(ORIGIN, 1, H.hashLeaf(line(1))).toNoteText(), LOG);
        assertThatThrownBy(() -> ReceiptNote.verify(checkpoint, LOG.verifier(), line(1), 0, List.of(), H))
                .isInstanceOfSatisfying(NoteVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteVerificationException.Reason.MALFORMED_RECEIPT));

        Ed25519NoteSigner elsewhere = SignedNoteTest.generate("elsewhere.example/log", 33);
        String foreign = SignedNote.sign(new ReceiptNote(ORIGIN, 1, H.hashLeaf(line(1))).toNoteText(), elsewhere);
        assertThatThrownBy(() -> ReceiptNote.verify(foreign, elsewhere.verifier(), line(1), 0, List.of(), H))
                .isInstanceOfSatisfying(NoteVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(NoteVerificationException.Reason.ORIGIN_MISMATCH));
    }

    @Test
    void parsesOnlyTheTextItWrites() {
        String root = Base64.getEncoder().encodeToString(new byte[32]);
        ReceiptNote note = ReceiptNote.parse("access-ledger/receipt/v2\n" + ORIGIN + "\n7\n" + root + "\n");
        assertThat(note.size()).isEqualTo(7);
        assertThat(note.toNoteText()).isEqualTo("access-ledger/receipt/v2\n" + ORIGIN + "\n7\n" + root + "\n");

        record Bad(String description, String text, String problem) {
        }
        for (Bad bad : List.of(
                new Bad("no header", ORIGIN + "\n7\n" + root + "\n", "doesn't start with the line"),
                new Bad("the first version's header", "access-ledger/receipt/v1\n" + ORIGIN + "\n7\n" + root + "\n",
                        "doesn't start with the line"),
                new Bad("no entries", "access-ledger/receipt/v2\n" + ORIGIN + "\n0\n" + root + "\n", "size 0"),
                new Bad("an extension line", "access-ledger/receipt/v2\n" + ORIGIN + "\n7\n" + root + "\nmore\n",
                        "1 extension lines"),
                new Bad("a leading zero", "access-ledger/receipt/v2\n" + ORIGIN + "\n07\n" + root + "\n",
                        "leading zero"),
                new Bad("a short root", "access-ledger/receipt/v2\n" + ORIGIN + "\n7\nAAAA\n", "3 bytes"))) {
            assertThatThrownBy(() -> ReceiptNote.parse(bad.text())).describedAs(bad.description())
                    .isInstanceOf(LogFormatException.class)
                    .hasMessageStartingWith("couldn't parse receipt: ")
                    .hasMessageContaining(bad.problem());
        }
    }
}
