package uk.gov.accessledger.logformat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import uk.gov.accessledger.logformat.NoteVerificationException.Reason;
import uk.gov.accessledger.merkle.InMemoryTree;
import uk.gov.accessledger.merkle.ProofVerificationException;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The log's receipt for the entries of one request: its promise, signed once for the whole
 * request, to include each of them. The signed note's text is
 *
 * <pre>
 * access-ledger/receipt/v2
 * &lt;origin&gt;
 * &lt;number of entries, decimal&gt;
 * &lt;base64 of the receipt tree's 32-byte RFC 6962 root hash&gt;
 * </pre>
 *
 * The receipt tree's leaves are the entries' receipt lines in request order, each the UTF-8 bytes
 * of {@code <entry id>\n<leaf hash, lowercase hex>\n<recorded-at>\n} hashed as an RFC 6962 leaf.
 * One entry's receipt is the signed note, its index in the tree and its inclusion proof there.
 * After the header, the text is a tlog-checkpoint of the receipt tree; the header is signed with
 * it, so a receipt is never a checkpoint of the log.
 *
 * @param origin the log's origin, the name of the key that signs
 * @param size the number of entries the receipt covers; at least 1
 * @param rootHash the root of the receipt tree
 */
public record ReceiptNote(String origin, long size, byte[] rootHash) {

    public static final String HEADER = "access-ledger/receipt/v2";

    private static final String FORMAT = "receipt";

    /** @throws IllegalArgumentException as {@link Checkpoint}'s constructor, or if {@code size < 1} */
    public ReceiptNote {
        rootHash = new Checkpoint(origin, size, rootHash).rootHash();
        if (size < 1) {
            throw new IllegalArgumentException("requires a receipt of at least one entry: got size " + size);
        }
    }

    /** One entry's share of a signed receipt. */
    public record Issued(String signedNote, int index, List<byte[]> proof) {

        public Issued {
            proof = proof.stream().map(byte[]::clone).toList();
        }

        @Override
        public List<byte[]> proof() {
            return proof.stream().map(byte[]::clone).toList();
        }
    }

    /** The receipt line of one entry, the data of its leaf in the receipt tree. */
    public static byte[] line(UUID entryId, byte[] leafHash, String recordedAt) {
        return (entryId + "\n" + HexFormat.of().formatHex(leafHash) + "\n" + recordedAt + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Signs one receipt over {@code lines} (see {@link #line}) and returns each line's share, in
     * order.
     *
     * @param lines requires at least one
     */
    public static List<Issued> issue(String origin, List<byte[]> lines, Ed25519NoteSigner signer,
                                     Rfc6962Hasher hasher) {
        InMemoryTree tree = InMemoryTree.of(hasher, lines.stream().map(hasher::hashLeaf).toList());
        String signed = SignedNote.sign(new ReceiptNote(origin, tree.size(), tree.root()).toNoteText(), signer);
        List<List<byte[]>> proofs = tree.inclusionProofs();
        List<Issued> issued = new ArrayList<>(tree.size());
        for (int i = 0; i < tree.size(); i++) {
            issued.add(new Issued(signed, i, proofs.get(i)));
        }
        return issued;
    }

    /** The note text: the header line, then the receipt tree as a checkpoint text. */
    public String toNoteText() {
        return HEADER + "\n" + new Checkpoint(origin, size, rootHash).toNoteText();
    }

    /**
     * Parses the note text strictly: only what {@link #toNoteText} writes.
     *
     * @throws LogFormatException if the header is not {@value #HEADER}, the rest is not a
     *     tlog-checkpoint without extension lines, or its size is 0
     */
    public static ReceiptNote parse(String noteText) {
        if (!noteText.startsWith(HEADER + "\n")) {
            throw new LogFormatException(FORMAT, "doesn't start with the line \"" + HEADER + "\"");
        }
        Checkpoint tree;
        try {
            tree = Checkpoint.parse(noteText.substring(HEADER.length() + 1));
        } catch (LogFormatException e) {
            throw new LogFormatException(FORMAT, e.problem());
        }
        if (!tree.extensions().isEmpty() || tree.size() < 1) {
            throw new LogFormatException(FORMAT, "got " + tree.extensions().size() + " extension lines and size "
                    + tree.size() + ", want no extension lines and a size of at least 1");
        }
        return new ReceiptNote(tree.origin(), tree.size(), tree.rootHash());
    }

    /**
     * Verifies one entry's receipt: the note is signed by {@code logKey}, names its origin, and
     * {@code proof} leads from the entry's receipt line at {@code index} to its root.
     *
     * @throws NoteVerificationException if the note does not verify or is not a receipt of that log
     * @throws ProofVerificationException if the entry is not in the receipt
     */
    public static ReceiptNote verify(String signedNote, NoteVerifier logKey, byte[] line, long index,
                                     List<byte[]> proof, Rfc6962Hasher hasher)
            throws NoteVerificationException, ProofVerificationException {
        Note note = SignedNote.open(signedNote, logKey);
        ReceiptNote receipt;
        try {
            receipt = parse(note.text());
        } catch (LogFormatException e) {
            throw new NoteVerificationException(Reason.MALFORMED_RECEIPT, "couldn't open receipt: " + e.getMessage(),
                    null, note.text(), e);
        }
        if (!receipt.origin().equals(logKey.name())) {
            throw new NoteVerificationException(Reason.ORIGIN_MISMATCH, "couldn't open receipt: got origin \""
                    + receipt.origin() + "\", want \"" + logKey.name() + "\"", logKey.name(), receipt.origin());
        }
        ProofVerifier.verifyInclusion(hasher, index, receipt.size(), hasher.hashLeaf(line), proof, receipt.rootHash());
        return receipt;
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }
}
