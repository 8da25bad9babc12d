package uk.gov.accessledger.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The benchmarks jar's entry point.
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
 * See {@link ReportSettings} and {@link LoadSettings} for the options.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("report")) {
            ReportSettings settings = ReportSettings.parse(Arrays.copyOfRange(args, 1, args.length));
            new Report(settings).run();
            return;
        }
        if (args.length > 0 && args[0].equals("load")) {
            LoadSettings settings = LoadSettings.parse(Arrays.copyOfRange(args, 1, args.length));
            LoadReport.write(settings, new LoadTest(settings));
            return;
        }
        if (args.length > 0 && args[0].equals("bulkload")) {
            BulkLoadSettings settings = BulkLoadSettings.parse(Arrays.copyOfRange(args, 1, args.length));
            BulkLoader.Result result = new BulkLoader(settings).run();
            BulkLoader.log("%,d entries over %,d subjects in %.1f s (%.1f s generating and copying, %.1f s"
                    + " rebuilding keys and indexes): %,.0f entries/s; database %,d MiB",
                    result.entries(), result.subjects(), result.total().toMillis() / 1000.0,
                    result.generateAndCopy().toMillis() / 1000.0, result.indexes().toMillis() / 1000.0,
                    result.entriesPerSecond(), result.databaseBytes() >> 20);
            if (settings.out() != null) {
                LoadReport.writeJson(settings.out(), result.toJson());
            }
            return;
        }
        if (args.length > 0 && args[0].equals("querybench")) {
            QueryBenchSettings settings = QueryBenchSettings.parse(Arrays.copyOfRange(args, 1, args.length));
            new QueryBench(settings).run();
            return;
        }
        if (args.length >= 3 && args[0].equals("roundtrips")) {
            Path target = Path.of(args.length > 3 ? args[3] : args[2]);
            Map<String, Object> load = LoadReport.read(Path.of(args[2]));
            Map<String, Object> updated = LoadReport.read(target);
            updated.put("postgresRoundTrips", RoundTrips.analyse(Path.of(args[1]), load));
            updated.put("postgresRoundTripsFrom", "a separate short load run (" + load.get("started")
                    + ") with a flight recording of every PostgreSQL socket read");
            LoadReport.writeJson(target, updated);
            return;
        }
        org.openjdk.jmh.Main.main(args);
    }
}
