package uk.gov.accessledger.logformat;

import java.util.Objects;

/**
 * Thrown when a signed note, or a checkpoint carried in one, cannot be trusted: it is malformed,
 * a known key's signature on it is invalid, or no known key signed it.
 *
 * <p>It carries a {@link Reason} to switch on and, where there is one, what was expected and
 * what was found.
 */
public final class NoteVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a note was rejected. */
    public enum Reason {
        /** The note breaks the c2sp.org/signed-note syntax. */
        MALFORMED_NOTE,
        /** The note has more than {@link SignedNote#MAX_SIGNATURES} signature lines. */
        TOO_MANY_SIGNATURES,
        /** Two different known keys share the signature's key name and key ID. */
        AMBIGUOUS_KEY,
        /** A signature by a known key does not verify; the whole note is rejected. */
        INVALID_SIGNATURE,
        /** No signature by a known key is on the note. */
        NO_KNOWN_SIGNATURE,
        /** The verified note text is not a c2sp.org/tlog-checkpoint. */
        MALFORMED_CHECKPOINT,
        /** The verified note text is not an access-ledger receipt ({@link ReceiptNote}). */
        MALFORMED_RECEIPT,
        /** The checkpoint's origin is not the origin of the log whose key verified it. */
        ORIGIN_MISMATCH
    }

    private final Reason reason;
    private final String expected;
    private final String found;

    NoteVerificationException(Reason reason, String message, String expected, String found) {
        this(reason, message, expected, found, null);
    }

    NoteVerificationException(
            Reason reason, String message, String expected, String found, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
        this.expected = expected;
        this.found = found;
    }

    /** Why the note was rejected. */
    public Reason reason() {
        return reason;
    }

    /** What was expected, or {@code null} where the reason needs no comparison. */
    public String expected() {
        return expected;
    }

    /** What was found, or {@code null} where the reason needs no comparison. */
    public String found() {
        return found;
    }
}
