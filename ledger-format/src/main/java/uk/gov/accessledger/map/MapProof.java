package uk.gov.accessledger.map;

import java.util.ArrayList;
import java.util.List;

/**
 * A proof of one key's value in the subject map, or of its absence: the hashes of the siblings of
 * the nodes on the key's path, from depth 1 down to the depth where the path ends, and what it
 * ends in (docs/map-format.md, "Proofs"). It ends in the key's own leaf ({@link Present}), in an
 * empty subtree ({@link Empty}), or in the leaf of another key sharing the path's bits
 * ({@link OtherLeaf}); the last two prove absence.
 *
 * <p>{@code siblings.get(i)} is the sibling at depth {@code i + 1}; an empty sibling is
 * {@link MapHasher#empty()}. Structural invariants, enforced: at most 256 siblings, each 32
 * bytes. Whether the proof is canonical and verifies is {@link MapProofVerifier}'s to say.
 */
public record MapProof(List<byte[]> siblings, Terminal terminal) {

    /** What a key's path ends in. */
    public sealed interface Terminal permits Present, Empty, OtherLeaf {
    }

    /** The path ends in the key's leaf, holding {@code value}: the key is present. */
    public record Present(SubjectState value) implements Terminal {
    }

    /** The path ends in an empty subtree: the key is absent. */
    public record Empty() implements Terminal {
    }

    /**
     * The path ends in the leaf of another key, the only key under it: the key is absent.
     * Carries the other value's hash, not the value, so a proof never discloses another subject's
     * count.
     */
    public record OtherLeaf(SubjectKey key, byte[] valueHash) implements Terminal {

        public OtherLeaf {
            if (valueHash == null || valueHash.length != MapHasher.HASH_SIZE) {
                throw new IllegalArgumentException("requires a 32-byte value hash");
            }
            valueHash = valueHash.clone();
        }

        @Override
        public byte[] valueHash() {
            return valueHash.clone();
        }
    }

    public MapProof {
        if (siblings.size() > SubjectKey.BITS) {
            throw new IllegalArgumentException("requires at most 256 siblings, got " + siblings.size());
        }
        List<byte[]> copy = new ArrayList<>(siblings.size());
        for (byte[] sibling : siblings) {
            if (sibling == null || sibling.length != MapHasher.HASH_SIZE) {
                throw new IllegalArgumentException("requires 32-byte siblings");
            }
            copy.add(sibling.clone());
        }
        siblings = List.copyOf(copy);
        if (terminal == null) {
            throw new IllegalArgumentException("requires a terminal");
        }
    }

    /** Returns the depth where the key's path ends: the number of siblings. */
    public int depth() {
        return siblings.size();
    }

    /** Returns a copy of the sibling at {@code depth}; requires {@code 1 <= depth <= depth()}. */
    public byte[] sibling(int depth) {
        return siblings.get(depth - 1).clone();
    }

    @Override
    public List<byte[]> siblings() {
        return siblings.stream().map(byte[]::clone).toList();
    }
}
