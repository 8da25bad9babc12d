/**
 * The transparency log's wire formats: signed notes, checkpoints, tile paths, entry bundles and
 * offline proofs. This is the counterpart of tessera's {@code api/layout} and sunlight's root
 * package; it holds formats only, and leaves Merkle hashing and proof checking to the Merkle
 * package.
 *
 * <ul>
 *   <li>{@link SignedNote}, {@link Ed25519NoteSigner} and {@link NoteVerifier} implement <a
 *       href="https://c2sp.org/signed-note">c2sp.org/signed-note</a> with Ed25519 (signature
 *       type 0x01) only, and the signer and verifier key strings of {@code
 *       golang.org/x/mod/sumdb/note}.
 *   <li>{@link Checkpoint} implements <a
 *       href="https://c2sp.org/tlog-checkpoint">c2sp.org/tlog-checkpoint</a>.
 *   <li>{@link TilePath} and {@link EntryBundle} implement the paths and entry bundles of <a
 *       href="https://c2sp.org/tlog-tiles">c2sp.org/tlog-tiles</a>.
 *   <li>{@link TlogProof} implements <a
 *       href="https://c2sp.org/tlog-proof">c2sp.org/tlog-proof@v1</a>.
 *   <li>{@link ReceiptNote} is the ledger's own receipt (see
 *       docs/log-format.md): one signed note per request over an RFC 6962 tree of its entries'
 *       receipt lines, built and checked with the Merkle package.
 * </ul>
 *
 * <p>Parsers of untrusted text throw {@link LogFormatException}; opening a signed note throws the
 * checked {@link NoteVerificationException}, so that no caller can forget that a note's text
 * means nothing until a known key's signature on it has been verified.
 */
package uk.gov.accessledger.logformat;
