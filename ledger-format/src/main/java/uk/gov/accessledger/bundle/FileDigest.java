package uk.gov.accessledger.bundle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file's size and SHA-256 as {@code manifest.json} lists them.
 *
 * @param bytes the file's length in bytes
 * @param sha256 its SHA-256, 64 lowercase hex digits
 */
record FileDigest(long bytes, String sha256) {

    static FileDigest of(byte[] content) {
        return new FileDigest(content.length, HexFormat.of().formatHex(newSha256().digest(content)));
    }

    /** A new SHA-256 digest; every Java platform has one (MessageDigest's javadoc requires it). */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("couldn't get SHA-256: " + e.getMessage(), e);
        }
    }
}
