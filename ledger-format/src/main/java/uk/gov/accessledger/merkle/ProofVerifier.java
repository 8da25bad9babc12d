package uk.gov.accessledger.merkle;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Verifies inclusion proofs (RFC 9162 section 2.1.3.2) and consistency proofs (RFC 9162 section
 * 2.1.4.2). Port of transparency-dev/merkle {@code proof/verify.go}: a proof is split at the
 * level where the paths to the proven node and to the tree's last leaf diverge into an "inner"
 * part (siblings on either side) and a "border" part (only left siblings, along the right
 * border of the tree).
 */
public final class ProofVerifier {

    private ProofVerifier() {
    }

    /**
     * Verifies that the leaf with hash {@code leafHash} is at {@code index} in the tree of
     * {@code size} leaves whose root is {@code root}.
     *
     * @param hasher the tree hasher; requires non-null
     * @param index requires {@code 0 <= index < size}
     * @param size requires {@code 0 <= index < size}
     * @param leafHash requires {@link Rfc6962Hasher#HASH_SIZE} bytes
     * @param proof the audit path, lowest level first; requires non-null hashes
     * @param root the trusted root of the tree of {@code size} leaves; requires non-null
     * @throws WrongProofSizeException if the proof has the wrong number of hashes
     * @throws RootMismatchException if the proof leads to another root
     */
    public static void verifyInclusion(Rfc6962Hasher hasher, long index, long size, byte[] leafHash,
            List<byte[]> proof, byte[] root) throws ProofVerificationException {
        Objects.requireNonNull(root, "requires a root");
        byte[] calculated = rootFromInclusionProof(hasher, index, size, leafHash, proof);
        requireMatch(size, root, calculated);
    }

    /**
     * Returns the root of the tree of {@code size} leaves implied by an inclusion proof for the
     * leaf with hash {@code leafHash} at {@code index}.
     *
     * @param hasher the tree hasher; requires non-null
     * @param index requires {@code 0 <= index < size}
     * @param size requires {@code 0 <= index < size}
     * @param leafHash requires {@link Rfc6962Hasher#HASH_SIZE} bytes
     * @param proof the audit path, lowest level first; requires non-null hashes
     * @throws WrongProofSizeException if the proof has the wrong number of hashes
     */
    public static byte[] rootFromInclusionProof(Rfc6962Hasher hasher, long index, long size,
            byte[] leafHash, List<byte[]> proof) throws WrongProofSizeException {
        Objects.requireNonNull(hasher, "requires a hasher");
        Objects.requireNonNull(leafHash, "requires a leaf hash");
        requireHashes(proof);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(
                    "requires 0 <= index < size, got index " + index + ", size " + size);
        }
        if (leafHash.length != Rfc6962Hasher.HASH_SIZE) {
            throw new IllegalArgumentException("requires a " + Rfc6962Hasher.HASH_SIZE
                    + "-byte leaf hash, got " + leafHash.length + " bytes");
        }
        int inner = innerProofSize(index, size);
        int border = Long.bitCount(index >>> inner);
        requireProofSize(proof.size(), inner + border);

