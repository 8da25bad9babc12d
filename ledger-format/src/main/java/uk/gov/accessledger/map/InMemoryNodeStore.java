package uk.gov.accessledger.map;

import java.util.HashMap;
import java.util.Map;

/** A {@link NodeStore} in a hash map: for tests, measurements and small maps. Not thread-safe. */
public final class InMemoryNodeStore implements NodeStore {

    private final Map<NodePath, MapNode> nodes = new HashMap<>();

    @Override
    public MapNode load(NodePath path) {
        return nodes.get(path);
    }

    @Override
    public void store(Map<NodePath, MapNode> changed) {
        nodes.putAll(changed);
    }

    /** Returns how many nodes it holds. */
    public int size() {
        return nodes.size();
    }
}
