/**
 * The JMH micro-benchmarks of the ledger's hot paths, each beside the baseline that bounds it:
 * canonicalisation and leaf hashing of an access entry against raw SHA-256 of the same bytes
 * (BouncyCastle and the JDK), Merkle append storing every node, inclusion and consistency proofs
 * in a tree of {@link uk.gov.accessledger.bench.shared.PerformanceTarget#SCALE_ENTRIES} leaves held
 * in memory ({@link uk.gov.accessledger.bench.jmh.FlatTree}), Ed25519 checkpoint signatures,
 * a batch's receipts, and offline verification of a whole log. All data comes from seeded
 * generators, so every fork measures the same bytes.
 *
 * <p>Run them all through the report ({@code java -jar ledger-bench/target/ledger-bench.jar report},
 * which {@code ledger-bench/run.sh} calls), or any of them through JMH directly, e.g.
 * {@code java -jar ledger-bench/target/ledger-bench.jar ProofBenchmark -f 1}.
 */
package uk.gov.accessledger.bench.jmh;
