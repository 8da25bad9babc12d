package uk.gov.accessledger.contentseal;

/**
 * Sealed content could not be opened: it is shorter than a nonce and a tag, or AES-GCM's
 * authentication failed because the data key is not the one that sealed it, the content was
 * sealed for another entry, or its bytes were altered. No plaintext is ever returned with it.
 */
public final class SealedContentException extends Exception {

    private static final long serialVersionUID = 1L;

    SealedContentException(String message) {
        super(message);
    }
}
