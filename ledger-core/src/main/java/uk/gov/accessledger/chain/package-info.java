/**
 * The per-subject hash chain: the event-sourced {@link SubjectChain}
 * aggregate, its commands and its events, and the canonical entry form.
 *
 * <p>Every entry about one subject gets {@code seq} 0, 1, 2, ... and {@code prev}, the leaf hash
 * of the subject's previous entry. The entry is serialised as RFC 8785 canonical JSON and its
 * hash is the RFC 6962 leaf hash {@code SHA-256(0x00 || canonical bytes)}. The aggregate is the
 * only writer of a chain: it assigns {@code seq} and {@code prev}, so a gap, fork or reorder cannot
 * be written, and replaying a chain whose links do not match fails with
 * {@link ChainBrokenException}.
 */
package uk.gov.accessledger.chain;
