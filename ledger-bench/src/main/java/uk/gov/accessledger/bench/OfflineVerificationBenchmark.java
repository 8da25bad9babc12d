package uk.gov.accessledger.bench;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.openjdk.jmh.annotations.TearDown;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Offline verification of a whole log held in memory: recompute every leaf hash from the stored
 * canonical bytes and the tree root from those leaves, and compare the root with the checkpoint's.
 * One operation verifies all {@code entries}; the report divides to get entries per second. The
 * ledger-core path (BouncyCastle, {@link CompactRange}) runs beside the same work with the JDK
 * digest, the figure ledger-core would reach by switching its SHA-256.
 */
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class OfflineVerificationBenchmark {

    /** Entries in the log; eight per subject on average. */
    @Param("131072")
    public int entries;

    private byte[][] log;
    private byte[] expectedRoot;
    private ExecutorService pool;

    @Setup
    public void generate() {
        log = new EntryGenerator(20261125L).chainedLog(entries, Math.max(1, entries / 8));
        CompactRange range = CompactRange.empty(Rfc6962Hasher.DEFAULT, 0);
        for (byte[] entry : log) {
            range.append(CanonicalEntry.leafHash(entry));
        }
        expectedRoot = range.root();
        pool = Executors.newFixedThreadPool(2);
    }

    @TearDown
    public void stopPool() {
        pool.shutdownNow();
    }

    /** With ledger-core as it is: its leaf hash and compact range. */
    @Benchmark
    public byte[] ledgerCore() {
        CompactRange range = CompactRange.empty(Rfc6962Hasher.DEFAULT, 0);
        for (byte[] entry : log) {
            range.append(CanonicalEntry.leafHash(entry));
        }
        return requireExpected(range.root());
    }

    /** The same recomputation with the JDK's SHA-256. */
    @Benchmark
    public byte[] jdkDigest() {
        JdkTreeHasher hasher = new JdkTreeHasher();
        RootAccumulator root = new RootAccumulator();
        for (byte[] entry : log) {
            root.append(hasher.hashLeaf(entry));
        }
        return requireExpected(root.root());
    }

    /**
     * The JDK digest with the leaf hashes split between two threads (this machine's two cores),
     * then the root folded on this one: how a verifier could use both cores.
     */
    @Benchmark
    public byte[] jdkDigestTwoThreads() throws InterruptedException, ExecutionException {
        byte[][] leaves = new byte[log.length][];
        int half = log.length / 2;
        Future<?> first = pool.submit(() -> hashLeaves(leaves, 0, half));
        Future<?> second = pool.submit(() -> hashLeaves(leaves, half, log.length));
        first.get();
        second.get();
        RootAccumulator root = new RootAccumulator();
        for (byte[] leaf : leaves) {
            root.append(leaf);
        }
        return requireExpected(root.root());
    }

    private void hashLeaves(byte[][] leaves, int from, int to) {
        JdkTreeHasher hasher = new JdkTreeHasher();
        for (int i = from; i < to; i++) {
            leaves[i] = hasher.hashLeaf(log[i]);
        }
    }

    private byte[] requireExpected(byte[] root) {
        if (!Arrays.equals(root, expectedRoot)) {
            throw new IllegalStateException("couldn't verify the log: root mismatch");
        }
        return root;
    }

    /** The canonical bytes in the log, for the report. */
    long totalBytes() {
        long total = 0;
        for (byte[] entry : log) {
            total += entry.length;
        }
        return total;
    }
}
