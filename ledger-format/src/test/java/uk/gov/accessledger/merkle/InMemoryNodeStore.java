package uk.gov.accessledger.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A node store as the sequencer would keep one: leaf hashes at level 0 plus every node a
 * {@link CompactRange} reports. It fails on a node reported twice, so tests also check that
 * each node is computed exactly once.
 */
final class InMemoryNodeStore implements CompactRange.Visitor {

    private final Map<NodeId, byte[]> nodes = new HashMap<>();

    /** Appends leaf hashes to a range starting at 0, storing leaves and reported nodes. */
    static InMemoryNodeStore buildTree(List<byte[]> leafHashes, CompactRange range) {
        InMemoryNodeStore store = new InMemoryNodeStore();
        for (byte[] leafHash : leafHashes) {
            store.putLeaf(range.end(), leafHash);
            range.append(leafHash, store);
        }
        return store;
    }

    void putLeaf(long index, byte[] leafHash) {
        put(new NodeId(0, index), leafHash);
    }

    @Override
    public void visit(NodeId id, byte[] hash) {
        put(id, hash);
    }

    private void put(NodeId id, byte[] hash) {
        if (nodes.putIfAbsent(id, hash.clone()) != null) {
            throw new AssertionError("node " + id + " stored twice");
        }
    }

    byte[] get(NodeId id) {
        byte[] hash = nodes.get(id);
        if (hash == null) {
            throw new AssertionError("node " + id + " is not stored");
        }
        return hash.clone();
    }

    List<byte[]> fetch(List<NodeId> ids) {
        List<byte[]> hashes = new ArrayList<>(ids.size());
        ids.forEach(id -> hashes.add(get(id)));
        return hashes;
    }

    Map<NodeId, byte[]> all() {
        return Map.copyOf(nodes);
    }
}
