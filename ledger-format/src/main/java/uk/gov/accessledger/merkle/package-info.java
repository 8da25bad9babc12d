/**
 * Merkle tree primitives for the ledger's global transparency log: the RFC 6962 / RFC 9162
 * SHA-256 tree hash ({@link Rfc6962Hasher}), compact ranges that let
 * the sequencer append in O(log n) and report the perfect-subtree nodes it must store
 * ({@link CompactRange}), small trees held wholly in memory
 * ({@link InMemoryTree}, for receipts), the node IDs needed to build inclusion and
 * consistency proofs from stored nodes ({@link ProofNodes}), and the
 * verifiers for those proofs ({@link ProofVerifier}).
 *
 * <p>Specifications: RFC 6962 section 2.1 (Merkle hash trees, audit paths, consistency proofs)
 * and RFC 9162 sections 2.1.3.2 (verifying an inclusion proof) and 2.1.4.2 (verifying a
 * consistency proof). The design is a port of transparency-dev/merkle (Go): its
 * {@code rfc6962}, {@code compact} and {@code proof} packages. Like that library this package
 * depends only on the JDK and a SHA-256 implementation (BouncyCastle's {@code SHA256Digest}).
 *
 * <p>Tree sizes and leaf indices are {@code long}s and must be non-negative; the Go original uses
 * unsigned 64-bit integers, so trees here are limited to fewer than 2<sup>63</sup> leaves.
 */
package uk.gov.accessledger.merkle;
