package uk.gov.accessledger.bench.jmh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.SHA256Digest;
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
import uk.gov.accessledger.bench.shared.EntryGenerator;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Per-entry cost of turning an access entry into its canonical bytes and leaf hash, beside raw
 * SHA-256 of exactly the same bytes with BouncyCastle (the ledger's digest) and with the JDK
 * (the hashing limit of this machine), and of the 65-byte input of an interior node hash.
 */
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EntryHashBenchmark {

    /** How many distinct entries to cycle through; a power of two. */
    @Param("1024")
    public int distinctEntries;

    private EntryGenerator.Input[] inputs;
    private byte[][] canonical;
    private byte[] left;
    private byte[] right;
    private byte[] nodeInput;
    private MessageDigest jdk;
    private int next;

    @Setup
    public void generate() throws NoSuchAlgorithmException {
        if (Integer.bitCount(distinctEntries) != 1) {
            throw new IllegalArgumentException("requires a power of two: got " + distinctEntries);
        }
        inputs = new EntryGenerator.Input[distinctEntries];
        canonical = new byte[distinctEntries][];
        int[] i = {0};
        new EntryGenerator(20261125L).chained(distinctEntries, Math.max(1, distinctEntries / 8),
                (input, bytes) -> {
                    inputs[i[0]] = input;
                    canonical[i[0]++] = bytes;
                });
        left = CanonicalEntry.leafHash(canonical[0]);
        right = CanonicalEntry.leafHash(canonical[1 % distinctEntries]);
        nodeInput = new byte[1 + 2 * Rfc6962Hasher.HASH_SIZE];
        nodeInput[0] = Rfc6962Hasher.RFC6962_NODE_PREFIX;
        System.arraycopy(left, 0, nodeInput, 1, left.length);
        System.arraycopy(right, 0, nodeInput, 1 + left.length, right.length);
        jdk = MessageDigest.getInstance("SHA-256");
    }

    /** The mean length of the canonical entries, for the report's bytes-per-second figures. */
    public static double meanCanonicalLength(int distinctEntries) {
        long total = 0;
        byte[][] log = new EntryGenerator(20261125L).chainedLog(distinctEntries, Math.max(1, distinctEntries / 8));
        for (byte[] entry : log) {
            total += entry.length;
        }
        return (double) total / distinctEntries;
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (distinctEntries - 1);
        return i;
    }

    /** The ledger's path for one entry: build the JSON, canonicalise (RFC 8785), leaf hash. */
    @Benchmark
    public byte[] encodeAndLeafHash() {
        return CanonicalEntry.leafHash(inputs[nextIndex()].encode());
    }

    /** Canonicalisation alone, to split the cost above. */
    @Benchmark
    public byte[] encodeOnly() {
        return inputs[nextIndex()].encode();
    }

    /** The ledger's leaf hash of stored canonical bytes (ledger-format's BouncyCastle hasher). */
    @Benchmark
    public byte[] leafHashLedgerCore() {
        return CanonicalEntry.leafHash(canonical[nextIndex()]);
    }

    /** Baseline: raw BouncyCastle SHA-256 of the same canonical bytes. */
    @Benchmark
    public byte[] sha256BouncyCastleEntry() {
        byte[] data = canonical[nextIndex()];
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** Baseline: raw JDK SHA-256 of the same canonical bytes. */
    @Benchmark
    public byte[] sha256JdkEntry() {
        return jdk.digest(canonical[nextIndex()]);
    }

    /**
     * Baseline: raw JDK SHA-256 of the same bytes with a new {@link MessageDigest} per call, the
     * cost a stateless hasher built on the JDK would pay unless it reused digests per thread.
     */
    @Benchmark
    public byte[] sha256JdkEntryNewDigest() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(canonical[nextIndex()]);
    }

    /** The ledger's interior node hash (ledger-format's BouncyCastle hasher). */
    @Benchmark
    public byte[] nodeHashLedgerCore() {
        return Rfc6962Hasher.DEFAULT.hashChildren(left, right);
    }

    /** Baseline: raw BouncyCastle SHA-256 of a 65-byte node input. */
    @Benchmark
    public byte[] sha256BouncyCastleNode() {
        SHA256Digest digest = new SHA256Digest();
        digest.update(nodeInput, 0, nodeInput.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    /** Baseline: raw JDK SHA-256 of a 65-byte node input. */
    @Benchmark
    public byte[] sha256JdkNode() {
        return jdk.digest(nodeInput);
    }
}
