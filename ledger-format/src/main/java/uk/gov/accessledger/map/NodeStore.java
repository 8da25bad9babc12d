package uk.gov.accessledger.map;

import java.util.Map;

/**
 * Where a {@link SubjectMap} keeps its nodes, addressed by position. The map only ever adds keys,
 * so a store only adds nodes or replaces them (a leaf pushed down by a new key becomes an inner
 * node); it never deletes. It holds the latest version only: earlier roots are recomputed from
 * the log, not served.
 *
 * <p>Implementations: {@link InMemoryNodeStore}; a PostgreSQL store can follow with one row per
 * node keyed by ({@code depth}, {@code prefix}).
 */
public interface NodeStore {

    /** Returns the node at {@code path}, or {@code null} if the subtree there is empty. */
    MapNode load(NodePath path);

    /**
     * Writes {@code nodes}, replacing those at the same positions, all or none.
     *
     * @param nodes requires non-null, no null keys or values
     */
    void store(Map<NodePath, MapNode> nodes);
}
