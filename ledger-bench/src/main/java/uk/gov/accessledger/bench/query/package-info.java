/**
 * The read benchmark at scale ({@code querybench}): a citizen's history page, an entry page with
 * its proof, inclusion and consistency proofs, and the auditor's streamed exports, over HTTP
 * against a running ledger API on a bulk-loaded database, each beside its baseline in the same run
 * (the same SQL statement by plain JDBC, a binary COPY of the exports' rows). Every proof served is
 * verified. Citizens and the auditor sign in with JWTs from an issuer of its own
 * ({@link uk.gov.accessledger.bench.query.CitizenTokens}). Writes
 * {@link uk.gov.accessledger.bench.query.ScaleResults} as scale.json.
 *
 * <p>Run it with {@code ledger-bench/scale.sh [options]} (options:
 * {@link uk.gov.accessledger.bench.query.QueryBenchSettings}), which bulk-loads a fresh database
 * and starts the API on it.
 */
package uk.gov.accessledger.bench.query;
