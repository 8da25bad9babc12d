/**
 * Stored data of an earlier release stays readable (issue 27): a fixture written by release 0.1
 * (a PostgreSQL dump and an H2 file, in {@code src/test/resources/upgrade/release-0.1/}), its
 * generator, and the test that starts the current API on it, appends to its chains and verifies
 * the whole log with the self-audit and {@code ledger-verify}.
 */
package uk.gov.accessledger.api.upgrade;
