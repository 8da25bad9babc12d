package uk.gov.accessledger.bench.query;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Options of {@code querybench}:
 *
 * <pre>
 * --url URL             the running ledger API (default http://127.0.0.1:8080)
 * --jwks-port P         serve the bench issuer's JWKS on this loopback port; the API must have been
 *                       started with LEDGER_OIDC_JWKS_URI=http://127.0.0.1:P/jwks.json (required)
 * --subjects M          the bulk load's --subjects: citizens are drawn from the first M NHS numbers
 * --clients C[,C...]    concurrent clients in the timed phases; each phase runs once per count, so
 *                       "1,8" gives the unqueued latency and the latency of a saturated machine
 *                       (default 1,8)
 * --seconds S           length of each timed phase (default 30); --warmup-seconds W before it (default 5)
 * --jit-warmup-seconds J before any timed phase, each operation runs untimed for J seconds on the
 *                       most clients, so the freshly started API is compiled and PostgreSQL's cache
 *                       filled (default 20)
 * --tokens T            citizen tokens signed before the phases, one per random subject (default 20,000)
 * --export-limit N      stop each export after N entries (default: the whole log)
 * --api-pid PID         the API's process, to sample its resident memory during the exports
 * --api-heap TEXT       the API's heap setting, recorded beside the export figures (e.g. -Xmx256m)
 * --bulkload FILE       the bulk load's JSON, copied into the output
 * --pg-url URL          the API's database: adds the baselines, the same statements by plain JDBC
 *                       after each read phase and a binary COPY of the same rows after each export
 *                       (needs --pseudonym-key-file; --pg-user, default postgres; password from
 *                       LEDGER_BENCH_PG_PASSWORD, default none)
 * --pseudonym-key-file F the bulk load's pseudonym key, to find the loaded citizens' rows
 * --out FILE            where to write the figures (default ledger-bench/target/scale/scale.json)
 * </pre>
 */
public record QueryBenchSettings(String url, int jwksPort, int subjects, List<Integer> clients, int seconds,
                          int warmupSeconds, int jitWarmupSeconds, int tokens, long exportLimit, long apiPid,
                          String apiHeap, Path bulkload, Path out, String pgUrl, String pgUser, String pgPassword,
                          Path pseudonymKeyFile) {

    public static QueryBenchSettings parse(String[] args) {
        String url = "http://127.0.0.1:8080";
        int jwksPort = -1;
        int subjects = -1;
        List<Integer> clients = List.of(1, 8);
        int seconds = 30;
        int warmup = 5;
        int jitWarmup = 20;
        int tokens = 20_000;
        long exportLimit = Long.MAX_VALUE;
        long apiPid = -1;
        String apiHeap = "unknown";
        Path bulkload = null;
        Path out = Path.of("ledger-bench/target/scale/scale.json");
        String pgUrl = null;
        String pgUser = "postgres";
        Path pseudonymKeyFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--url" -> url = value;
                case "--jwks-port" -> jwksPort = Integer.parseInt(value);
                case "--subjects" -> subjects = Integer.parseInt(value.replace("_", ""));
                case "--clients" -> clients = Arrays.stream(value.split(",")).map(String::trim)
                        .map(Integer::valueOf).toList();
                case "--seconds" -> seconds = Integer.parseInt(value);
                case "--warmup-seconds" -> warmup = Integer.parseInt(value);
                case "--jit-warmup-seconds" -> jitWarmup = Integer.parseInt(value);
                case "--tokens" -> tokens = Integer.parseInt(value.replace("_", ""));
                case "--export-limit" -> exportLimit = Long.parseLong(value.replace("_", ""));
                case "--api-pid" -> apiPid = Long.parseLong(value);
                case "--api-heap" -> apiHeap = value;
                case "--bulkload" -> bulkload = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--pg-url" -> pgUrl = value;
                case "--pg-user" -> pgUser = value;
                case "--pseudonym-key-file" -> pseudonymKeyFile = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (jwksPort < 0 || subjects < 1) {
            throw new IllegalArgumentException("requires --jwks-port and --subjects");
        }
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1) || seconds < 1 || warmup < 0 || jitWarmup < 0
                || tokens < 1 || exportLimit < 1) {
            throw new IllegalArgumentException("requires positive --clients, --seconds, --tokens, --export-limit");
        }
        if ((pgUrl == null) != (pseudonymKeyFile == null)) {
            throw new IllegalArgumentException("--pg-url and --pseudonym-key-file go together: the baselines need both");
        }
        String pgPassword = System.getenv().getOrDefault("LEDGER_BENCH_PG_PASSWORD", "");
        return new QueryBenchSettings(url, jwksPort, subjects, clients, seconds, warmup, jitWarmup, tokens, exportLimit,
                apiPid, apiHeap, bulkload, out, pgUrl, pgUser, pgPassword, pseudonymKeyFile);
    }
}
