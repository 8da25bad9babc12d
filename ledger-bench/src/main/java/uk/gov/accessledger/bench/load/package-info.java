/**
 * The end-to-end load generator ({@code load}): batched and single-entry ingest against a running
 * ledger API on PostgreSQL, from Reactor Netty clients on loopback, with clients waiting for
 * inclusion (an upper bound on acknowledgement to signed checkpoint), the single entries repeated
 * (answered, nothing written), proofs via the API, and the baselines in the same database: a plain
 * JDBC batch INSERT before and after, and the ledger's own rows written again by plain JDBC (the
 * floor). Each phase records its CPU per entry or request by process. Writes
 * {@link uk.gov.accessledger.bench.load.LoadResults} as load.json; {@code roundtrips} adds the API's
 * PostgreSQL round trips per entry from a flight recording of a second, short run.
 *
 * <p>Run it with {@code ledger-bench/load.sh [options]} (options: {@link
 * uk.gov.accessledger.bench.load.LoadSettings}), which starts the API on a fresh database; or
 * {@code java -jar ledger-bench/target/ledger-bench.jar load --url ... --secret ...} against an
 * API already running on loopback.
 */
package uk.gov.accessledger.bench.load;
