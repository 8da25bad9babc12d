/**
 * Benchmarks of the ledger's hot paths, measured beside the baselines that bound them: JMH
 * micro-benchmarks of canonicalisation and leaf hashing (against raw SHA-256 of the same bytes
 * with BouncyCastle and with the JDK), Merkle append, inclusion and consistency proofs at 10 M
 * leaves, Ed25519 checkpoint signatures and offline full-log verification; and the report
 * ({@link uk.gov.accessledger.bench.BenchMain} {@code report}) that runs them and sets each
 * figure beside its target in docs/design.md "Performance targets".
 *
 * <p>All data comes from seeded generators, so every run measures the same bytes. Nothing here
 * is used by the ledger itself; this module depends on ledger-core and ledger-format only.
 */
package uk.gov.accessledger.bench;
