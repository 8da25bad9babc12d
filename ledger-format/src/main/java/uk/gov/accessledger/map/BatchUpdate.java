package uk.gov.accessledger.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Applies a batch of changes to the nodes of a store, recomputing each changed node once: the
 * subtrees the batch does not touch are read by their hash, never descended. One use per batch.
 *
 * <p>The recursion holds one invariant: {@code update(path, from, to)} is called with exactly the
 * changes whose keys lie under {@code path}, sorted, and returns that subtree's new hash after
 * queuing its changed nodes in {@link #writes}.
 */
final class BatchUpdate {

    private final NodeStore store;
    private final MapHasher hasher;
    private final Map<NodePath, MapNode> writes = new HashMap<>();

    BatchUpdate(NodeStore store, MapHasher hasher) {
        this.store = store;
        this.hasher = hasher;
    }

    /** Sets every key of {@code changes} to its value, writes the changed nodes, all at once. */
    void apply(SortedMap<SubjectKey, SubjectState> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (changes.comparator() != null) {
            changes = new TreeMap<>(changes);
        }
        update(NodePath.ROOT, new ArrayList<>(changes.entrySet()), 0, changes.size());
        store.store(writes);
    }

    private byte[] update(NodePath path, List<Entry<SubjectKey, SubjectState>> changes, int from, int to) {
        MapNode existing = store.load(path);
        if (existing instanceof MapNode.Inner) {
            int mid = firstRight(changes, from, to, path.depth());
            byte[] left = mid > from ? update(path.child(0), changes, from, mid) : hashAt(path.child(0));
            byte[] right = mid < to ? update(path.child(1), changes, mid, to) : hashAt(path.child(1));
            return put(path, new MapNode.Inner(hasher.innerHash(left, right)));
        }
        if (existing instanceof MapNode.Leaf leaf && !containsKey(changes, from, to, leaf.key())) {
            // The new keys push the lone leaf down: rebuild this subtree from all its keys.
            List<Entry<SubjectKey, SubjectState>> all = new ArrayList<>(changes.subList(from, to));
            int at = -1 - binarySearch(all, 0, all.size(), leaf.key());
            all.add(at, Map.entry(leaf.key(), leaf.value()));
            return build(path, all, 0, all.size());
        }
        return build(path, changes, from, to);
    }

    /** Builds the subtree at {@code path} known to hold exactly entries {@code [from, to)}. */
    private byte[] build(NodePath path, List<Entry<SubjectKey, SubjectState>> entries, int from, int to) {
        if (to - from == 1) {
            SubjectKey key = entries.get(from).getKey();
            SubjectState value = entries.get(from).getValue();
            return put(path, new MapNode.Leaf(key, value, hasher.leafHash(key, hasher.valueHash(value))));
        }
        int mid = firstRight(entries, from, to, path.depth());
        byte[] left = mid > from ? build(path.child(0), entries, from, mid) : MapHasher.empty();
        byte[] right = mid < to ? build(path.child(1), entries, mid, to) : MapHasher.empty();
        return put(path, new MapNode.Inner(hasher.innerHash(left, right)));
    }

    private byte[] put(NodePath path, MapNode node) {
        writes.put(path, node);
        return node.hash();
    }

    private byte[] hashAt(NodePath path) {
        MapNode node = store.load(path);
        return node == null ? MapHasher.empty() : node.hash();
    }

    /** The first index in {@code [from, to)} whose key has bit {@code depth} set, else {@code to}. */
    private static int firstRight(List<Entry<SubjectKey, SubjectState>> sorted, int from, int to, int depth) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).getKey().bit(depth) == 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean containsKey(List<Entry<SubjectKey, SubjectState>> sorted, int from, int to, SubjectKey key) {
        return binarySearch(sorted, from, to, key) >= 0;
    }

    /** As {@link java.util.Collections#binarySearch}: the index, or {@code -1 - insertion point}. */
    private static int binarySearch(List<Entry<SubjectKey, SubjectState>> sorted, int from, int to, SubjectKey key) {
        int lo = from;
        int hi = to - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = sorted.get(mid).getKey().compareTo(key);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1 - lo;
    }
}
