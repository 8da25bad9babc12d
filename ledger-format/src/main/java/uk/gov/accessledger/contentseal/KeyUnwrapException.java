package uk.gov.accessledger.contentseal;

/**
 * A wrapped data key could not be unwrapped: it names another key-encryption key, its bytes are
 * malformed, or its integrity check failed (it was wrapped under other key material, or altered).
 * Nothing of the data key is returned with it. Implementations of {@link KeyEncryptionKey} backed
 * by a key management service throw it for the service's equivalent refusals.
 */
public final class KeyUnwrapException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message in the form {@code couldn't unwrap data key: <cause>} */
    public KeyUnwrapException(String message) {
        super(message);
    }

    /** @param message in the form {@code couldn't unwrap data key: <cause>} */
    public KeyUnwrapException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The wrapped key names key-encryption key {@code got}, and this one is {@code want}. */
    public static KeyUnwrapException wrongKeyId(String got, String want) {
        return new KeyUnwrapException("couldn't unwrap data key: key-encryption key id mismatch: got " + got
                + ", want " + want);
    }
}
