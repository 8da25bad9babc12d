/**
 * The subject map: for every subject of the log, its entry count and the leaf index and leaf hash
 * of its newest entry, in a Merkle structure keyed by subject with proofs of presence and of
 * absence, derived from the log and committed in it (docs/map-format.md, issue 20).
 *
 * <ul>
 *   <li>{@link uk.gov.accessledger.map.SubjectKey}, {@link uk.gov.accessledger.map.SubjectState}:
 *       a key (the subject's 32 bytes) and a value (48 bytes).
 *   <li>{@link uk.gov.accessledger.map.MapHasher}: the four domain-separated SHA-256 hashes.
 *   <li>{@link uk.gov.accessledger.map.SubjectMap} over a {@link uk.gov.accessledger.map.NodeStore}
 *       ({@link uk.gov.accessledger.map.InMemoryNodeStore} now, PostgreSQL to follow): batch
 *       updates, lookups and proofs.
 *   <li>{@link uk.gov.accessledger.map.MapProof}, its bytes
 *       ({@link uk.gov.accessledger.map.MapProofCodec}) and JSON
 *       ({@link uk.gov.accessledger.map.MapProofJson}), and
 *       {@link uk.gov.accessledger.map.MapProofVerifier}.
 *   <li>{@link uk.gov.accessledger.map.MapDerivation}: the map as a function of the log, with the
 *       monitors' seq check; {@link uk.gov.accessledger.map.MapReplay}: a monitor's recomputation
 *       of every committed root; {@link uk.gov.accessledger.map.MapRootLeaf}: the draft leaf that
 *       commits a root in the log.
 * </ul>
 *
 * <p>Design: a sparse Merkle tree of depth 256 (Laurie and Kasper, "Revocation Transparency",
 * 2012) in which, as in Diem's Jellyfish Merkle tree (Gao et al., 2021) and its binary
 * {@code SparseMerkleProof}, a subtree holding one key is replaced by that key's leaf and an empty
 * subtree by one constant. The root is a function of the set of pairs alone; a proof is the
 * non-empty siblings on the key's path plus a bitmap, with no node labels, so a browser verifies
 * it with a loop and SHA-256. FiloSottile/torchwood's {@code mpt} (the AKD-compatible Merkle
 * Patricia trie that transparency-dev's verifiable index uses) was the alternative: the same tree
 * shape, but every node's hash commits to its label, so its proofs carry a label per sibling.
 * The commitment follows the verifiable index's "map sandwich": the map is a function of the
 * input log and its roots are committed in a log, here the same log.
 *
 * <p>Depends on the JDK, Jackson's tree and this module's {@code canonical} and {@code merkle}
 * packages only.
 */
package uk.gov.accessledger.map;
