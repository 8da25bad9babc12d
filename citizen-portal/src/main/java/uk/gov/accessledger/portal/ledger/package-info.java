/**
 * The portal's small client of ledger-api (docs/api.md): the citizen endpoints, called over HTTP
 * with the signed-in citizen's access token, and the check of an entry's leaf hash (RFC 6962,
 * {@code SHA-256(0x00 || canonical bytes)}) and chain links (docs/entry-format.md) that the
 * portal does server-side before it calls an entry genuine.
 */
package uk.gov.accessledger.portal.ledger;
