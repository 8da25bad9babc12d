package uk.gov.accessledger.bench.jmh;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;
import uk.gov.accessledger.merkle.NodeId;

/**
 * An in-memory Merkle node store: for each level, the hashes of nodes {@code (level, 0)},
 * {@code (level, 1)}, … back to back in one byte array. It stands in for the ledger's tile store
 * so that proof benchmarks measure the proof arithmetic and hashing, not a database. One array per
 * level keeps a 10 M-leaf tree in about 640 MB with no per-node objects.
 *
 * <p>Not thread-safe for writes; concurrent reads of a finished tree are safe.
 */
final class FlatTree {

    /** Node indices are limited so that {@code index * 32} fits an array index. */
    static final long MAX_NODES_PER_LEVEL = Integer.MAX_VALUE / JdkTreeHasher.HASH_SIZE;

    private static final int HASH = JdkTreeHasher.HASH_SIZE;
    private static final int CHUNK = 1 << 14;

    private final byte[][] levels = new byte[64][];
    // Invariant: counts[l] nodes of level l are stored, in levels[l][0, counts[l] * 32).
    private final long[] counts = new long[64];

    /**
     * Stores the hash of node (level, index), as {@code CompactRange}'s visitor reports it.
     *
     * @param index requires {@code index <= count(level)}: nodes of a level arrive left to right
     *     (overwriting a stored node is allowed), and {@code index < MAX_NODES_PER_LEVEL}
     */
    void put(int level, long index, byte[] hash) {
        long count = counts[level];
        if (index > count || index >= MAX_NODES_PER_LEVEL) {
            throw new IllegalArgumentException("requires nodes in order: got index " + index + " at level "
                    + level + ", want at most " + count);
        }
        byte[] array = levels[level];
        int offset = (int) index * HASH;
        if (array == null || offset + HASH > array.length) {
            long grown = Math.max(1024L * HASH, array == null ? 0 : 2L * array.length);
            array = Arrays.copyOf(array == null ? new byte[0] : array,
                    (int) Math.min(grown, MAX_NODES_PER_LEVEL * HASH));
            levels[level] = array;
        }
        System.arraycopy(hash, 0, array, offset, HASH);
        if (index == count) {
            counts[level] = count + 1;
        }
    }

    /** Stores the hash of node {@code id}; see {@link #put(int, long, byte[])}. */
    void put(NodeId id, byte[] hash) {
        put(id.level(), id.index(), hash);
    }

    /**
     * A copy of the hash of node {@code id}, as a store read returns a fresh array.
     *
     * @throws IllegalArgumentException unless the node is stored
     */
    byte[] get(NodeId id) {
        int level = id.level();
        if (id.index() >= counts[level]) {
            throw new IllegalArgumentException("couldn't read node " + id + ": level " + level + " has "
                    + counts[level] + " nodes");
        }
        int offset = (int) id.index() * HASH;
        return Arrays.copyOfRange(levels[level], offset, offset + HASH);
    }

    /** The number of nodes stored at {@code level}. */
    long count(int level) {
        return counts[level];
    }

    /** Forgets every node but keeps the arrays, so a benchmark can start again without garbage. */
    void clear() {
        Arrays.fill(counts, 0);
    }

    /**
     * Builds every perfect-subtree node of the tree of {@code size} synthetic leaves, leaf {@code i}
     * being the RFC 6962 leaf hash of {@code i} as 8 big-endian bytes. Levels are hashed in
     * parallel chunks with the JDK digest; 10 M leaves take seconds, not the hours that appending
     * them one by one through a database would.
     *
     * @param size requires {@code 0 <= size <= MAX_NODES_PER_LEVEL}
     */
    static FlatTree buildSynthetic(long size) {
        if (size < 0 || size > MAX_NODES_PER_LEVEL) {
            throw new IllegalArgumentException("requires 0 <= size <= " + MAX_NODES_PER_LEVEL + ": got " + size);
        }
        FlatTree tree = new FlatTree();
        int n = (int) size;
        byte[] leaves = new byte[n * HASH];
        ThreadLocal<JdkTreeHasher> hashers = ThreadLocal.withInitial(JdkTreeHasher::new);
        IntStream.range(0, (n + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
            JdkTreeHasher hasher = hashers.get();
            byte[] index = new byte[Long.BYTES];
            for (int i = chunk * CHUNK; i < Math.min(n, (chunk + 1) * CHUNK); i++) {
                ByteBuffer.wrap(index).putLong(i);
                hasher.hashLeaf(index, 0, index.length, leaves, i * HASH);
            }
        });
        tree.levels[0] = leaves;
        tree.counts[0] = n;
        for (int level = 1; tree.counts[level - 1] >= 2; level++) {
            byte[] below = tree.levels[level - 1];
            int nodes = (int) (tree.counts[level - 1] / 2);
            byte[] hashes = new byte[nodes * HASH];
            IntStream.range(0, (nodes + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
                JdkTreeHasher hasher = hashers.get();
                for (int j = chunk * CHUNK; j < Math.min(nodes, (chunk + 1) * CHUNK); j++) {
                    hasher.hashChildren(below, 2 * j * HASH, hashes, j * HASH);
                }
            });
            tree.levels[level] = hashes;
            tree.counts[level] = nodes;
        }
        return tree;
    }

    /** The synthetic leaf hash {@link #buildSynthetic} puts at {@code index}. */
    static byte[] syntheticLeaf(long index) {
        return new JdkTreeHasher().hashLeaf(ByteBuffer.allocate(Long.BYTES).putLong(index).array());
    }
}
