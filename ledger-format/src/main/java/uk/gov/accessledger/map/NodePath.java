package uk.gov.accessledger.map;

import java.util.Arrays;

/**
 * The position of a node: its depth (0 for the root, up to 256) and the first {@code depth} bits
 * of every key below it. A store's address for a node.
 *
 * <p>Invariant: {@code prefix} has {@code ceil(depth / 8)} bytes and its bits past {@code depth}
 * are zero, so equal positions have equal fields. Immutable.
 */
public final class NodePath {

    /** The root's position. */
    public static final NodePath ROOT = new NodePath(0, new byte[0]);

    private final int depth;
    private final byte[] prefix;

    private NodePath(int depth, byte[] prefix) {
        this.depth = depth;
        this.prefix = prefix;
    }

    /**
     * Returns the position at {@code depth} on the path to {@code key}.
     *
     * @param depth requires 0 to 256
     */
    public static NodePath of(SubjectKey key, int depth) {
        if (depth < 0 || depth > SubjectKey.BITS) {
            throw new IllegalArgumentException("requires a depth of 0 to 256, got " + depth);
        }
        byte[] prefix = Arrays.copyOf(key.bytes(), (depth + 7) / 8);
        if (depth % 8 != 0) {
            prefix[prefix.length - 1] &= (byte) (0xff << (8 - depth % 8));
        }
        return new NodePath(depth, prefix);
    }

    /** Returns the depth: the number of key bits fixed by this position. */
    public int depth() {
        return depth;
    }

    /** Returns a copy of the prefix, {@code ceil(depth / 8)} bytes, unused low bits zero. */
    public byte[] prefix() {
        return prefix.clone();
    }

    /**
     * Returns the child on side {@code bit}: 0 left, 1 right.
     *
     * @throws IllegalStateException at depth 256, where nodes are leaves
     */
    public NodePath child(int bit) {
        if (depth == SubjectKey.BITS) {
            throw new IllegalStateException("couldn't descend: a node at depth 256 has no children");
        }
        byte[] childPrefix = Arrays.copyOf(prefix, depth / 8 + 1);
        if (bit != 0) {
            childPrefix[depth / 8] |= (byte) (0x80 >>> (depth % 8));
        }
        return new NodePath(depth + 1, childPrefix);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodePath p && depth == p.depth && Arrays.equals(prefix, p.prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + depth;
    }

    @Override
    public String toString() {
        StringBuilder bits = new StringBuilder("NodePath[");
        for (int i = 0; i < depth; i++) {
            bits.append((prefix[i >>> 3] >>> (7 - (i & 7))) & 1);
        }
        return bits.append(']').toString();
    }
}
