package uk.gov.accessledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Merkle tree of RFC 6962 section 2.1 written straight from its recursive definitions of
 * MTH, PATH and PROOF/SUBPROOF, used only by tests to cross-check the fast implementation. It
 * hashes with the JDK's SHA-256, not with {@link Rfc6962Hasher}, so that the two do not share
 * code. MTH results are memoised only to keep the exhaustive checks fast; the recursion is the
 * RFC's.
 */
final class ReferenceMerkleTree {

    private final List<byte[]> leaves;
    private final Map<Long, byte[]> mthCache = new HashMap<>();

    /** @param leaves the input list D[n], d(0) to d(n-1), as raw leaf data */
    ReferenceMerkleTree(List<byte[]> leaves) {
        this.leaves = List.copyOf(leaves);
    }

    int size() {
        return leaves.size();
    }

    /** MTH(D[begin:end]) of RFC 6962 section 2.1. */
    byte[] mth(int begin, int end) {
        int n = end - begin;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return sha256(new byte[] {0x00}, leaves.get(begin));
        }
        long key = (long) begin << 32 | end;
        byte[] cached = mthCache.get(key);
        if (cached != null) {
            return cached;
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] hash = sha256(new byte[] {0x01}, mth(begin, begin + k), mth(begin + k, end));
        mthCache.put(key, hash);
        return hash;
    }

    /** MTH(D[0:n]), the root of the tree of the first n leaves. */
    byte[] root(int n) {
        return mth(0, n);
    }

    /** The leaf hash of d(m). */
    byte[] leafHash(int m) {
        return mth(m, m + 1);
    }

    /** PATH(m, D[n]) of RFC 6962 section 2.1.1: the audit path of leaf m in the tree of n leaves. */
    List<byte[]> path(int m, int n) {
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

    /** PROOF(m, D[n]) of RFC 6962 section 2.1.2: the consistency proof from size m to size n. */
    List<byte[]> proof(int m, int n) {
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
