package uk.gov.accessledger.bench;

import java.util.Arrays;
import org.openjdk.jmh.Main;
import uk.gov.accessledger.bench.bulk.BulkLoader;
import uk.gov.accessledger.bench.load.LoadReport;
import uk.gov.accessledger.bench.load.RoundTrips;
import uk.gov.accessledger.bench.query.QueryBench;
import uk.gov.accessledger.bench.report.Report;

/**
 * The benchmarks jar's entry point: the first argument names the tool, the rest are its options.
 *
 * <pre>
 * java -jar ledger-bench.jar report [options]   run everything, write benchmarks.md and .json
 * java -jar ledger-bench.jar load [options]     load a running ledger API, write load.json
 * java -jar ledger-bench.jar bulkload [options] fill an empty ledger database with N valid entries
 * java -jar ledger-bench.jar querybench [options]  measure reads of a running API on a bulk-loaded database
 * java -jar ledger-bench.jar roundtrips JFR LOAD_JSON [TARGET_JSON]
 *                                               count PostgreSQL round trips per entry in a recording
 *                                               of a load run; add them to TARGET_JSON (default LOAD_JSON)
 * java -jar ledger-bench.jar [JMH options]      plain JMH, e.g. -l to list or a regex to run
 * </pre>
 *
 * Each tool's package says what it measures; its settings class lists its options.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "report" -> Report.main(options);
            case "load" -> LoadReport.main(options);
            case "bulkload" -> BulkLoader.main(options);
            case "querybench" -> QueryBench.main(options);
            case "roundtrips" -> RoundTrips.main(options);
            default -> Main.main(args);
        }
    }
}
