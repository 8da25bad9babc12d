/**
 * The ledger API application: the HTTP edges (WebFlux), the read models and their PostgreSQL/H2
 * repositories, security and configuration. Domain rules live in {@code ledger-core}; this
 * module turns requests into commands and domain exceptions into RFC 9457 problems.
 */
package uk.gov.accessledger.api;
