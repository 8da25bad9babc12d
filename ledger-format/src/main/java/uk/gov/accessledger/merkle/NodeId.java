package uk.gov.accessledger.merkle;

/**
 * Addresses a node of a Merkle tree that roots a perfect subtree: {@code level} is the distance
 * from the node down to the leaves, {@code index} its position on that level counted from the
 * left. Leaf {@code i} is {@code (0, i)}; node {@code (level, index)} covers the leaves
 * {@code [index * 2^level, (index + 1) * 2^level)}. Port of transparency-dev/merkle
 * {@code compact.NodeID}.
 *
 * <pre>
 *           (2,0)
 *          /     \
 *       (1,0)     \
 *       /   \      \
 *   (0,0)  (0,1)  (0,2)
 * </pre>
 *
 * @param level requires {@code 0 <= level <= 62}: a tree of fewer than 2^63 leaves has no
 *     perfect subtree above level 62
 * @param index requires {@code index >= 0}
 */
public record NodeId(int level, long index) {

    /** The highest level a perfect subtree can have in a tree of fewer than 2^63 leaves. */
    static final int MAX_LEVEL = 62;

    public NodeId {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException(
                    "requires 0 <= level <= " + MAX_LEVEL + ", got level " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("requires index >= 0, got index " + index);
        }
    }

    /** Returns the node one level up whose subtree contains this one. */
    public NodeId parent() {
        return new NodeId(level + 1, index >>> 1);
    }

    /** Returns the other child of this node's parent. */
    public NodeId sibling() {
        return new NodeId(level, index ^ 1);
    }

    /**
     * Returns the first leaf index this node covers (inclusive).
     *
     * @throws ArithmeticException if the index does not fit a {@code long}
     */
    public long coverageBegin() {
        return Math.multiplyExact(index, 1L << level);
    }

    /**
     * Returns the leaf index just past the leaves this node covers (exclusive).
     *
     * @throws ArithmeticException if the index does not fit a {@code long}
     */
    public long coverageEnd() {
        return Math.multiplyExact(index + 1, 1L << level);
    }
}
