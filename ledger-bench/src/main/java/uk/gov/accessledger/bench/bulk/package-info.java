/**
 * The bulk loader ({@code bulkload}): fills an empty ledger database with the rows ledger-api would
 * have written for N valid access entries over M subjects (default
 * {@link uk.gov.accessledger.bench.shared.PerformanceTarget#SCALE_ENTRIES} over
 * {@link uk.gov.accessledger.bench.shared.PerformanceTarget#SCALE_SUBJECTS}), without the API, by
 * binary COPY: the schema from the API's migrations, entries encoded, hashed and chained by
 * ledger-core, Axon events serialised as the API serialises them, every Merkle node, and one signed
 * checkpoint. It measures how fast it loads ({@link uk.gov.accessledger.bench.bulk.BulkLoadFigures},
 * bulkload.json), but exists to give the read benchmark its database.
 *
 * <p>Run it through {@code ledger-bench/scale.sh}, or {@code java -jar
 * ledger-bench/target/ledger-bench.jar bulkload --pg-url ... --pseudonym-key-file ...
 * --signing-key-file ...} (options: {@link uk.gov.accessledger.bench.bulk.BulkLoadSettings}).
 */
package uk.gov.accessledger.bench.bulk;
