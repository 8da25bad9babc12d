package uk.gov.accessledger.logformat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import uk.gov.accessledger.logformat.NoteVerificationException.Reason;

/**
 * A c2sp.org/tlog-checkpoint: the note text that commits a log to its RFC 6962 Merkle tree at one
 * size.
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;base64 of the 32-byte root hash&gt;
 * [&lt;extension line&gt; ...]
 * </pre>
 *
 * Every line, the last included, ends in a newline. The parser is as strict as sunlight's
 * (filippo.io/torchwood {@code ParseCheckpoint}): it accepts only the text that {@link
 * #toNoteText} would write, so a checkpoint has exactly one spelling.
 *
 * @param origin the log's identity; non-empty, one line
 * @param size the number of leaves in the tree; at least 0
 * @param rootHash the RFC 6962 root hash at {@code size}; 32 bytes
 * @param extensions the optional extension lines, each non-empty, without their newlines; the
 *     spec advises against them as monitors can't audit them
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    /** The length of a SHA-256 root hash. */
    public static final int HASH_SIZE = 32;

    private static final String FORMAT = "checkpoint";

    /**
     * @throws IllegalArgumentException unless {@code origin} is non-empty, {@code size >= 0},
     *     {@code rootHash} is 32 bytes, every extension is non-empty, and neither origin nor
     *     extensions hold a newline, another control character or an unpaired surrogate
     */
    public Checkpoint {
        requireLine("origin", origin);
        if (size < 0) {
            throw new IllegalArgumentException("requires size >= 0: got " + size);
        }
        if (rootHash.length != HASH_SIZE) {
            throw new IllegalArgumentException(
                    "requires a " + HASH_SIZE + "-byte root hash: got " + rootHash.length);
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            requireLine("extension line", extension);
        }
    }

    /** Creates a checkpoint with no extension lines. */
    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    private static void requireLine(String what, String line) {
        if (line.isEmpty() || line.indexOf('\n') >= 0 || NoteCharacters.indexOfForbidden(line) >= 0) {
            throw new IllegalArgumentException(
                    "requires a non-empty " + what + " with no control characters: got \"" + line + "\"");
        }
    }

    /** The 32-byte root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size, base64 root hash and extension lines, each ending in newline. */
    public String toNoteText() {
        StringBuilder text =
                new StringBuilder()
                        .append(origin)
                        .append('\n')
                        .append(size)
                        .append('\n')
                        .append(StrictBase64.encode(rootHash))
                        .append('\n');
        for (String extension : extensions) {
            text.append(extension).append('\n');
        }
        return text.toString();
    }

    /** Signs this checkpoint's note text; the log's key name should be the origin. */
    public String sign(Ed25519NoteSigner... signers) {
        return SignedNote.sign(toNoteText(), signers);
    }

    /**
     * Parses checkpoint note text, as found in {@link Note#text()}.
     *
     * @throws LogFormatException if the text does not end in a newline, has fewer than three
     *     lines, an empty origin, a size that is not canonical decimal (no sign, no leading zeros,
     *     at most {@link Long#MAX_VALUE}), a root hash that is not canonical padded base64 of 32
     *     bytes, or an empty extension line
     */
    public static Checkpoint parse(String noteText) {
        if (!noteText.endsWith("\n")) {
            throw new LogFormatException(FORMAT, "text doesn't end in a newline");
        }
        String[] lines = noteText.substring(0, noteText.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new LogFormatException(FORMAT, "got " + lines.length + " lines, want at least 3");
        }
        String origin = lines[0];
        if (origin.isEmpty()) {
            throw new LogFormatException(FORMAT, "origin line is empty");
        }
        int forbidden = NoteCharacters.indexOfForbidden(noteText);
        if (forbidden >= 0) {
            throw new LogFormatException(
                    FORMAT, "control character " + NoteCharacters.describe(noteText, forbidden));
        }
        long size = parseSize(lines[1]);
        byte[] rootHash = StrictBase64.decodeOrNull(lines[2]);
        if (rootHash == null) {
            throw new LogFormatException(
                    FORMAT, "root hash isn't standard padded base64: got \"" + lines[2] + "\"");
        }
        if (rootHash.length != HASH_SIZE) {
            throw new LogFormatException(
                    FORMAT, "got a root hash of " + rootHash.length + " bytes, want " + HASH_SIZE);
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new LogFormatException(FORMAT, "extension line " + (i - 2) + " is empty");
            }
            extensions.add(lines[i]);
        }
        return new Checkpoint(origin, size, rootHash, extensions);
    }

    private static long parseSize(String line) {
        if (line.isEmpty() || !line.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new LogFormatException(
                    FORMAT, "tree size isn't an unsigned decimal: got \"" + line + "\"");
        }
        if (line.length() > 1 && line.charAt(0) == '0') {
            throw new LogFormatException(FORMAT, "tree size has a leading zero: got \"" + line + "\"");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new LogFormatException(
                    FORMAT, "tree size is larger than " + Long.MAX_VALUE + ": got \"" + line + "\"");
        }
    }

    /**
     * Opens a signed checkpoint published by the log whose key is {@code logKey}: the log's
     * signature must verify (other signatures, such as witness cosignatures, are ignored), the
     * text must be a checkpoint, and its origin must be the log key's name, as tlog-checkpoint
     * says the log's key name should be and as this ledger's logs always do.
     *
     * @throws NoteVerificationException if the note does not verify under {@code logKey} (see
     *     {@link SignedNote#open(String, NoteVerifier...)}), the text is not a checkpoint ({@link
     *     Reason#MALFORMED_CHECKPOINT}) or the origin is not {@code logKey.name()} ({@link
     *     Reason#ORIGIN_MISMATCH})
     */
    public static Checkpoint open(String signedCheckpoint, NoteVerifier logKey)
            throws NoteVerificationException {
        Note note = SignedNote.open(signedCheckpoint, logKey);
        Checkpoint checkpoint;
        try {
            checkpoint = parse(note.text());
        } catch (LogFormatException e) {
            throw new NoteVerificationException(
                    Reason.MALFORMED_CHECKPOINT,
                    "couldn't open checkpoint: " + e.getMessage(),
                    null,
                    note.text(),
                    e);
        }
        if (!checkpoint.origin().equals(logKey.name())) {
            throw new NoteVerificationException(
                    Reason.ORIGIN_MISMATCH,
                    "couldn't open checkpoint: got origin \"" + checkpoint.origin() + "\", want \""
                            + logKey.name() + "\"",
                    logKey.name(),
                    checkpoint.origin());
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint other
                && origin.equals(other.origin)
                && size == other.size
                && Arrays.equals(rootHash, other.rootHash)
                && extensions.equals(other.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", size=" + size + ", rootHash="
                + StrictBase64.encode(rootHash) + ", extensions=" + extensions + "]";
    }
}
