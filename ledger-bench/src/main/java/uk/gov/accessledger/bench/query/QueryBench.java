package uk.gov.accessledger.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import uk.gov.accessledger.bench.bulk.BulkLoadFigures;
import uk.gov.accessledger.bench.shared.CpuShares;
import uk.gov.accessledger.bench.shared.JsonFiles;
import uk.gov.accessledger.bench.shared.Latencies;
import uk.gov.accessledger.bench.shared.LoadSampler;
import uk.gov.accessledger.bench.shared.MachineInfo;
import uk.gov.accessledger.bench.shared.NhsNumbers;
import uk.gov.accessledger.bench.shared.PerformanceTarget;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.TlogProof;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * Reads a running ledger API on a bulk-loaded database over HTTP, as its users would, and writes
 * the latencies and rates beside the load's figures: a citizen's history page for
 * random citizens; an entry page and its tlog-proof; inclusion and consistency proofs against
 * the latest checkpoint; and the auditor's streamed CSV and JSON Lines exports. Every proof that
 * comes back is verified against the log key (from {@code /log/key}) and the checkpoint, after
 * its latency is taken; a failed check stops the run. With {@code --pg-url}, each read phase is
 * followed by its baseline on as many clients, the same statement by plain JDBC
 * ({@link PlainReads}), and each export by a binary COPY of the same rows.
 */
public final class QueryBench {

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SAMPLED_ENTRIES = 100_000;
    /** Entries per history page, as the history-page target names. */
    private static final int PAGE = PerformanceTarget.HISTORY_PAGE_ENTRIES;
    private static final List<String> ENTRY_PHASES = List.of(ScalePhase.ENTRY_WITH_PROOF, ScalePhase.ENTRY,
            ScalePhase.ENTRY_PROOF);

    private record Sampled(int token, String entryId, byte[] leafHash) {
    }

    /** What one client records in one phase, and its database connection for the baselines. */
    private final class Recorder {
        final Map<String, Latencies> latencies = new LinkedHashMap<>();
        boolean recording;
        PlainReads reads;

