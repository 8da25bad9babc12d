/**
 * The benchmarks jar's entry point ({@link uk.gov.accessledger.bench.BenchMain}), which dispatches
 * to the tools, one package each: {@code jmh} (micro-benchmarks), {@code load} (end-to-end ingest
 * load), {@code bulk} (bulk loader), {@code query} (reads at scale) and {@code report} (the
 * benchmark report); {@code shared} holds what several of them use, among it the performance
 * targets of docs/design.md.
 *
 * <p>Nothing here is used by the ledger itself; this module depends on ledger-core and
 * ledger-format only.
 */
package uk.gov.accessledger.bench;
