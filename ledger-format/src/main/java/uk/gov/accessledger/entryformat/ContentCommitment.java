package uk.gov.accessledger.entryformat;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The commitment of a format 2 leaf: {@code c = HMAC-SHA-256(key = r, message = content)}
 * (RFC 2104 with SHA-256; RFC 4231's vectors hold it to the spec), where {@code content} is
 * the RFC 8785 canonical JSON of the personal content and {@code r} 32 random bytes.
 *
 * <p>Hiding: without {@code r}, HMAC is a pseudorandom function of the content, so {@code c}
 * says nothing about it. Binding: HMAC pads a key shorter than SHA-256's 64-byte block with
 * zeros, so {@code r} and {@code r || 0x00} would be the same key; with every {@code r} exactly
 * 32 bytes, two openings with one {@code c} give a SHA-256 collision.
 */
final class ContentCommitment {

    /** Bytes in {@code r} and in {@code c}. */
    static final int SIZE = 32;

    private static final String RFC2104_HMAC_SHA256 = "HmacSHA256";

    private ContentCommitment() {
    }

    /** HMAC-SHA-256 of {@code content} under {@code r}; requires {@code r} of exactly 32 bytes. */
    static byte[] commit(byte[] r, byte[] content) {
        if (r.length != SIZE) {
            throw new IllegalArgumentException("requires r of " + SIZE + " bytes: got " + r.length);
        }
        return hmacSha256(r, content);
    }

    /** RFC 2104 HMAC-SHA-256 with a key of any length, for the published vectors and {@link #commit}. */
    static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(RFC2104_HMAC_SHA256);
            mac.init(new SecretKeySpec(key, RFC2104_HMAC_SHA256));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("couldn't compute HMAC-SHA-256, which every JDK has", e);
        }
    }
}
