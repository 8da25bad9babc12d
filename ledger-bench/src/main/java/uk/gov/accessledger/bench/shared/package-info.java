/**
 * What several of the benchmark tools use: the performance targets of docs/design.md
 * ({@link uk.gov.accessledger.bench.shared.PerformanceTarget}, the one definition of them in code),
 * the machine a run measures on and its load while measuring, request latencies, CPU per request
 * by process, seeded entry and NHS-number generators, the ledger's schema from ledger-api's
 * migrations on the class path, and the JSON files the tools write and read.
 *
 * <p>Not a tool of its own: nothing here runs from the command line.
 */
package uk.gov.accessledger.bench.shared;
