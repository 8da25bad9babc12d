/**
 * Export bundles, version 1: the ZIP file a regulator keeps and verifies offline, years later,
 * without trusting the ledger's operator. Implements the repository's {@code
 * docs/export-bundle.md} ("Export bundle, version 1") exactly.
 *
 * <ul>
 *   <li>{@link BundleFormat} holds the spec's constants: file names,
 *       the manifest's format string, the manifest signature's header line and the CSV columns.
 *   <li>{@link BundleWriter} writes a bundle in one streaming pass
 *       from {@link ExportedEntry}s, each an entry's canonical bytes,
 *       leaf index, inclusion proof and {@link EntryCsvRow}.
 *   <li>{@link BundleVerifier} runs the spec's eight checks ("What
 *       verify-bundle checks") against a trusted log key and returns a {@link BundleReport} of
 *       {@link Finding}s,
 *       each naming its {@link BundleCheck}, file, line and entry.
 * </ul>
 *
 * <p>Both sides stream: memory does not grow with the number of entries. The verifier reads
 * {@code entries.jsonl} and {@code entries.csv} side by side in one pass, and checks subject
 * chains from link records spilled to temporary files partitioned by subject.
 *
 * <p>The bundle's formats come from the log-format package (C2SP signed notes and checkpoints),
 * the Merkle package (RFC 9162 inclusion proofs) and the canonical package (RFC 8785); this
 * package only puts them together.
 */
package uk.gov.accessledger.bundle;
