package uk.gov.accessledger.map;

import java.security.MessageDigest;
import java.util.Optional;

/**
 * Verifies a map proof against a trusted root, step by step as docs/map-format.md
 * ("Verifying a proof") states. Stateless.
 */
public final class MapProofVerifier {

    private MapProofVerifier() {
    }

    /**
     * Returns {@code key}'s value if {@code proof} proves it present under {@code root}, or empty
     * if it proves it absent.
     *
     * @param root requires 32 bytes, from a source the caller trusts (a map-root leaf under a
     *     verified checkpoint)
     * @throws MalformedMapProofException if the proof is not canonical
     * @throws MapProofKeyMismatchException if an absence proof ends in a leaf that cannot be there
     * @throws MapRootMismatchException if the proof leads to another root
     */
    public static Optional<SubjectState> verify(byte[] root, SubjectKey key, MapProof proof)
            throws MapProofException {
        if (root == null || root.length != MapHasher.HASH_SIZE) {
            throw new IllegalArgumentException("requires a 32-byte root");
        }
        int depth = proof.depth();
        if (depth > 0 && MapHasher.isEmpty(proof.sibling(depth))) {
            throw new MalformedMapProofException("sibling at depth " + depth
                    + " got the empty hash, want the deepest sibling non-empty (else the path ends higher)");
        }
        MapHasher hasher = new MapHasher();
        byte[] hash = terminalHash(hasher, key, proof);
        for (int d = depth; d >= 1; d--) {
            byte[] sibling = proof.sibling(d);
            hash = key.bit(d - 1) == 0 ? hasher.innerHash(hash, sibling) : hasher.innerHash(sibling, hash);
        }
        if (!MessageDigest.isEqual(hash, root)) {
            throw new MapRootMismatchException(root, hash);
        }
        return proof.terminal() instanceof MapProof.Present present
                ? Optional.of(present.value())
                : Optional.empty();
    }

    private static byte[] terminalHash(MapHasher hasher, SubjectKey key, MapProof proof)
            throws MapProofKeyMismatchException {
        MapProof.Terminal terminal = proof.terminal();
        if (terminal instanceof MapProof.Present present) {
            return hasher.leafHash(key, hasher.valueHash(present.value()));
        }
        if (terminal instanceof MapProof.OtherLeaf other) {
            if (other.key().equals(key)) {
                throw new MapProofKeyMismatchException("absence proof's leaf got the queried key "
                        + key + ", want another key");
            }
            if (!other.key().sharesPrefix(key, proof.depth())) {
                throw new MapProofKeyMismatchException("absence proof's leaf got key " + other.key()
                        + ", want one whose first " + proof.depth() + " bits are those of " + key);
            }
            return hasher.leafHash(other.key(), other.valueHash());
        }
        return MapHasher.empty();
    }
}
