package uk.gov.accessledger.api.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The idempotency fingerprint of a request: SHA-256 of its RFC 8785 canonical bytes. */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static byte[] of(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
