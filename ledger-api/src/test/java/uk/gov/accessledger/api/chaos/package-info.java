/**
 * The chaos suite: ledger-api started from its built jar as separate processes (several nodes on
 * one PostgreSQL database, or one node on the embedded H2 file database), loaded by many clients
 * sharing subjects while nodes are SIGKILLed, SIGTERMed and restarted and the database's
 * connections are terminated; then every acknowledged entry, receipt, checkpoint and the
 * self-audit are checked against what the database holds. Run by Maven Failsafe ({@code *IT})
 * after {@code package}; see issue 17 items 7 and 9.
 */
package uk.gov.accessledger.api.chaos;
