package uk.gov.accessledger.bench;

import java.util.Arrays;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The RFC 6962 root of a growing tree {@code [0, size)} from its leaf hashes, with the JDK digest:
 * the compact range of ledger-core's {@code CompactRange} reduced to what a verifier needs (no
 * visitor, no copies). The baseline for offline verification; tests cross-check it against
 * {@code CompactRange}.
 *
 * <p>Not thread-safe.
 */
final class RootAccumulator {

    private final JdkTreeHasher hasher = new JdkTreeHasher();
    // Invariant: stack[0, depth) are the roots of the perfect subtrees covering [0, size), left to
    // right, one per 1 bit of size from the highest down.
    private final byte[][] stack = new byte[64][];
    private int depth;
    private long size;

    /** Appends one leaf hash; the array is not copied, so the caller must not change it. */
    void append(byte[] leafHash) {
        byte[] node = leafHash;
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            node = hasher.hashChildren(stack[--depth], node);
        }
        stack[depth++] = node;
        size++;
    }

    long size() {
        return size;
    }

    /** The root hash: the subtree roots folded right to left; SHA-256() for the empty tree. */
    byte[] root() {
        if (depth == 0) {
            return Rfc6962Hasher.DEFAULT.emptyRoot();
        }
        byte[] hash = stack[depth - 1];
        for (int i = depth - 2; i >= 0; i--) {
            hash = hasher.hashChildren(stack[i], hash);
        }
        return Arrays.copyOf(hash, hash.length);
    }
}
