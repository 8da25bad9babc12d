package uk.gov.accessledger.bench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import uk.gov.accessledger.bench.jmh.EntryHashBenchmark;

/**
 * The figures the report quotes, and how each is read from the JMH results: which benchmark,
 * which statistic of each fork's result, and which baseline it is compared with.
 */
final class Figures {

    /** How to read one number from one fork's result of one benchmark. */
    private record Spec(String id, String benchmark, String label, String unit, boolean higherIsBetter,
            String baselineId, ToDoubleBiFunction<BenchmarkResult, RunResult> read) {
    }

    private static final String PACKAGE = EntryHashBenchmark.class.getPackageName() + ".";

    private static final List<Spec> SPECS = List.of(
            rate("entry.encodeAndLeafHash", "EntryHashBenchmark.encodeAndLeafHash",
                    "canonicalise (RFC 8785) + leaf hash, one access entry", "entries/s", "sha256.jdk.entry"),
            rate("entry.encodeOnly", "EntryHashBenchmark.encodeOnly",
                    "canonicalise only, one access entry", "entries/s", "sha256.jdk.entry"),
            rate("entry.leafHashLedgerCore", "EntryHashBenchmark.leafHashLedgerCore",
                    "leaf hash of stored canonical bytes (ledger-core, BouncyCastle)", "entries/s",
                    "sha256.jdk.entry"),
            rate("sha256.bc.entry", "EntryHashBenchmark.sha256BouncyCastleEntry",
                    "baseline: raw SHA-256 of the same entry bytes, BouncyCastle", "hashes/s", "sha256.jdk.entry"),
            rate("sha256.jdk.entry", "EntryHashBenchmark.sha256JdkEntry",
                    "baseline: raw SHA-256 of the same entry bytes, JDK", "hashes/s", null),
            rate("sha256.jdk.entryNewDigest", "EntryHashBenchmark.sha256JdkEntryNewDigest",
                    "baseline: raw SHA-256 of the same entry bytes, JDK, new MessageDigest per call", "hashes/s",
                    "sha256.jdk.entry"),
            rate("node.ledgerCore", "EntryHashBenchmark.nodeHashLedgerCore",
                    "interior node hash (ledger-core, BouncyCastle)", "hashes/s", "sha256.jdk.node"),
            rate("sha256.bc.node", "EntryHashBenchmark.sha256BouncyCastleNode",
                    "baseline: raw SHA-256 of 65 bytes, BouncyCastle", "hashes/s", "sha256.jdk.node"),
            rate("sha256.jdk.node", "EntryHashBenchmark.sha256JdkNode",
                    "baseline: raw SHA-256 of 65 bytes, JDK", "hashes/s", null),
            rate("merkle.append", "MerkleAppendBenchmark.appendStoringNodes",
                    "Merkle append, storing every new node (CompactRange + visitor)", "leaves/s", "sha256.bc.node"),
            percentile("proof.inclusion.p50", "ProofBenchmark.inclusionProof", 50,
                    "inclusion proof at 10 M leaves, p50 (node IDs, fetch, rehash)"),
            percentile("proof.inclusion.p99", "ProofBenchmark.inclusionProof", 99,
                    "inclusion proof at 10 M leaves, p99 (node IDs, fetch, rehash)"),
            percentile("proof.consistency.p50", "ProofBenchmark.consistencyProof", 50,
                    "consistency proof to 10 M leaves, p50 (node IDs, fetch, rehash)"),
            percentile("proof.consistency.p99", "ProofBenchmark.consistencyProof", 99,
                    "consistency proof to 10 M leaves, p99 (node IDs, fetch, rehash)"),
            percentile("proof.verifyInclusion.p99", "ProofBenchmark.verifyInclusionProof", 99,
                    "client verifying an inclusion proof at 10 M leaves, p99"),
            rate("checkpoint.sign", "CheckpointSignatureBenchmark.signCheckpoint",
                    "Ed25519: sign a checkpoint as a signed note", "signatures/s", null),
            rate("checkpoint.open", "CheckpointSignatureBenchmark.openCheckpoint",
                    "Ed25519: verify a signed checkpoint and parse it", "verifications/s", null),
            perEntry("receipt.batch", "ReceiptBenchmark.signBatch",
                    "receipts of a batch of 500: receipt tree, one Ed25519 signature, every entry's proof",
                    "receipts/s", "checkpoint.sign"),
            perEntry("offline.ledgerCore", "OfflineVerificationBenchmark.ledgerCore",
                    "offline verification: every leaf and the root, ledger-core with the writer's SHA-256"
                            + " (BouncyCastle)"),
            perEntry("offline.jdk", "OfflineVerificationBenchmark.jdkDigest",
                    "offline verification: every leaf and the root, ledger-core with the verifiers' SHA-256 (JDK)"),
            perEntry("offline.jdkTwoThreads", "OfflineVerificationBenchmark.jdkDigestTwoThreads",
                    "offline verification: ledger-core with the verifiers' SHA-256 (JDK) on two threads"));

    private Figures() {
    }

    /** Figures of benchmarks measured in ops per second: the fork's score as it is. */
    private static Spec rate(String id, String benchmark, String label, String unit, String baselineId) {
        return new Spec(id, benchmark, label, unit, true, baselineId,
                (fork, run) -> fork.getPrimaryResult().getScore());
    }

    /** Figures of sampled benchmarks: a percentile of the fork's samples, in microseconds. */
    private static Spec percentile(String id, String benchmark, double percentile, String label) {
        return new Spec(id, benchmark, label, "µs", false, null,
                (fork, run) -> fork.getPrimaryResult().getStatistics().getPercentile(percentile));
    }

    /** Figures of benchmarks whose operation handles {@code entries} entries, timed in ms/op. */
    private static Spec perEntry(String id, String benchmark, String label) {
        return perEntry(id, benchmark, label, "entries/s", "sha256.jdk.entry");
    }

    private static Spec perEntry(String id, String benchmark, String label, String unit, String baselineId) {
        return new Spec(id, benchmark, label, unit, true, baselineId,
                (fork, run) -> Double.parseDouble(run.getParams().getParam("entries")) * 1000.0
                        / fork.getPrimaryResult().getScore());
    }

    /** The figures present in {@code results}, in the report's order, keyed by id. */
    static Map<String, Figure> from(Collection<RunResult> results) {
        Map<String, RunResult> byBenchmark = new LinkedHashMap<>();
        for (RunResult result : results) {
            byBenchmark.put(result.getParams().getBenchmark(), result);
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (Spec spec : SPECS) {
            RunResult run = byBenchmark.get(PACKAGE + spec.benchmark());
            if (run == null) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (BenchmarkResult fork : run.getBenchmarkResults()) {
                values.add(spec.read().applyAsDouble(fork, run));
            }
            figures.put(spec.id(), new Figure(spec.id(), spec.label(), spec.unit(), spec.higherIsBetter(), values,
                    spec.baselineId()));
        }
        return figures;
    }

    /** The ids of every figure the report knows, for tests. */
    static List<String> ids() {
        return SPECS.stream().map(Spec::id).toList();
    }

    /** The benchmark method names the figures read, for tests. */
    static List<String> benchmarks() {
        return SPECS.stream().map(spec -> PACKAGE + spec.benchmark()).distinct().toList();
    }
}
