package uk.gov.accessledger.bench.load;

import java.net.URI;
import java.nio.file.Path;
import uk.gov.accessledger.bench.shared.MachineInfo;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/**
 * What a load run sends, and where. Every phase is bounded in requests and in time, and the URL
 * must be on the loopback interface: this generator never loads another machine.
 *
 * <pre>
 * --url URL              the ledger API (default http://127.0.0.1:8080); loopback only
 * --service NAME         service credential name (default gp-riverside-patient-record)
 * --secret SECRET        its secret (or env LEDGER_BENCH_SERVICE_SECRET)
 * --operator NAME:SECRET an operator credential (or env LEDGER_BENCH_OPERATOR), to read the API's
 *                        metrics: with it, load.json gives the mean group-commit size of single entries
 * --pg-url JDBC          PostgreSQL database for the plain INSERT baseline (the API's own database)
 * --pg-user USER         (default postgres; password from env LEDGER_BENCH_PG_PASSWORD)
 * --batch-size N         entries per batch, at most 1000 (default 500: the batched-ingest target names 500 to 1000)
 * --batches N            measured batches (default 60)
 * --batch-clients N      concurrent batch senders (default 2)
 * --single-requests N    measured single-entry requests at most (default 30000)
 * --clients N            concurrent single-entry clients (default 64, as the single-entry target names)
 * --inclusion-clients N  extra clients that send with ?wait=inclusion, for ack-to-checkpoint (default 4)
 * --patients N           distinct subjects (default 200000)
 * --proof-requests N     inclusion and as many consistency proofs fetched after the ingest load (default 2000)
 * --proof-clients N      concurrent proof clients (default 8)
 * --max-seconds N        time limit of each phase (default 60)
 * --warmup-batches N     batches sent before measuring, so the API's JIT has compiled the ingest path
 *                        (default 60; a fresh JVM spends most of its first minute compiling)
 * --warmup-seconds N     single-entry warm-up before measuring, after the warm-up batches (default 30)
 * --api-pid PID          the API's process on this machine: after the warm-up above, the load goes on in
 *                        rounds (4 batches, then up to 10 s of singles) until its JIT compiler is quiet
 *                        (see {@link JitWatch});
 *                        no round starts after --jit-warmup-max-seconds (default 300); without
 *                        --api-pid the warm-up is fixed
 * --out DIR              where load.json goes (default .)
 * </pre>
 */
record LoadSettings(URI url, String service, String secret, String operator, String pgUrl, String pgUser, int batchSize, int batches,
        int batchClients, int singleRequests, int clients, int inclusionClients, int patients, int proofRequests,
        int proofClients, int maxSeconds, int warmupBatches, int warmupSeconds, Long apiPid, int jitWarmupMaxSeconds,
        Path out) {

    static LoadSettings parse(String... args) {
        URI url = URI.create("http://127.0.0.1:8080");
        String service = "gp-riverside-patient-record";
        String secret = MachineInfo.env("LEDGER_BENCH_SERVICE_SECRET", null);
        String operator = MachineInfo.env("LEDGER_BENCH_OPERATOR", null);
        String pgUrl = null;
        String pgUser = "postgres";
        int batchSize = PerformanceTarget.BATCH_SIZE_MIN;
        int batches = 60;
        int batchClients = 2;
        int singleRequests = 30_000;
        int clients = PerformanceTarget.SINGLE_ENTRY_CLIENTS;
        int inclusionClients = 4;
        int patients = 200_000;
        int proofRequests = 2000;
        int proofClients = 8;
        int maxSeconds = 60;
        int warmupBatches = 60;
        int warmupSeconds = 30;
        Long apiPid = null;
        int jitWarmupMaxSeconds = 300;
        Path out = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            switch (arg) {
                case "--url" -> url = URI.create(value);
                case "--service" -> service = value;
                case "--secret" -> secret = value;
                case "--operator" -> operator = value;
                case "--pg-url" -> pgUrl = value;
                case "--pg-user" -> pgUser = value;
                case "--batch-size" -> batchSize = Integer.parseInt(value);
                case "--batches" -> batches = Integer.parseInt(value);
                case "--batch-clients" -> batchClients = Integer.parseInt(value);
                case "--single-requests" -> singleRequests = Integer.parseInt(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--inclusion-clients" -> inclusionClients = Integer.parseInt(value);
                case "--patients" -> patients = Integer.parseInt(value);
                case "--proof-requests" -> proofRequests = Integer.parseInt(value);
                case "--proof-clients" -> proofClients = Integer.parseInt(value);
                case "--max-seconds" -> maxSeconds = Integer.parseInt(value);
                case "--warmup-batches" -> warmupBatches = Integer.parseInt(value);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value);
                case "--api-pid" -> apiPid = Long.parseLong(value);
                case "--jit-warmup-max-seconds" -> jitWarmupMaxSeconds = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg + "; see LoadSettings");
            }
        }
        String host = url.getHost();
        if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) {
            throw new IllegalArgumentException("requires a loopback URL: got " + url);
        }
        if (secret == null) {
            throw new IllegalArgumentException("requires --secret or LEDGER_BENCH_SERVICE_SECRET");
        }
        if (operator != null && !operator.contains(":")) {
            throw new IllegalArgumentException("--operator must be NAME:SECRET");
        }
        if (batchSize < 1 || batchSize > PerformanceTarget.BATCH_SIZE_MAX || batches < 1 || batchClients < 1 || singleRequests < 1
                || clients < 1 || warmupBatches < 1 || inclusionClients < 0 || proofRequests < 0 || proofClients < 1 || maxSeconds < 1 || maxSeconds > 600 || warmupSeconds < 1
                || warmupSeconds > 600 || jitWarmupMaxSeconds < 0 || jitWarmupMaxSeconds > 1800) {
            throw new IllegalArgumentException("requires 1 <= batch-size <= 1000, positive counts and "
                    + "1 <= max-seconds, warmup-seconds <= 600, 0 <= jit-warmup-max-seconds <= 1800");
        }
        return new LoadSettings(url, service, secret, operator, pgUrl, pgUser, batchSize, batches, batchClients,
                singleRequests, clients, inclusionClients, patients, proofRequests, proofClients, maxSeconds, warmupBatches,
                warmupSeconds, apiPid, jitWarmupMaxSeconds, out);
    }
}
