package uk.gov.accessledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.TlogProof;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * Reads a running ledger API on a bulk-loaded database over HTTP, as its users would, and writes
 * the latencies and rates beside the load's figures: a citizen's history page (50 entries) for
 * random citizens; an entry page and its tlog-proof; inclusion and consistency proofs against
 * the latest checkpoint; and the auditor's streamed CSV and JSON Lines exports. Every proof that
 * comes back is verified against the log key (from {@code /log/key}) and the checkpoint, after
 * its latency is taken; a failed check stops the run. With {@code --pg-url}, each read phase is
 * followed by its baseline on as many clients, the same statement by plain JDBC
 * ({@link PlainReads}), and each export by a binary COPY of the same rows.
 */
final class QueryBench {

    static final String HISTORY = "citizen history page (50 entries)";
    static final String ENTRY = "entry page";
    static final String ENTRY_PROOF = "entry proof (tlog-proof)";
    static final String ENTRY_WITH_PROOF = "entry page + its proof";
    static final String INCLUSION = "inclusion proof via the API";
    static final String CONSISTENCY = "consistency proof via the API";
    static final String HISTORY_JDBC = "baseline: history page SQL by plain JDBC";
    static final String INCLUSION_JDBC = "baseline: inclusion proof nodes by plain JDBC";
    static final String CONSISTENCY_JDBC = "baseline: consistency proof nodes by plain JDBC";
    static final String COPY_PREFIX = "baseline: COPY TO STDOUT of the rows of ";

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SAMPLED_ENTRIES = 100_000;

    private record Sampled(int token, String entryId, byte[] leafHash) {
    }

    /** What one client records in one phase, and its database connection for the baselines. */
    private final class Recorder {
        final Map<String, Latencies> latencies = new LinkedHashMap<>();
        boolean recording;
        PlainReads reads;

        PlainReads reads() throws java.sql.SQLException {
            if (reads == null) {
                reads = new PlainReads(settings.pgUrl(), settings.pgUser(), settings.pgPassword());
            }
            return reads;
        }

        void record(String name, long nanos) {
            if (recording) {
                latencies.computeIfAbsent(name, n -> new Latencies()).record(nanos);
            }
        }
    }

    @FunctionalInterface
    private interface Operation {
        void run(SplittableRandom random, Recorder recorder) throws Exception;
    }

    private final QueryBenchSettings settings;
    private final CpuShares cpu;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private NoteVerifier logKey;
    private long treeSize;
    private byte[] root;
    private String[] tokens;
    /** The pseudonym of each token's citizen, for the baselines; null without --pseudonym-key-file. */
    private String[] subjects;
    private final ConcurrentLinkedQueue<Sampled> sampled = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sampledCount = new AtomicInteger();
    private Sampled[] sample;

    QueryBench(QueryBenchSettings settings) {
        this.settings = settings;
        this.cpu = new CpuShares(settings.apiPid());
    }

    /** Runs with a token issuer of its own on {@code --jwks-port}. */
    void run() throws Exception {
        try (CitizenTokens issuer = new CitizenTokens(settings.jwksPort())) {
            run(issuer);
        }
    }