        PlainReads reads() throws SQLException {
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

    /** {@code querybench [options]}: see {@link QueryBenchSettings}. */
    public static void main(String... args) throws Exception {
        new QueryBench(QueryBenchSettings.parse(args)).run();
    }

    public QueryBench(QueryBenchSettings settings) {
        this.settings = settings;
        this.cpu = new CpuShares(settings.apiPid());
    }

    /** Runs with a token issuer of its own on {@code --jwks-port}. */
    void run() throws Exception {
        try (CitizenTokens issuer = new CitizenTokens(settings.jwksPort())) {
            run(issuer);
        }
    }

    /** Runs with {@code issuer}, whose JWKS the API must trust; writes and returns the figures. */
    public ScaleResults run(CitizenTokens issuer) throws Exception {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = MachineInfo.loadAverage();
        BulkLoadFigures bulkload = settings.bulkload() != null && Files.exists(settings.bulkload())
                ? JsonFiles.read(settings.bulkload(), BulkLoadFigures.class) : null;
        List<ScalePhase> phases = new ArrayList<>();
        String loadDuring;
        try (LoadSampler sampler = new LoadSampler(5)) {
            logKey = NoteVerifier.parse(get("/log/key", null).trim());
            Checkpoint checkpoint = Checkpoint.open(get("/log/checkpoint", null), logKey);
            treeSize = checkpoint.size();
            root = checkpoint.rootHash();
            tokens = signTokens(issuer);
            log("signed %,d citizen tokens; log has %,d leaves", tokens.length, treeSize);

            // The API has just started: without this, the first phase would run while its JIT
            // compiler and PostgreSQL's cache were still warming, and measure them.
            int most = settings.clients().stream().max(Integer::compare).orElseThrow();
            warmUp(most, List.of(ScalePhase.HISTORY), this::history);
            sample = sampled.toArray(new Sampled[0]);
            if (sample.length == 0) {
                throw new IllegalStateException("couldn't sample entries: every history page was empty");
            }
            warmUp(most, ENTRY_PHASES, this::entryWithProof);
            warmUp(most, List.of(ScalePhase.INCLUSION), this::inclusion);
            warmUp(most, List.of(ScalePhase.CONSISTENCY), this::consistency);
            // Each baseline runs right after the API phase it is the baseline of, on the same
            // number of clients, so that both see the machine in the same state.
            boolean baselines = settings.pgUrl() != null;
            for (int clients : settings.clients()) {
                phases.addAll(phase(clients, List.of(ScalePhase.HISTORY), this::history));
                if (baselines) {
                    phases.addAll(phase(clients, List.of(ScalePhase.HISTORY_JDBC), this::historyByJdbc));
                }
            }
            for (int clients : settings.clients()) {
                phases.addAll(phase(clients, ENTRY_PHASES, this::entryWithProof));
                phases.addAll(phase(clients, List.of(ScalePhase.INCLUSION), this::inclusion));
                if (baselines) {
                    phases.addAll(phase(clients, List.of(ScalePhase.INCLUSION_JDBC), this::inclusionByJdbc));
                }
                phases.addAll(phase(clients, List.of(ScalePhase.CONSISTENCY), this::consistency));
                if (baselines) {
                    phases.addAll(phase(clients, List.of(ScalePhase.CONSISTENCY_JDBC), this::consistencyByJdbc));
                }
            }
            String auditor = issuer.auditor();
            for (String export : ScalePhase.EXPORTS) {
                phases.add(export("/api/v1/audit/" + export, auditor));
                if (baselines) {
                    phases.add(copy(export, PlainReads.EXPORT_ROWS));
                }
            }
            loadDuring = sampler.summary();
        }
        ScaleResults results = new ScaleResults(started, loadBefore, bulkload, treeSize, settings.subjects(),
                loadDuring, phases, MachineInfo.loadAverage(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        JsonFiles.write(settings.out(), results);
        log("wrote %s", settings.out());
        return results;
    }

    private String[] signTokens(CitizenTokens issuer) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        int[] citizens = random.ints(settings.tokens(), 0, settings.subjects()).toArray();
        String[] signed = new String[citizens.length];
        IntStream.range(0, citizens.length).parallel()
                .forEach(i -> signed[i] = issuer.citizen(NhsNumbers.nhsNumber(citizens[i])));
        if (settings.pseudonymKeyFile() != null) {
            SubjectPseudonymiser pseudonymiser = new SubjectPseudonymiser(
                    Base64.getDecoder().decode(Files.readString(settings.pseudonymKeyFile()).trim()));
            subjects = new String[citizens.length];
            IntStream.range(0, citizens.length).parallel().forEach(i -> subjects[i] = pseudonymiser.pseudonymOf(
                    CitizenIdentifier.parse("nhs-number", NhsNumbers.nhsNumber(citizens[i]))));
        }
        return signed;
    }

    /** A citizen's newest page of entries; keeps a sample of their ids for the entry phase. */
    private void history(SplittableRandom random, Recorder recorder) throws Exception {
        int token = random.nextInt(tokens.length);
        long t = System.nanoTime();
        String body = get("/api/v1/me/entries?limit=" + PAGE, tokens[token]);
        recorder.record(ScalePhase.HISTORY, System.nanoTime() - t);
        JsonNode entries = JSON.readTree(body).get("entries");
        if (entries == null || entries.size() > PAGE) {
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
        recorder.record(ScalePhase.ENTRY_WITH_PROOF, t2 - t0);
        recorder.record(ScalePhase.ENTRY, t1 - t0);
        recorder.record(ScalePhase.ENTRY_PROOF, t2 - t1);
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
        recorder.record(ScalePhase.INCLUSION, System.nanoTime() - t);
        JsonNode p = JSON.readTree(body);
        requireRoot(p);
        ProofVerifier.verifyInclusion(HASHER, index, treeSize, b64(p.get("leafHash")), hashes(p.get("proof")), root);
    }

    private void consistency(SplittableRandom random, Recorder recorder) throws Exception {
        long from = 1 + random.nextLong(treeSize);
        long t = System.nanoTime();
        String body = get("/api/v1/log/proof/consistency?from=" + from + "&to=" + treeSize, null);
        recorder.record(ScalePhase.CONSISTENCY, System.nanoTime() - t);
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
        // The API reads one more than the page, to know whether there is a next one.
        reads.history(subject, PAGE + 1);
        recorder.record(ScalePhase.HISTORY_JDBC, System.nanoTime() - t);
    }

    /** An inclusion proof's node read and rehash by plain JDBC; the API caches the checkpoint, so no read of it. */
    private void inclusionByJdbc(SplittableRandom random, Recorder recorder) throws Exception {
        long index = random.nextLong(treeSize);
        PlainReads reads = recorder.reads();
        long t = System.nanoTime();
        reads.inclusion(index, treeSize);
        recorder.record(ScalePhase.INCLUSION_JDBC, System.nanoTime() - t);
    }

    private void consistencyByJdbc(SplittableRandom random, Recorder recorder) throws Exception {
        long from = 1 + random.nextLong(treeSize);
        PlainReads reads = recorder.reads();
        long t = System.nanoTime();
        reads.consistency(from, treeSize);
        recorder.record(ScalePhase.CONSISTENCY_JDBC, System.nanoTime() - t);
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
    private List<ScalePhase> phase(int clients, List<String> names, Operation op) throws Exception {
        List<Recorder> recorders = run(clients, names, op, settings.warmupSeconds(), settings.seconds());
        List<ScalePhase> out = new ArrayList<>();
        for (String name : names) {
            List<Latencies> parts = new ArrayList<>();
            recorders.forEach(r -> parts.add(r.latencies.getOrDefault(name, new Latencies())));
            Latencies all = Latencies.merge(parts);
            out.add(ScalePhase.read(name, clients, all.count(), settings.seconds(), round(all.percentileMillis(50)),
                    round(all.percentileMillis(95)), round(all.percentileMillis(99)), round(all.percentileMillis(100))));
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
            } catch (SQLException e) {
                failed.add(e);
            }
        }
    }

    /** The same rows as the export {@code name}, by PostgreSQL's binary COPY with the same limit. */
    private ScalePhase copy(String name, String rows) throws Exception {
        long[] bytes = {0};
        OutputStream counting = new OutputStream() {
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
        ScalePhase phase = ScalePhase.export(ScalePhase.COPY_PREFIX + name, entries, bytes[0], round(seconds), null,
                Math.round(entries / seconds), null, null, CpuShares.per("entry", entries, cpuBefore, cpu.sample()));
        log("COPY of the %s rows: %,d entries in %.1f s, %,.0f entries/s", name, entries, seconds, entries / seconds);
        return phase;
    }

    /** Streams one export to the end (or the limit), counting lines, while sampling the API's memory. */
    private ScalePhase export(String path, String auditor) throws Exception {
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
        ScalePhase phase = ScalePhase.export(ScalePhase.EXPORT_PREFIX + path.substring(path.lastIndexOf('/') + 1),
                entries, bytes, round(seconds), round((firstByte - t) / 1e9), Math.round(entries / seconds),
                settings.apiHeap(), memory.summary(), CpuShares.per("entry", entries, cpuBefore, cpuAfter));
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
        private final List<Long> samples = new CopyOnWriteArrayList<>();
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

        /** The samples in MiB, or null when there are none. */
        ScalePhase.Rss summary() {
            if (samples.isEmpty()) {
                return null;
            }
            return new ScalePhase.Rss(samples.get(0) / 1024, samples.get(samples.size() - 1) / 1024,
                    samples.stream().mapToLong(Long::longValue).max().getAsLong() / 1024, samples.size());
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
