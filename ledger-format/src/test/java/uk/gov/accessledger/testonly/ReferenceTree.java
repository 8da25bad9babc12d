package uk.gov.accessledger.testonly;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree of RFC 6962 section 2.1 written straight from its recursive definitions of
 * MTH, PATH and PROOF/SUBPROOF, used only by tests to cross-check the fast implementation. It
 * hashes with the JDK's SHA-256, not with the ledger's {@code Rfc6962Hasher}, so that the two do
 * not share code. MTH results are memoised only to keep exhaustive checks fast; the recursion is
 * the RFC's.
 */
public final class ReferenceTree {

    /** The leaf hashes, MTH({d(m)}) = SHA-256(0x00 || d(m)) of each leaf. */
    private final List<byte[]> leafHashes;
    private final Map<Long, byte[]> mthCache = new HashMap<>();

    private ReferenceTree(List<byte[]> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
    }

    /** The tree of the input list D[n] = {@code leaves}, d(0) to d(n-1), as raw leaf data. */
    public static ReferenceTree ofLeaves(List<byte[]> leaves) {
        return new ReferenceTree(leaves.stream().map(ReferenceTree::leafHash).toList());
    }

    /** The tree whose leaves hash to {@code leafHashes}, for callers that hold only the hashes. */
    public static ReferenceTree ofLeafHashes(List<byte[]> leafHashes) {
        return new ReferenceTree(leafHashes);
    }

    /** MTH({d}) = SHA-256(0x00 || d), the hash of one leaf's data. */
    public static byte[] leafHash(byte[] data) {
        return sha256(new byte[] {0x00}, data);
    }

    /** SHA-256(0x01 || left || right), the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[] {0x01}, left, right);
    }

    public int size() {
        return leafHashes.size();
    }

    /** MTH(D[begin:end]); requires 0 <= begin <= end <= size. */
    public byte[] mth(int begin, int end) {
        if (begin < 0 || begin > end || end > size()) {
            throw new IllegalArgumentException("requires 0 <= begin <= end <= " + size() + ": got [" + begin + ", "
                    + end + ")");
        }
        int n = end - begin;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.get(begin);
        }
        long key = (long) begin << 32 | end;
        byte[] cached = mthCache.get(key);
        if (cached != null) {
            return cached;
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] hash = nodeHash(mth(begin, begin + k), mth(begin + k, end));
        mthCache.put(key, hash);
        return hash;
    }

    /** MTH(D[0:n]), the root of the tree of the first n leaves; requires 0 <= n <= size. */
    public byte[] root(int n) {
        return mth(0, n);
    }

    /** The root of the whole tree. */
    public byte[] root() {
        return root(size());
    }

    /** The leaf hash of d(m); requires 0 <= m < size. */
    public byte[] leafHash(int m) {
        return mth(m, m + 1);
    }

    /**
     * PATH(m, D[n]) of RFC 6962 section 2.1.1: the audit path of leaf m in the tree of the first n
     * leaves, the leaf's sibling first; requires 0 <= m < n <= size.
     */
    public List<byte[]> path(int m, int n) {
        if (m < 0 || m >= n || n > size()) {
            throw new IllegalArgumentException("requires 0 <= m < n <= " + size() + ": got m " + m + ", n " + n);
        }
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int begin, int end) {
        int n = end - begin;
        if (n == 1) {
            return new ArrayList<>();
        }
        int k = largestPowerOfTwoBelow(n);
        List<byte[]> result;
        if (m < k) {
            result = path(m, begin, begin + k);
            result.add(mth(begin + k, end));
        } else {
            result = path(m - k, begin + k, end);
            result.add(mth(begin, begin + k));
        }
        return result;
    }

    /**
     * PROOF(m, D[n]) of RFC 6962 section 2.1.2: the consistency proof from the tree of the first m
     * leaves to that of the first n; requires 0 < m <= n <= size.
     */
    public List<byte[]> proof(int m, int n) {
        if (m <= 0 || m > n || n > size()) {
            throw new IllegalArgumentException("requires 0 < m <= n <= " + size() + ": got m " + m + ", n " + n);
        }
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int begin, int end, boolean b) {
        int n = end - begin;
        if (m == n) {
            List<byte[]> result = new ArrayList<>();
            if (!b) {
                result.add(mth(begin, end));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        List<byte[]> result;
        if (m <= k) {
            result = subproof(m, begin, begin + k, b);
            result.add(mth(begin + k, end));
        } else {
            result = subproof(m - k, begin + k, end, false);
            result.add(mth(begin, begin + k));
        }
        return result;
    }

    /** The largest power of two smaller than n, for n > 1. */
    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
