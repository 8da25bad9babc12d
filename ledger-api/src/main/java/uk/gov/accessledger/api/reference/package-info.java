/** Serves the reference data (organisations, services, purposes, legal bases, ...) that entries use. */
package uk.gov.accessledger.api.reference;
