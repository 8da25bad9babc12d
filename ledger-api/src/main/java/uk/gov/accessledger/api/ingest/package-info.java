/**
 * Ingest, every write of an entry: services record entries singly or in all-or-nothing batches of
 * up to 1,000, idempotent by client-supplied UUID, and citizens raise concerns about their own
 * entries (docs/api.md, "Concerns"), idempotent by an optional key. Requests are parsed field by
 * field, with the same field checks for both, so that every error names its field; the citizen
 * identifier is pseudonymised here and goes no further.
 */
package uk.gov.accessledger.api.ingest;