        byte[] hash = chainInner(hasher, leafHash, proof.subList(0, inner), index);
        return chainBorderRight(hasher, hash, proof.subList(inner, proof.size()));
    }

    /**
     * Verifies that the tree of {@code size2} leaves with root {@code root2} extends the tree of
     * {@code size1} leaves with root {@code root1}. When the sizes are equal the proof must be
     * empty and the roots equal.
     *
     * @param hasher the tree hasher; requires non-null
     * @param size1 requires {@code 0 < size1 <= size2}; a proof from the empty tree is
     *     meaningless (every tree extends it), as in transparency-dev/merkle
     * @param size2 requires {@code 0 < size1 <= size2}
     * @param proof the consistency proof; requires non-null hashes
     * @param root1 the trusted root of the tree of {@code size1} leaves; requires non-null
     * @param root2 the trusted root of the tree of {@code size2} leaves; requires non-null
     * @throws WrongProofSizeException if the proof has the wrong number of hashes
     * @throws RootMismatchException if the proof does not lead to {@code root1} and {@code root2}
     */
    public static void verifyConsistency(Rfc6962Hasher hasher, long size1, long size2,
            List<byte[]> proof, byte[] root1, byte[] root2) throws ProofVerificationException {
        Objects.requireNonNull(root2, "requires root2");
        byte[] calculated = rootFromConsistencyProof(hasher, size1, size2, proof, root1);
        requireMatch(size2, root2, calculated);
    }

    /**
     * Returns the root of the tree of {@code size2} leaves implied by a consistency proof from the
     * tree of {@code size1} leaves with root {@code root1}, after checking that the proof leads
     * to {@code root1}.
     *
     * @param hasher the tree hasher; requires non-null
     * @param size1 requires {@code 0 < size1 <= size2}
     * @param size2 requires {@code 0 < size1 <= size2}
     * @param proof the consistency proof; requires non-null hashes
     * @param root1 the trusted root of the tree of {@code size1} leaves; requires non-null
     * @throws WrongProofSizeException if the proof has the wrong number of hashes
     * @throws RootMismatchException if the proof does not lead to {@code root1}
     */
    public static byte[] rootFromConsistencyProof(Rfc6962Hasher hasher, long size1, long size2,
            List<byte[]> proof, byte[] root1) throws ProofVerificationException {
        Objects.requireNonNull(hasher, "requires a hasher");
        Objects.requireNonNull(root1, "requires root1");
        requireHashes(proof);
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("requires 0 < size1 <= size2, got size1 " + size1
                    + ", size2 " + size2 + (size1 == 0 ? ": a proof from the empty tree is meaningless" : ""));
        }
        if (size1 == size2) {
            requireProofSize(proof.size(), 0);
            return root1.clone();
        }

        // The proof is, in effect, a suffix of the inclusion proof of leaf size1 - 1 in the tree
        // of size2, starting at level `shift`, the height of the biggest perfect subtree that
        // ends at size1. Its first hash is that subtree's root, unless size1 is a power of two:
        // then the subtree is the whole old tree and its root is root1.
        int shift = Long.numberOfTrailingZeros(size1);
        int forkLevel = innerProofSize(size1 - 1, size2);
        int inner = forkLevel - shift;
        int border = Long.bitCount((size1 - 1) >>> forkLevel);
        boolean seedIsRoot1 = Long.bitCount(size1) == 1;
        int start = seedIsRoot1 ? 0 : 1;
        requireProofSize(proof.size(), start + inner + border);
        byte[] seed = seedIsRoot1 ? root1 : proof.get(0);
        List<byte[]> path = proof.subList(start, proof.size());
        List<byte[]> innerPath = path.subList(0, inner);
        List<byte[]> borderPath = path.subList(inner, path.size());
        long mask = (size1 - 1) >>> shift;

        // The old root uses only the hashes left of the path: the tree as it was at size1.
        byte[] hash1 = chainInnerRight(hasher, seed, innerPath, mask);
        hash1 = chainBorderRight(hasher, hash1, borderPath);
        requireMatch(size1, root1, hash1);

        byte[] hash2 = chainInner(hasher, seed, innerPath, mask);
        return chainBorderRight(hasher, hash2, borderPath);
    }

    /** Returns the level at which the paths to leaves {@code index} and {@code size - 1} meet. */
    private static int innerProofSize(long index, long size) {
        return Bits.len(index ^ (size - 1));
    }

    /**
     * Hashes {@code seed}, the node at {@code index} on its level, up through {@code proof},
     * lowest level first; each proof hash is a left or right sibling as the index bits say.
     */
    private static byte[] chainInner(Rfc6962Hasher hasher, byte[] seed, List<byte[]> proof, long index) {
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 0) {
                seed = hasher.hashChildren(seed, proof.get(i));
            } else {
                seed = hasher.hashChildren(proof.get(i), seed);
            }
        }
        return seed;
    }

    /**
     * Like {@link #chainInner} but only with the left siblings, which gives the hash of the
     * subtree as it was before any of the leaves to the right of the path existed.
     */
    private static byte[] chainInnerRight(Rfc6962Hasher hasher, byte[] seed, List<byte[]> proof, long index) {
        for (int i = 0; i < proof.size(); i++) {
            if (((index >>> i) & 1) == 1) {
                seed = hasher.hashChildren(proof.get(i), seed);
            }
        }
        return seed;
    }

    /** Hashes {@code seed} up the tree's right border, where every proof hash is a left sibling. */
    private static byte[] chainBorderRight(Rfc6962Hasher hasher, byte[] seed, List<byte[]> proof) {
        for (byte[] hash : proof) {
            seed = hasher.hashChildren(hash, seed);
        }
        return seed;
    }

    private static void requireHashes(List<byte[]> proof) {
        Objects.requireNonNull(proof, "requires a proof");
        for (byte[] hash : proof) {
            Objects.requireNonNull(hash, "requires non-null proof hashes");
        }
    }

    private static void requireProofSize(int got, int want) throws WrongProofSizeException {
        if (got != want) {
            throw new WrongProofSizeException(got, want);
        }
    }

    private static void requireMatch(long size, byte[] expected, byte[] calculated)
            throws RootMismatchException {
        if (!Arrays.equals(expected, calculated)) {
            throw new RootMismatchException(size, expected, calculated);
        }
    }
}
