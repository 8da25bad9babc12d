package uk.gov.accessledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The Merkle tree hash of RFC 6962 section 2.1 with SHA-256: {@code MTH({}) = SHA-256()},
 * leaf hash {@code SHA-256(0x00 || data)} and interior node hash
 * {@code SHA-256(0x01 || left || right)}. The distinct prefixes give second-preimage resistance
 * between leaves and interior nodes.
 *
 * <p>Two instances compute the same function with different SHA-256 implementations.
 * {@link #DEFAULT} uses BouncyCastle's, as the ledger's chain and log hashes must.
 * {@link #JDK} uses the JDK's, which HotSpot runs on the CPU's SHA instructions where there are
 * some: the verifiers use it (BouncyCastle's pure-Java SHA-256 is too slow for the
 * offline-verification target of docs/design.md), and a verifier whose SHA-256 is not the
 * writer's checks the writer rather than agreeing with it. Tests hold both to the RFC 6962 vectors and to each other.
 *
 * <p>Thread-safe: BouncyCastle digests are made per call, JDK digests kept one per thread.
 */
public final class Rfc6962Hasher {

    /** Domain-separation prefix of a leaf hash (RFC 6962 section 2.1). */
    public static final byte RFC6962_LEAF_PREFIX = 0x00;

    /** Domain-separation prefix of an interior node hash (RFC 6962 section 2.1). */
    public static final byte RFC6962_NODE_PREFIX = 0x01;

    /** Size in bytes of every hash this hasher produces (SHA-256). */
    public static final int HASH_SIZE = 32;

    /** With BouncyCastle's SHA-256: the ledger's own hashes. */
    public static final Rfc6962Hasher DEFAULT = new Rfc6962Hasher(false);

    /** With the JDK's SHA-256: for verifiers recomputing many hashes. */
    public static final Rfc6962Hasher JDK = new Rfc6962Hasher(true);

    private static final ThreadLocal<MessageDigest> JDK_SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("couldn't find SHA-256 in the JDK", e);
        }
    });

    private final boolean jdk;

    private Rfc6962Hasher(boolean jdk) {
        this.jdk = jdk;
    }

    /** Returns the root hash of the empty tree, {@code SHA-256()} with no input. */
    public byte[] emptyRoot() {
        return jdk ? JDK_SHA256.get().digest() : finish(new SHA256Digest());
    }

    /**
     * Returns the leaf hash {@code SHA-256(0x00 || data)}.
     *
     * @param data the leaf's bytes exactly as stored; requires non-null (may be empty)
     */
    public byte[] hashLeaf(byte[] data) {
        Objects.requireNonNull(data, "requires leaf data");
        if (jdk) {
            MessageDigest digest = JDK_SHA256.get();
            digest.update(RFC6962_LEAF_PREFIX);
            digest.update(data);
            return digest.digest();
        }
        SHA256Digest digest = new SHA256Digest();
        digest.update(RFC6962_LEAF_PREFIX);
        digest.update(data, 0, data.length);
        return finish(digest);
    }

    /**
     * Returns the interior node hash {@code SHA-256(0x01 || left || right)}. Like
     * transparency-dev/merkle it accepts children of any length, so a malformed proof element
     * yields a wrong root rather than an exception.
     *
     * @param left the left child's hash; requires non-null
     * @param right the right child's hash; requires non-null
     */
    public byte[] hashChildren(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "requires left child hash");
        Objects.requireNonNull(right, "requires right child hash");
        if (jdk) {
            MessageDigest digest = JDK_SHA256.get();
            digest.update(RFC6962_NODE_PREFIX);
            digest.update(left);
            digest.update(right);
            return digest.digest();
        }
        SHA256Digest digest = new SHA256Digest();
        digest.update(RFC6962_NODE_PREFIX);
        digest.update(left, 0, left.length);
        digest.update(right, 0, right.length);
        return finish(digest);
    }

    private static byte[] finish(SHA256Digest digest) {
        byte[] out = new byte[HASH_SIZE];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public String toString() {
        return jdk ? "Rfc6962Hasher[SHA-256, JDK]" : "Rfc6962Hasher[SHA-256, BouncyCastle]";
    }
}
