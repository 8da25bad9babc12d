/**
 * The parts of the entry format (the repository's {@code docs/entry-format.md}) that readers of
 * entries need without the domain: {@link uk.gov.accessledger.entryformat.EntryInstants}, the one
 * text form of an instant in an entry, in its CSV row and in an export bundle.
 *
 * <p>Writing an entry (its envelope and each kind's fields) is the domain's job and stays in
 * {@code uk.gov.accessledger.chain.CanonicalEntry} in ledger-core.
 */
package uk.gov.accessledger.entryformat;