    /** Runs with {@code issuer}, whose JWKS the API must trust. */
    void run(CitizenTokens issuer) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("started", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("loadAverageBefore", MachineInfo.loadAverage());
        if (settings.bulkload() != null && Files.exists(settings.bulkload())) {
            report.put("bulkload", LoadReport.read(settings.bulkload()));
        }
        List<Map<String, Object>> phases = new ArrayList<>();
        try (LoadSampler sampler = new LoadSampler(5)) {
            logKey = NoteVerifier.parse(get("/log/key", null).trim());
            Checkpoint checkpoint = Checkpoint.open(get("/log/checkpoint", null), logKey);
            treeSize = checkpoint.size();
            root = checkpoint.rootHash();
            report.put("treeSize", treeSize);
            report.put("subjects", settings.subjects());
            tokens = signTokens(issuer);
            log("signed %,d citizen tokens; log has %,d leaves", tokens.length, treeSize);

            // The API has just started. Measured without this, the first phase ran while its JIT
            // compiler and PostgreSQL's cache were still warming: 8 clients' history p95 30 ms as
            // the first phase, 14 ms after a one-client phase.
            int most = settings.clients().stream().max(Integer::compare).orElseThrow();
            warmUp(most, List.of(HISTORY), this::history);
            sample = sampled.toArray(new Sampled[0]);
            if (sample.length == 0) {
                throw new IllegalStateException("couldn't sample entries: every history page was empty");
            }
            warmUp(most, List.of(ENTRY_WITH_PROOF, ENTRY, ENTRY_PROOF), this::entryWithProof);
            warmUp(most, List.of(INCLUSION), this::inclusion);
            warmUp(most, List.of(CONSISTENCY), this::consistency);
            // Each baseline runs right after the API phase it is the baseline of, on the same
            // number of clients, so that both see the machine in the same state.
            boolean baselines = settings.pgUrl() != null;
            for (int clients : settings.clients()) {
                phases.addAll(phase(clients, List.of(HISTORY), this::history));
                if (baselines) {
                    phases.addAll(phase(clients, List.of(HISTORY_JDBC), this::historyByJdbc));
                }
            }
            for (int clients : settings.clients()) {
                phases.addAll(phase(clients, List.of(ENTRY_WITH_PROOF, ENTRY, ENTRY_PROOF), this::entryWithProof));
                phases.addAll(phase(clients, List.of(INCLUSION), this::inclusion));
                if (baselines) {
                    phases.addAll(phase(clients, List.of(INCLUSION_JDBC), this::inclusionByJdbc));
                }
                phases.addAll(phase(clients, List.of(CONSISTENCY), this::consistency));
                if (baselines) {
                    phases.addAll(phase(clients, List.of(CONSISTENCY_JDBC), this::consistencyByJdbc));
                }
            }
            String auditor = issuer.auditor();
            phases.add(export("/api/v1/audit/entries.jsonl", auditor));
            if (baselines) {
                phases.add(copy("entries.jsonl", PlainReads.EXPORT_ROWS));
            }
            phases.add(export("/api/v1/audit/entries.csv", auditor));
            if (baselines) {
                phases.add(copy("entries.csv", PlainReads.EXPORT_ROWS));
            }
            report.put("loadAverageDuring", sampler.summary());
        }
        report.put("phases", phases);
        report.put("loadAverageAfter", MachineInfo.loadAverage());
        report.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        LoadReport.writeJson(settings.out(), report);
        log("wrote %s", settings.out());
    }

