package uk.gov.accessledger.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The sequencer's per-leaf work: {@link CompactRange#append} with a visitor that stores every new
 * perfect-subtree node, into an in-memory node store instead of tile rows. The tree restarts
 * empty every {@code capacity} leaves so memory stays bounded however long JMH runs.
 */
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MerkleAppendBenchmark {

    /** Leaves before the tree restarts; a power of two, so each restart follows a perfect tree. */
    @Param("1048576")
    public int capacity;

    private byte[][] leaves;
    private FlatTree store;
    private CompactRange range;
    private CompactRange.Visitor storeNode;

    @Setup
    public void prepare() {
        leaves = new byte[4096][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = FlatTree.syntheticLeaf(i);
        }
        store = new FlatTree();
        storeNode = store::put;
        range = CompactRange.empty(Rfc6962Hasher.DEFAULT, 0);
    }

    /** Appends one leaf, storing the leaf and every node the append completes. */
    @Benchmark
    public long appendStoringNodes() {
        long end = range.end();
        if (end == capacity) {
            store.clear();
            range = CompactRange.empty(Rfc6962Hasher.DEFAULT, 0);
            end = 0;
        }
        byte[] leaf = leaves[(int) end & (leaves.length - 1)];
        store.put(0, end, leaf);
        range.append(leaf, storeNode);
        return range.end();
    }
}
