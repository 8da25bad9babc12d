/**
 * The benchmark report ({@code report}): runs every JMH micro-benchmark, reads the load run's
 * load.json and a scale run's scale.json when given, sets each figure beside its baseline and each
 * of the design's targets ({@link uk.gov.accessledger.bench.shared.PerformanceTarget}) beside what
 * was measured for it, and writes benchmarks.md and benchmarks.json.
 *
 * <p>Run it with {@code ledger-bench/run.sh} (load, then the report into docs/), or {@code java -jar
 * ledger-bench/target/ledger-bench.jar report [options]} (options:
 * {@link uk.gov.accessledger.bench.report.ReportSettings}); {@code --smoke} checks in seconds that
 * everything runs.
 */
package uk.gov.accessledger.bench.report;
