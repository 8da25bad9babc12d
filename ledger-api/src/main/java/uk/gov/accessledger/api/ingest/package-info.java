/**
 * Ingest: services record entries singly or in all-or-nothing batches of up to 1,000, idempotent
 * by client-supplied UUID. Requests are parsed field by field so that every error names its field;
 * the citizen identifier is pseudonymised here and goes no further.
 */
package uk.gov.accessledger.api.ingest;
