package uk.gov.accessledger.bench.jmh;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import uk.gov.accessledger.bench.shared.EntryGenerator;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Offline verification of a whole log held in memory: recompute every leaf hash from the stored
 * canonical bytes and the tree root from those leaves, and compare the root with the checkpoint's.
 * One operation verifies all {@code entries}; the report divides to get entries per second. All
 * three use ledger-format ({@link Rfc6962Hasher}, {@link CompactRange}): with the writer's
 * BouncyCastle SHA-256, with the verifiers' JDK SHA-256, and with the JDK SHA-256 on two threads
 * (each builds the compact range of its half; the halves are merged with
 * {@link CompactRange#appendRange}).
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
        expectedRoot = range(Rfc6962Hasher.DEFAULT, 0, log.length).root();
        pool = Executors.newFixedThreadPool(2);
    }

    @TearDown
    public void stopPool() {
        pool.shutdownNow();
    }

    /** With the hasher the ledger writes with: BouncyCastle's SHA-256, one thread. */
    @Benchmark
    public byte[] ledgerCore() {
        return requireExpected(range(Rfc6962Hasher.DEFAULT, 0, log.length).root());
    }

    /** With the verifiers' hasher: the JDK's SHA-256, one thread. */
    @Benchmark
    public byte[] jdkDigest() {
        return requireExpected(range(Rfc6962Hasher.JDK, 0, log.length).root());
    }

    /** The verifiers' hasher on two threads (this machine's two cores), one half each. */
    @Benchmark
    public byte[] jdkDigestTwoThreads() throws InterruptedException, ExecutionException {
        int half = log.length / 2;
        Future<CompactRange> left = pool.submit(() -> range(Rfc6962Hasher.JDK, 0, half));
        Future<CompactRange> right = pool.submit(() -> range(Rfc6962Hasher.JDK, half, log.length));
        CompactRange whole = left.get();
        whole.appendRange(right.get());
        return requireExpected(whole.root());
    }

    /** The compact range of leaves {@code [from, to)}, each leaf hashed from its canonical bytes. */
    private CompactRange range(Rfc6962Hasher hasher, int from, int to) {
        CompactRange range = CompactRange.empty(hasher, from);
        for (int i = from; i < to; i++) {
            range.append(hasher.hashLeaf(log[i]));
        }
        return range;
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
