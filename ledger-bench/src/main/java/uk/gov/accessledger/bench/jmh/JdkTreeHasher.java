package uk.gov.accessledger.bench.jmh;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RFC 6962 tree hash (leaf {@code SHA-256(0x00 || data)}, node
 * {@code SHA-256(0x01 || left || right)}) computed with the JDK's {@link MessageDigest}, which
 * HotSpot backs with the CPU's SHA extensions where present. It is the baseline that ledger-format's
 * BouncyCastle hasher is measured against, and builds big trees fast; the ledger itself never
 * uses it.
 *
 * <p>Not thread-safe: it keeps one digest; use one instance per thread.
 */
final class JdkTreeHasher {

    static final byte RFC6962_LEAF_PREFIX = 0x00;
    static final byte RFC6962_NODE_PREFIX = 0x01;
    static final int HASH_SIZE = 32;

    private final MessageDigest digest;

    JdkTreeHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("couldn't find SHA-256 in the JDK", e);
        }
    }

    /** Which implementation the JDK chose, for the report. */
    String provider() {
        return digest.getProvider().getName() + " " + digest.getClass().getSimpleName();
    }

    byte[] hashLeaf(byte[] data) {
        digest.update(RFC6962_LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    byte[] hashChildren(byte[] left, byte[] right) {
        digest.update(RFC6962_NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /**
     * Writes the hash of the node whose children sit at {@code children[offset, offset + 64)}
     * into {@code out[outOffset, outOffset + 32)}, without allocating.
     */
    void hashChildren(byte[] children, int offset, byte[] out, int outOffset) {
        digest.update(RFC6962_NODE_PREFIX);
        digest.update(children, offset, 2 * HASH_SIZE);
        finish(out, outOffset);
    }

    /** Writes the leaf hash of {@code data} into {@code out[outOffset, outOffset + 32)}. */
    void hashLeaf(byte[] data, int offset, int length, byte[] out, int outOffset) {
        digest.update(RFC6962_LEAF_PREFIX);
        digest.update(data, offset, length);
        finish(out, outOffset);
    }

    private void finish(byte[] out, int outOffset) {
        try {
            digest.digest(out, outOffset, HASH_SIZE);
        } catch (DigestException e) {
            throw new IllegalStateException("couldn't finish SHA-256: " + e.getMessage(), e);
        }
    }
}
