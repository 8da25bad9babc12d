/**
 * The entry formats of the repository's {@code docs/entry-format.md}, in the parts that readers
 * of entries need without the domain.
 *
 * <ul>
 *   <li>{@link uk.gov.accessledger.entryformat.EntryInstants}: the one text form of an instant in
 *       an entry, in its CSV row and in an export bundle.
 *   <li>Format 2: {@link uk.gov.accessledger.entryformat.EntryLeafV2}, the leaf that is kept for
 *       ever (chain fields, kind, recorded-at time and a commitment), and
 *       {@link uk.gov.accessledger.entryformat.ContentOpening}, the personal content with the
 *       random {@code r} that opens the commitment {@code HMAC-SHA-256(r, content)} (RFC 2104,
 *       RFC 4231) over the content's RFC 8785 canonical JSON. Leaves hash as RFC 6962 leaves.
 *   <li>{@link uk.gov.accessledger.entryformat.Tombstone}: what replaces a format 1 entry whose
 *       content is erased, keeping its leaf hash and chain link.
 * </ul>
 *
 * <p>Parsers of stored bytes throw {@link uk.gov.accessledger.entryformat.EntryFormatException}
 * with the JSON Pointer (RFC 6901) of the fault; checking content against its leaf throws the
 * checked {@link uk.gov.accessledger.entryformat.ContentVerificationException}. Writing an entry
 * (its envelope and each kind's fields) is the domain's job: format 1 in
 * {@code uk.gov.accessledger.chain.CanonicalEntry} in ledger-core. Sealing openings at rest is
 * {@code uk.gov.accessledger.contentseal}'s.
 */
package uk.gov.accessledger.entryformat;
