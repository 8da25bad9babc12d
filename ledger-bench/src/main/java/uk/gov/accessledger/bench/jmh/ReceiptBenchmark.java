package uk.gov.accessledger.bench.jmh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
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
import uk.gov.accessledger.bench.shared.PerformanceTarget;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.ReceiptNote;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The receipts of one batch as the API signs them: the receipt tree over {@code entries} receipt
 * lines, one Ed25519 signature, and every entry's inclusion proof. The report divides to get
 * receipts per second, beside {@code checkpoint.sign}, the rate of one signature per entry.
 */
@Fork(value = 3, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReceiptBenchmark {

    /** Entries in the batch: the load run's default batch size, the smallest the batched-ingest target names. */
    @Param("" + PerformanceTarget.BATCH_SIZE_MIN)
    public int entries;

    private Ed25519NoteSigner signer;
    private List<byte[]> lines;

    @Setup
    public void lines() {
        signer = CheckpointSignatureBenchmark.fixedSigner();
        Random random = new Random(20261202L);
        String recordedAt = EntryInstants.format(Instant.parse("2026-12-02T10:00:00Z"));
        lines = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            byte[] leafHash = new byte[32];
            random.nextBytes(leafHash);
            lines.add(ReceiptNote.line(new UUID(random.nextLong(), random.nextLong()), leafHash, recordedAt));
        }
    }

    @Benchmark
    public List<ReceiptNote.Issued> signBatch() {
        return ReceiptNote.issue(CheckpointSignatureBenchmark.ORIGIN, lines, signer, Rfc6962Hasher.DEFAULT);
    }
}
