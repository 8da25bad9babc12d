package uk.gov.accessledger.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The subject map over a {@link NodeStore}: a sparse Merkle tree of depth 256 keyed by subject,
 * where a subtree holding one key is that key's leaf and an empty subtree is
 * {@link MapHasher#empty()} (docs/map-format.md). Its root depends only on the set of (key, value)
 * pairs in it, never on the order they came in.
 *
 * <p>Keys are only ever added or given new values, never removed: the map is derived from an
 * append-only log. Not thread-safe: one writer, and no reader while it writes.
 */
public final class SubjectMap {

    private final NodeStore store;
    private final MapHasher hasher = new MapHasher();

    /** A map over the nodes in {@code store} (an empty store is the empty map). */
    public SubjectMap(NodeStore store) {
        this.store = store;
    }

    /** Returns the root hash: {@link MapHasher#empty()} for the empty map. */
    public byte[] root() {
        MapNode root = store.load(NodePath.ROOT);
        return root == null ? MapHasher.empty() : root.hash();
    }

    /** Returns the value of {@code key}, or empty if the map does not hold it. */
    public Optional<SubjectState> get(SubjectKey key) {
        NodePath path = NodePath.ROOT;
        MapNode node = store.load(path);
        while (node instanceof MapNode.Inner) {
            path = path.child(key.bit(path.depth()));
            node = store.load(path);
        }
        return node instanceof MapNode.Leaf leaf && leaf.key().equals(key)
                ? Optional.of(leaf.value())
                : Optional.empty();
    }

    /** Returns the proof of {@code key}'s value, or of its absence, against {@link #root()}. */
    public MapProof prove(SubjectKey key) {
        List<byte[]> siblings = new ArrayList<>();
        NodePath path = NodePath.ROOT;
        MapNode node = store.load(path);
        while (node instanceof MapNode.Inner) {
            int bit = key.bit(path.depth());
            MapNode sibling = store.load(path.child(1 - bit));
            siblings.add(sibling == null ? MapHasher.empty() : sibling.hash());
            path = path.child(bit);
            node = store.load(path);
        }
        if (node instanceof MapNode.Leaf leaf) {
            return new MapProof(siblings, leaf.key().equals(key)
                    ? new MapProof.Present(leaf.value())
                    : new MapProof.OtherLeaf(leaf.key(), hasher.valueHash(leaf.value())));
        }
        return new MapProof(siblings, new MapProof.Empty());
    }

    /**
     * Sets each key of {@code changes} to its value, adding the keys not yet in the map, then
     * returns the new root. Each node on the changed paths is hashed once for the whole batch.
     *
     * @param changes requires non-null; may be empty
     */
    public byte[] update(SortedMap<SubjectKey, SubjectState> changes) {
        new BatchUpdate(store, hasher).apply(changes);
        return root();
    }

    /** Returns how many SHA-256 hashes this map has computed, for cost measurements. */
    public long hashCount() {
        return hasher.count();
    }
}
