package uk.gov.accessledger.bench.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a report run measures: JMH forks and iterations, the data sizes, and where the report goes.
 *
 * <pre>
 * --out DIR            where benchmarks.md and benchmarks.json go (default: the current directory)
 * --forks N            JVM forks per benchmark; each figure is the median over forks (default 3)
 * --warmups N          warm-up iterations per fork (default 3)
 * --iterations N       measured iterations per fork (default 5)
 * --iteration-ms N     length of one iteration in milliseconds (default 1000)
 * --include REGEX      only benchmarks whose full name contains a match (default: all)
 * --smoke              tiny data, no fork, one short iteration: checks that everything runs
 * --command TEXT       the command line to print in the report (run.sh passes its own)
 * --load FILE          load.json from a load run in the same session, for the ingest target rows
 * --scale FILE         scale.json from ledger-bench/scale.sh (bulk load + querybench), for the
 *                      history-page, proof and export target rows
 * </pre>
 *
 * @param params JMH parameter overrides (tiny sizes for a smoke run)
 */
record ReportSettings(Path out, int forks, int warmups, int iterations, int iterationMillis, String include,
        boolean smoke, String command, Path load, Path scale, Map<String, String> params) {

    static final String ALL_BENCHMARKS = "^uk\\.gov\\.accessledger\\.bench\\.jmh\\.";

    static final String DEFAULT_COMMAND = "java -jar ledger-bench/target/ledger-bench.jar report";

    static ReportSettings parse(String... args) {
        Path out = Path.of(".");
        int forks = 3;
        int warmups = 3;
        int iterations = 5;
        int iterationMillis = 1000;
        String include = ALL_BENCHMARKS;
        boolean smoke = false;
        String command = DEFAULT_COMMAND;
        Path load = null;
        Path scale = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--forks" -> forks = positive(value(args, ++i, arg), arg, 0);
                case "--warmups" -> warmups = positive(value(args, ++i, arg), arg, 0);
                case "--iterations" -> iterations = positive(value(args, ++i, arg), arg, 1);
                case "--iteration-ms" -> iterationMillis = positive(value(args, ++i, arg), arg, 1);
                case "--include" -> include = value(args, ++i, arg);
                case "--command" -> command = value(args, ++i, arg);
                case "--load" -> load = Path.of(value(args, ++i, arg));
                case "--scale" -> scale = Path.of(value(args, ++i, arg));
                case "--smoke" -> smoke = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "; see ReportSettings");
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (smoke) {
            forks = 0;
            warmups = 0;
            iterations = 1;
            iterationMillis = 20;
            params.put("distinctEntries", "16");
            params.put("capacity", "1024");
            params.put("leaves", "1000");
            params.put("entries", "64");
        }
        return new ReportSettings(out, forks, warmups, iterations, iterationMillis, include, smoke, command, load, scale,
                Map.copyOf(params));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String option, int min) {
        int n = Integer.parseInt(value);
        if (n < min) {
            throw new IllegalArgumentException(option + ": got " + n + ", want at least " + min);
        }
        return n;
    }

    /** The value of JMH parameter {@code name} in this run: the override, else the benchmark's default. */
    String param(String name, String defaultValue) {
        return params.getOrDefault(name, defaultValue);
    }
}
