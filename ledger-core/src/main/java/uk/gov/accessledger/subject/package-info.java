/**
 * Citizen identifiers and the keyed pseudonyms that stand for them in the ledger.
 *
 * <p>The plain identifier (NHS number, National Insurance number) never enters the ledger: a
 * subject is {@code HMAC-SHA-256(key, scheme || 0x00 || identifier)} (RFC 2104 with FIPS 180-4
 * SHA-256), hex-encoded. The key is held outside the ledger tables. Plain hashes of these
 * low-entropy identifiers are forbidden because they can be brute-forced in minutes.
 */
package uk.gov.accessledger.subject;
