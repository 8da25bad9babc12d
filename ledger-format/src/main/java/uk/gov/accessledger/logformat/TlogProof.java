package uk.gov.accessledger.logformat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A c2sp.org/tlog-proof@v1: an offline-verifiable proof that an entry is in a log, made of the
 * entry's index, its RFC 6962 inclusion proof, and the signed checkpoint the proof leads to.
 *
 * <pre>
 * c2sp.org/tlog-proof@v1
 * [extra &lt;base64 of opaque extra data&gt;]
 * index &lt;entry index, decimal, no leading zeros&gt;
 * [&lt;base64 of a 32-byte hash&gt; ...]    (leaf's sibling first, root's child last)
 *
 * &lt;the signed checkpoint note, verbatim&gt;
 * </pre>
 *
 * <p>Parsing checks the syntax only. {@link #openCheckpoint} verifies the checkpoint; checking
 * the inclusion proof against its root hash is the Merkle package's work. The extra data is not
 * authenticated and must not be trusted.
 *
 * @param index the zero-based index of the entry in the log
 * @param inclusionProof the inclusion proof hashes, 32 bytes each, at most 63
 * @param signedCheckpoint the checkpoint note with its signatures, ending in a newline
 * @param extra the opaque extra data; empty when the proof has no {@code extra} line
 */
public record TlogProof(
        long index, List<byte[]> inclusionProof, String signedCheckpoint, byte[] extra) {

    /** The first line of every proof. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    /**
     * The most inclusion proof hashes: a tree of at most 2^63 - 1 leaves is at most 63 levels
     * deep.
     */
    public static final int MAX_PROOF_HASHES = 63;

    /** Proofs should be stored in files with this extension. */
    public static final String FILE_EXTENSION = ".tlog-proof";

    static final String EXTRA_PREFIX = "extra ";
    static final String INDEX_PREFIX = "index ";

    private static final String FORMAT = "tlog-proof";

    /**
     * @throws IllegalArgumentException unless {@code index >= 0}, there are at most 63 proof
     *     hashes of 32 bytes each, and {@code signedCheckpoint} is non-empty and ends in a newline
     */
    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("requires index >= 0: got " + index);
        }
        if (inclusionProof.size() > MAX_PROOF_HASHES) {
            throw new IllegalArgumentException(
                    "requires at most " + MAX_PROOF_HASHES + " proof hashes: got " + inclusionProof.size());
        }
        List<byte[]> copies = new ArrayList<>(inclusionProof.size());
        for (byte[] hash : inclusionProof) {
            if (hash.length != Checkpoint.HASH_SIZE) {
                throw new IllegalArgumentException(
                        "requires " + Checkpoint.HASH_SIZE + "-byte proof hashes: got " + hash.length);
            }
            copies.add(hash.clone());
        }
        inclusionProof = List.copyOf(copies);
        if (signedCheckpoint.isEmpty() || !signedCheckpoint.endsWith("\n")) {
            throw new IllegalArgumentException(
                    "requires a signed checkpoint ending in a newline");
        }
        extra = extra.clone();
    }

    /** Creates a proof with no extra data. */
    public TlogProof(long index, List<byte[]> inclusionProof, String signedCheckpoint) {
        this(index, inclusionProof, signedCheckpoint, new byte[0]);
    }

    /** The inclusion proof hashes, copied. */
    @Override
    public List<byte[]> inclusionProof() {
        return inclusionProof.stream().map(byte[]::clone).toList();
    }

    /** The opaque, unauthenticated extra data, copied; empty when there is none. */
    @Override
    public byte[] extra() {
        return extra.clone();
    }

    /** The proof text, to be stored in a {@value #FILE_EXTENSION} file. */
    public String toText() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        if (extra.length > 0) {
            text.append(EXTRA_PREFIX).append(StrictBase64.encode(extra)).append('\n');
        }
        text.append(INDEX_PREFIX).append(index).append('\n');
        for (byte[] hash : inclusionProof) {
            text.append(StrictBase64.encode(hash)).append('\n');
        }
        return text.append('\n').append(signedCheckpoint).toString();
    }

    /**
     * Parses proof text.
     *
     * @throws LogFormatException if the header is not {@value #HEADER}; an {@code extra} line is
     *     not canonical padded base64 of at least one byte (with no extra data the spec says the
     *     line is omitted); the {@code index} line is missing or not canonical decimal; a proof
     *     line is not canonical base64 of 32 bytes; there are more than 63 of them; or there is no
     *     empty line followed by a checkpoint ending in a newline
     */
    public static TlogProof parse(String text) {
        int position = 0;
        String header = lineAt(text, position, "header line");
        if (!header.equals(HEADER)) {
            throw new LogFormatException(
                    FORMAT, "got header \"" + header + "\", want \"" + HEADER + "\"");
        }
        position += header.length() + 1;

        byte[] extra = new byte[0];
        String line = lineAt(text, position, "index line");
        if (line.startsWith(EXTRA_PREFIX)) {
            extra = StrictBase64.decodeOrNull(line.substring(EXTRA_PREFIX.length()));
            if (extra == null || extra.length == 0) {
                throw new LogFormatException(
                        FORMAT, "extra line isn't non-empty standard padded base64: got \"" + line + "\"");
            }
            position += line.length() + 1;
            line = lineAt(text, position, "index line");
        }

        if (!line.startsWith(INDEX_PREFIX)) {
            throw new LogFormatException(
                    FORMAT, "got \"" + line + "\", want \"" + INDEX_PREFIX + "<decimal>\"");
        }
        long index = parseIndex(line.substring(INDEX_PREFIX.length()));
        position += line.length() + 1;

        List<byte[]> proof = new ArrayList<>();
        while (!(line = lineAt(text, position, "empty line before the checkpoint")).isEmpty()) {
            if (proof.size() == MAX_PROOF_HASHES) {
                throw new LogFormatException(
                        FORMAT, "got more than " + MAX_PROOF_HASHES + " proof hashes");
            }
            byte[] hash = StrictBase64.decodeOrNull(line);
            if (hash == null || hash.length != Checkpoint.HASH_SIZE) {
                throw new LogFormatException(
                        FORMAT,
                        "proof line " + (proof.size() + 1)
                                + " isn't standard padded base64 of a 32-byte hash: got \"" + line + "\"");
            }
            proof.add(hash);
            position += line.length() + 1;
        }
        position += 1;

        String signedCheckpoint = text.substring(position);
        if (signedCheckpoint.isEmpty() || !signedCheckpoint.endsWith("\n")) {
            throw new LogFormatException(
                    FORMAT, "no signed checkpoint ending in a newline after the empty line");
        }
        return new TlogProof(index, proof, signedCheckpoint, extra);
    }

    /** The line starting at {@code position}, without its newline; it must have one. */
    private static String lineAt(String text, int position, String expected) {
        int newline = text.indexOf('\n', position);
        if (newline < 0) {
            throw new LogFormatException(FORMAT, "ended before the " + expected);
        }
        return text.substring(position, newline);
    }

    private static long parseIndex(String digits) {
        boolean decimal =
                !digits.isEmpty()
                        && digits.chars().allMatch(c -> c >= '0' && c <= '9')
                        && (digits.length() == 1 || digits.charAt(0) != '0');
        if (!decimal) {
            throw new LogFormatException(
                    FORMAT, "index isn't a decimal with no leading zeros: got \"" + digits + "\"");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new LogFormatException(FORMAT, "index is larger than " + Long.MAX_VALUE);
        }
    }

    /**
     * Opens the embedded checkpoint with the log's key, as {@link Checkpoint#open} does. The proof
     * is only good if, in addition, the inclusion proof leads from the entry's leaf hash at {@link
     * #index} to this checkpoint's root hash.
     *
     * @throws NoteVerificationException if the checkpoint does not verify under {@code logKey}
     */
    public Checkpoint openCheckpoint(NoteVerifier logKey) throws NoteVerificationException {
        return Checkpoint.open(signedCheckpoint, logKey);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TlogProof other)
                || index != other.index
                || !signedCheckpoint.equals(other.signedCheckpoint)
                || !Arrays.equals(extra, other.extra)
                || inclusionProof.size() != other.inclusionProof.size()) {
            return false;
        }
        for (int i = 0; i < inclusionProof.size(); i++) {
            if (!Arrays.equals(inclusionProof.get(i), other.inclusionProof.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(index, signedCheckpoint, Arrays.hashCode(extra));
        for (byte[] proofHash : inclusionProof) {
            hash = 31 * hash + Arrays.hashCode(proofHash);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "TlogProof[index=" + index + ", inclusionProof="
                + inclusionProof.stream().map(StrictBase64::encode).toList() + ", extra="
                + StrictBase64.encode(extra) + ", signedCheckpoint="
                + signedCheckpoint.replace("\n", "\\n") + "]";
    }
}
