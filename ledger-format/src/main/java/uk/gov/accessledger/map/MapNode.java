package uk.gov.accessledger.map;

/**
 * A non-empty node of the map as a store holds it. An empty subtree has no node: the store returns
 * none and its hash is {@link MapHasher#empty()}.
 */
public sealed interface MapNode permits MapNode.Leaf, MapNode.Inner {

    /** Returns a copy of the node's hash. */
    byte[] hash();

    /**
     * The one key of a subtree holding exactly one key, at the shallowest depth where it is alone.
     * Invariant: {@code hash = leafHash(key, valueHash(value))}.
     */
    record Leaf(SubjectKey key, SubjectState value, byte[] hash) implements MapNode {

        @Override
        public byte[] hash() {
            return hash.clone();
        }
    }

    /**
     * The root of a subtree holding two keys or more (or the root of the whole map). Invariant:
     * {@code hash = innerHash(left child's hash, right child's hash)}.
     */
    record Inner(byte[] hash) implements MapNode {

        @Override
        public byte[] hash() {
            return hash.clone();
        }
    }
}
