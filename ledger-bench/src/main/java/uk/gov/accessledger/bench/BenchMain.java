package uk.gov.accessledger.bench;

import java.util.Arrays;

/**
 * The benchmarks jar's entry point.
 *
 * <pre>
 * java -jar ledger-bench.jar report [options]   run everything, write benchmarks.md and .json
 * java -jar ledger-bench.jar load [options]     load a running ledger API, write load.json
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
        org.openjdk.jmh.Main.main(args);
    }
}