    private String[] signTokens(CitizenTokens issuer) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        int[] citizens = random.ints(settings.tokens(), 0, settings.subjects()).toArray();
        String[] signed = new String[citizens.length];
        IntStream.range(0, citizens.length).parallel()
                .forEach(i -> signed[i] = issuer.citizen(IngestRequests.nhsNumber(citizens[i])));
        if (settings.pseudonymKeyFile() != null) {
            SubjectPseudonymiser pseudonymiser = new SubjectPseudonymiser(
                    Base64.getDecoder().decode(Files.readString(settings.pseudonymKeyFile()).trim()));
            subjects = new String[citizens.length];
            IntStream.range(0, citizens.length).parallel().forEach(i -> subjects[i] = pseudonymiser.pseudonymOf(
                    CitizenIdentifier.parse("nhs-number", IngestRequests.nhsNumber(citizens[i]))));
        }
        return signed;
    }

    /** A citizen's newest 50 entries; keeps a sample of their ids for the entry phase. */
    private void history(SplittableRandom random, Recorder recorder) throws Exception {
        int token = random.nextInt(tokens.length);
        long t = System.nanoTime();
        String body = get("/api/v1/me/entries?limit=50", tokens[token]);
        recorder.record(HISTORY, System.nanoTime() - t);
        JsonNode entries = JSON.readTree(body).get("entries");
        if (entries == null || entries.size() > 50) {
            throw new IllegalStateException("couldn't read a history page: got " + body.length() + " bytes");
        }
        if (!entries.isEmpty() && sampledCount.get() < MAX_SAMPLED_ENTRIES) {
            JsonNode e = entries.get(random.nextInt(entries.size()));
            sampled.add(new Sampled(token, e.get("id").asText(), HexFormat.of().parseHex(e.get("leafHash").asText())));
            sampledCount.incrementAndGet();
        }
    }

    /** One entry's page, then its proof; the proof is verified after both are timed. */
    private void entryWithProof(SplittableRandom random, Recorder recorder) throws Exception {
        Sampled s = sample[random.nextInt(sample.length)];
        long t0 = System.nanoTime();
        String entry = get("/api/v1/me/entries/" + s.entryId(), tokens[s.token()]);
        long t1 = System.nanoTime();
        String proof = get("/api/v1/me/entries/" + s.entryId() + "/proof", tokens[s.token()]);
        long t2 = System.nanoTime();
        recorder.record(ENTRY_WITH_PROOF, t2 - t0);
        recorder.record(ENTRY, t1 - t0);
        recorder.record(ENTRY_PROOF, t2 - t1);
        if (!JSON.readTree(entry).get("entry").get("id").asText().equals(s.entryId())) {
            throw new IllegalStateException("couldn't read entry " + s.entryId() + ": another entry came back");
        }
        TlogProof p = TlogProof.parse(proof);
        Checkpoint c = Checkpoint.open(p.signedCheckpoint(), logKey);
        ProofVerifier.verifyInclusion(HASHER, p.index(), c.size(), s.leafHash(), p.inclusionProof(), c.rootHash());
    }

    private void inclusion(SplittableRandom random, Recorder recorder) throws Exception {
        long index = random.nextLong(treeSize);
        long t = System.nanoTime();
        String body = get("/api/v1/log/proof/inclusion?index=" + index + "&size=" + treeSize, null);
        recorder.record(INCLUSION, System.nanoTime() - t);
        JsonNode p = JSON.readTree(body);
        requireRoot(p);
        ProofVerifier.verifyInclusion(HASHER, index, treeSize, b64(p.get("leafHash")), hashes(p.get("proof")), root);
    }

    private void consistency(SplittableRandom random, Recorder recorder) throws Exception {
        long from = 1 + random.nextLong(treeSize);
        long t = System.nanoTime();
        String body = get("/api/v1/log/proof/consistency?from=" + from + "&to=" + treeSize, null);
        recorder.record(CONSISTENCY, System.nanoTime() - t);
        JsonNode p = JSON.readTree(body);
        requireRoot(p);
        // The old root is not in a checkpoint: take the API's root of size `from` (untimed) and
        // require the proof to lead from it to the signed root.
        byte[] oldRoot = b64(JSON.readTree(get("/api/v1/log/proof/inclusion?index=0&size=" + from, null))
                .get("rootHash"));
        ProofVerifier.verifyConsistency(HASHER, from, treeSize, hashes(p.get("proof")), oldRoot, root);
    }

    /** The history page's statement by plain JDBC, for the same random citizens. */
    private void historyByJdbc(SplittableRandom random, Recorder recorder) throws Exception {
        String subject = subjects[random.nextInt(subjects.length)];
        PlainReads reads = recorder.reads();
        long t = System.nanoTime();
        reads.history(subject, 51);
        recorder.record(HISTORY_JDBC, System.nanoTime() - t);
    }

    /** An inclusion proof's node read and rehash by plain JDBC; the API caches the checkpoint, so no read of it. */
    private void inclusionByJdbc(SplittableRandom random, Recorder recorder) throws Exception {
        long index = random.nextLong(treeSize);
        PlainReads reads = recorder.reads();
        long t = System.nanoTime();
        reads.inclusion(index, treeSize);
        recorder.record(INCLUSION_JDBC, System.nanoTime() - t);
    }

    private void consistencyByJdbc(SplittableRandom random, Recorder recorder) throws Exception {
        long from = 1 + random.nextLong(treeSize);
        PlainReads reads = recorder.reads();
        long t = System.nanoTime();
        reads.consistency(from, treeSize);
        recorder.record(CONSISTENCY_JDBC, System.nanoTime() - t);
    }

    private void requireRoot(JsonNode p) {
        if (!Arrays.equals(b64(p.get("rootHash")), root)) {
            throw new IllegalStateException("couldn't check a proof: its root is not the checkpoint's");
        }
    }


    /** Runs {@code op} untimed for the JIT warm-up seconds. */
    private void warmUp(int clients, List<String> names, Operation op) throws Exception {
        log("warming up: %s, %d s", names.get(0), settings.jitWarmupSeconds());
        run(clients, names, op, settings.jitWarmupSeconds(), 0);
    }

    /** Runs {@code op} on {@code clients} clients for the warm-up and then the measured seconds. */
    private List<Map<String, Object>> phase(int clients, List<String> names, Operation op) throws Exception {
        List<Recorder> recorders = run(clients, names, op, settings.warmupSeconds(), settings.seconds());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : names) {
            List<Latencies> parts = new ArrayList<>();
            recorders.forEach(r -> parts.add(r.latencies.getOrDefault(name, new Latencies())));
            Latencies all = Latencies.merge(parts);
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("phase", name);
            phase.put("clients", clients);
            phase.put("requests", all.count());
            phase.put("seconds", settings.seconds());
            phase.put("requestsPerSecond", Math.round(all.count() / (double) settings.seconds()));
            phase.put("p50Ms", round(all.percentileMillis(50)));
            phase.put("p95Ms", round(all.percentileMillis(95)));
            phase.put("p99Ms", round(all.percentileMillis(99)));
            phase.put("maxMs", round(all.percentileMillis(100)));
            out.add(phase);
            log("%s, %d client%s: %,d requests, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", name, clients,
                    clients == 1 ? "" : "s", all.count(), all.percentileMillis(50), all.percentileMillis(95),
                    all.percentileMillis(99));
        }
        return out;
    }

    /**
     * Runs {@code op} on {@code clients} threads for {@code warmupSeconds} unrecorded and then
     * {@code seconds} recorded; returns each thread's records.
     */
    private List<Recorder> run(int clients, List<String> names, Operation op, int warmupSeconds, int seconds)
            throws Exception {
        List<Recorder> recorders = new ArrayList<>();
        ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            SplittableRandom random = new SplittableRandom(1000L * names.get(0).hashCode() + c);
            Thread t = new Thread(() -> {
                try {
                    for (long now = System.nanoTime(); now < end && failed.isEmpty(); now = System.nanoTime()) {
                        recorder.recording = now >= warmupEnd;
                        op.run(random, recorder);
                    }
                } catch (Throwable e) {
                    failed.add(e);
                } finally {
                    closeQuietly(recorder, failed);
                    done.countDown();
                }
            }, "querybench-" + c);
            t.start();
        }
        done.await();
        if (!failed.isEmpty()) {
            throw new IllegalStateException("couldn't finish phase " + names.get(0) + ": " + failed.peek(),
                    failed.peek());
        }
        return recorders;
    }

    private static void closeQuietly(Recorder recorder, ConcurrentLinkedQueue<Throwable> failed) {
        if (recorder.reads != null) {
            try {
                recorder.reads.close();
            } catch (java.sql.SQLException e) {
                failed.add(e);
            }
        }
    }

    /** The same rows as the export {@code name}, by PostgreSQL's binary COPY with the same limit. */
    private Map<String, Object> copy(String name, String rows) throws Exception {
        long[] bytes = {0};
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
        long entries;
        CpuShares.Sample cpuBefore = cpu.sample();
        long t = System.nanoTime();
        try (PlainReads reads = new PlainReads(settings.pgUrl(), settings.pgUser(), settings.pgPassword())) {
            entries = reads.copy(rows, settings.exportLimit(), counting);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("phase", COPY_PREFIX + name);
        phase.put("clients", 1);
        phase.put("entries", entries);
        phase.put("bytes", bytes[0]);
        phase.put("seconds", round(seconds));
        phase.put("entriesPerSecond", Math.round(entries / seconds));
        CpuShares.withCpu(phase, "entry", entries, cpuBefore, cpu.sample());
        log("COPY of the %s rows: %,d entries in %.1f s, %,.0f entries/s", name, entries, seconds, entries / seconds);
        return phase;
    }

    /** Streams one export to the end (or the limit), counting lines, while sampling the API's memory. */
    private Map<String, Object> export(String path, String auditor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + path))
                .header("Authorization", "Bearer " + auditor).GET().build();
        MemorySampler memory = new MemorySampler(settings.apiPid());
        long lines = 0;
        long bytes = 0;
        CpuShares.Sample cpuBefore = cpu.sample();
        long t = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("couldn't export " + path + ": HTTP " + response.statusCode());
        }
        long firstByte;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[1 << 16];
            int n = in.read(buffer);
            firstByte = System.nanoTime();
            boolean limited = false;
            // The CSV has a header line; without a limit, read to the end.
            long maxLines = settings.exportLimit() == Long.MAX_VALUE ? Long.MAX_VALUE
                    : settings.exportLimit() + (path.endsWith(".csv") ? 1 : 0);
            while (n >= 0 && !limited) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n' && ++lines >= maxLines) {
                        limited = true;
                        break;
                    }
                }
                if (!limited) {
                    n = in.read(buffer);
                }
            }
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        CpuShares.Sample cpuAfter = cpu.sample();
        memory.close();
        long entries = path.endsWith(".csv") ? lines - 1 : lines; // the CSV has a header line
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("phase", "export " + path.substring(path.lastIndexOf('/') + 1));
        phase.put("clients", 1);
        phase.put("entries", entries);
        phase.put("bytes", bytes);
        phase.put("seconds", round(seconds));
        phase.put("firstByteSeconds", round((firstByte - t) / 1e9));
        phase.put("entriesPerSecond", Math.round(entries / seconds));
        phase.put("apiHeap", settings.apiHeap());
        phase.putAll(memory.summary());
        CpuShares.withCpu(phase, "entry", entries, cpuBefore, cpuAfter);
        log("%s: %,d entries in %.1f s, %,.0f entries/s; API resident memory %s", path, entries, seconds,
                entries / seconds, memory.summary());
        return phase;
    }

    private String get(String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url() + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("couldn't GET " + path.replaceAll("\\?.*", "") + ": HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static byte[] b64(JsonNode node) {
        return Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(b64(h)));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void log(String format, Object... args) {
        System.out.printf("querybench: " + format + "%n", args);
    }

    /** Samples a process's resident memory (VmRSS) once a second; nothing when the pid is unknown. */
    private static final class MemorySampler implements AutoCloseable {
        private final long pid;
        private final List<Long> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread thread;

        MemorySampler(long pid) {
            this.pid = pid;
            this.thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long kib = rssKib();
                    if (kib > 0) {
                        samples.add(kib);
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            if (pid > 0) {
                thread.start();
            }
        }

        private long rssKib() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!samples.isEmpty()) {
                m.put("apiRssMiBFirst", samples.get(0) / 1024);
                m.put("apiRssMiBLast", samples.get(samples.size() - 1) / 1024);
                m.put("apiRssMiBMax", samples.stream().mapToLong(Long::longValue).max().getAsLong() / 1024);
                m.put("apiRssSamples", samples.size());
            }
            return m;
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
