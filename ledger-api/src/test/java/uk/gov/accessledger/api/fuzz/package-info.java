/**
 * The generative suite of issue 16: jqwik properties that send an outsider's fuzzer mutations
 * (single entries and batches with one field changed, byte-level damage, odd headers, query and
 * proof parameters) to a running ledger over real HTTP, on H2 and on PostgreSQL, and check every
 * answer against the API's contract (docs/api.md): never 5xx, every error an RFC 9457 problem whose
 * JSON Pointers (RFC 6901) resolve in the request, no Java class names, nothing stored on a
 * rejection, accepted entries read back as sent, replays and concurrent duplicates as documented.
 */
package uk.gov.accessledger.api.fuzz;
