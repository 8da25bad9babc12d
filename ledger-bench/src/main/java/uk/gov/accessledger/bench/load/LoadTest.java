package uk.gov.accessledger.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import uk.gov.accessledger.bench.shared.CpuShares;
import uk.gov.accessledger.bench.shared.Latencies;
import uk.gov.accessledger.bench.shared.LoadSampler;
import uk.gov.accessledger.bench.shared.MachineInfo;
import uk.gov.accessledger.merkle.ProofVerificationException;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * End-to-end load against a running ledger API on PostgreSQL: batched ingest, single-entry ingest
 * from many concurrent clients (with a few more clients waiting for inclusion, which bounds the
 * ack-to-checkpoint latency from above), and the plain JDBC INSERT baseline into the same database
 * before and after. Request bodies are built before each phase's clock starts, so the generator's
 * own work competes as little as possible with the server for the machine's cores.
 *
 * <p>The clients are Reactor Netty connections driven from its event loops, not a thread each:
 * on 2 cores shared with the API and PostgreSQL, every millisecond of CPU the generator spends per
 * request is taken from the server it measures, so the generator must cost as little per request
 * as it can.
 *
 * <p>Every phase stops at its request count or its time limit, whichever comes first.
 */
final class LoadTest {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadSettings settings;
    private final String authorization;

    LoadTest(LoadSettings settings) {
        this.settings = settings;
        this.authorization = basic(settings.service() + ":" + settings.secret());
    }

    /** One HTTP request of a phase; {@code body} is null for a GET. */
    private record Request(String pathAndQuery, String authorization, byte[] body) {
    }

    /** An HTTP answer: its status and its body as text. */
    private record Answer(int status, String body) {
    }

    /** An HTTP/1.1 client on {@code connections} connections of its own; dispose it after use. */
    private HttpClient client(int connections) {
        return HttpClient.create(ConnectionProvider.builder("load").maxConnections(connections)
                        .pendingAcquireMaxCount(-1).build())
                .baseUrl(settings.url().toString()).responseTimeout(REQUEST_TIMEOUT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
    }

    private static Mono<Answer> exchange(HttpClient http, Request request) {
        HttpClient withHeaders = http.headers(headers -> {
            if (request.authorization() != null) {
                headers.set("Authorization", request.authorization());
            }
            if (request.body() != null) {
                headers.set("Content-Type", "application/json");
            }
        });
        HttpClient.ResponseReceiver<?> receiver = request.body() == null
                ? withHeaders.request(HttpMethod.GET).uri(request.pathAndQuery())
                : withHeaders.request(HttpMethod.POST).uri(request.pathAndQuery())
                        .send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(request.body())));
        return receiver.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("").map(body -> new Answer(response.status().code(), body)));
    }

    /** Sends one request on a connection of its own and waits for the answer. */
    private Answer send(Request request) throws IOException {
        HttpClient http = client(1);
        try {
            return exchange(http, request).block();
        } catch (RuntimeException e) {
            throw new IOException("couldn't get " + request.pathAndQuery() + ": " + e.getMessage(), e);
        } finally {
            http.configuration().connectionProvider().dispose();
        }
    }

    /** An HTTP Basic Authorization header for {@code name:secret}. */
    private static String basic(String nameAndSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(nameAndSecret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs every phase and returns what it measured, with the machine's load average before,
     * during (sampled every 5 s) and after.
     */
    LoadResults run() throws Exception {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = MachineInfo.loadAverage();
        try (LoadSampler sampler = new LoadSampler(5)) {
            LoadResults measured = measure();
            return new LoadResults(started, loadBefore, measured.url(), measured.batchSize(),
                    measured.treeSizeBefore(), measured.jitWarmup(), measured.apiCompileSecondsDuringSingles(),
                    measured.singleEntryGroupCommit(), measured.treeSizeAfter(), measured.allAcknowledgedInCheckpoint(),
                    measured.entriesAcknowledged(), measured.secondsFromLastAckToAllInCheckpoint(),
                    measured.floorEntriesPerSecond(), measured.batchedToFloorRatio(), measured.phases(),
                    measured.baselineRowsPerSecond(), measured.batchedToBaselineRatio(), sampler.summary(),
                    MachineInfo.loadAverage(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null, null);
        }
    }

    /** The phases and what they measured, without the machine's load. */
    private LoadResults measure() throws Exception {
        long sizeBefore = checkpointSize();

        log("warm-up: " + settings.warmupBatches() + " batches, then single entries for " + settings.warmupSeconds() + " s");
        long acked = batches("warm-up batches", settings.warmupBatches(), Math.min(2, settings.batchClients()), 1).entries();
        acked += singles("warm-up singles", settings.clients(), settings.inclusionClients(), settings.warmupSeconds(), 2,
                Math.min(20_000, settings.singleRequests())).entries();
        JitWarmup jitWarmup = null;
        if (settings.apiPid() != null) {
            Warmed warmed = warmUntilJitQuiet(new JitWatch(settings.apiPid()));
            acked += warmed.entries();
            jitWarmup = warmed.jit();
        }

        List<LoadPhase> phases = new ArrayList<>();
        List<Double> baselineRates = new ArrayList<>();
        if (settings.pgUrl() != null) {
            log("baseline: plain JDBC batch INSERT");
            baselineRates.add(baseline(phases, 101));
        }
        CpuShares cpu = settings.apiPid() == null ? null : new CpuShares(settings.apiPid());
        log("batched ingest");
        CpuShares.Sample cpuBefore = sample(cpu);
        LoadPhase batched = batches(LoadPhase.BATCHED, settings.batches(), settings.batchClients(), 3);
        phases.add(batched.withCpu(CpuShares.per("entry", batched.entries(), cpuBefore, sample(cpu))));
        if (settings.pgUrl() != null) {
            log("baseline again, for drift");
            baselineRates.add(baseline(phases, 102));
        }
        log("single-entry ingest");
        double[] groupsBefore = groupSizes();
        JitWatch jit = settings.apiPid() == null ? null : new JitWatch(settings.apiPid());
        double compiledBefore = jit == null ? 0 : jit.compileSeconds();
        cpuBefore = sample(cpu);
        SinglesRun singleRun = singles(LoadPhase.SINGLE, settings.clients(), settings.inclusionClients(),
                settings.maxSeconds(), 4, settings.singleRequests());
        CpuShares.Sample cpuAfter = sample(cpu);
        Double compiledDuringSingles = jit == null ? null : jit.compileSeconds() - compiledBefore;
        double[] groupsAfter = groupSizes();
        GroupCommit groupCommit = null;
        if (groupsBefore != null && groupsAfter[0] > groupsBefore[0]) {
            double groups = groupsAfter[0] - groupsBefore[0];
            groupCommit = new GroupCommit((long) groups, (groupsAfter[1] - groupsBefore[1]) / groups);
        }
        // The CPU of the phase is that of all its requests, the ?wait=inclusion clients' included.
        long attempted = singleRun.phases().stream().mapToLong(LoadPhase::attempted).sum();
        phases.add(singleRun.phases().get(0).withCpu(CpuShares.per("request", attempted, cpuBefore, cpuAfter)));
        singleRun.phases().stream().skip(1).forEach(phases::add);
        log("single-entry repeats");
        cpuBefore = sample(cpu);
        LoadPhase repeats = drive(LoadPhase.REPEATS, settings.clients(), singleRun.sent(), 0, settings.maxSeconds(),
                new AtomicBoolean(), 200, body -> true);
        phases.add(repeats.withCpu(CpuShares.per("request", repeats.attempted(), cpuBefore, sample(cpu))));

        acked += batched.entries() + singleRun.entries();
        log("waiting for every acknowledged entry to be in a checkpoint");
        long drainStart = System.nanoTime();
        long sizeAfter = checkpointSize();
        long deadline = drainStart + 60_000_000_000L;
        while (sizeAfter < sizeBefore + acked && System.nanoTime() < deadline) {
            Thread.sleep(50);
            sizeAfter = checkpointSize();
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        if (settings.proofRequests() > 0 && sizeAfter > 0) {
            log("proofs via the API");
            phases.addAll(proofs());
        }
        Double floorRate = null;
        Double toFloor = null;
        if (settings.pgUrl() != null) {
            log("floor: the ledger's own rows again, by plain JDBC");
            Instant startedAt = Instant.now();
            LedgerRowsFloor.Result floor = LedgerRowsFloor.run(settings.pgUrl(), settings.pgUser(),
                    MachineInfo.env("LEDGER_BENCH_PG_PASSWORD", ""), settings.batchClients(), settings.batchSize(),
                    settings.batchSize() * settings.batches());
            phases.add(LoadPhase.measured(LoadPhase.FLOOR, settings.batchClients(),
                    floor.entries() / settings.batchSize(), floor.entries(), 0, floor.seconds(), floor.batchLatencies(),
                    null, startedAt, Instant.now()));
            floorRate = floor.entriesPerSecond();
            toFloor = batched.entriesPerSecond() / floor.entriesPerSecond();
        }
        Double baselineRate = null;
        Double toBaseline = null;
        if (!baselineRates.isEmpty()) {
            baselineRate = baselineRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            toBaseline = batched.entriesPerSecond() / baselineRate;
        }
        return new LoadResults(null, null, settings.url().toString(), settings.batchSize(), sizeBefore, jitWarmup,
                compiledDuringSingles, groupCommit, sizeAfter, sizeAfter >= sizeBefore + acked, acked, drainSeconds,
                floorRate, toFloor, phases, baselineRate, toBaseline, null, null, null, null, null);
    }

    private static CpuShares.Sample sample(CpuShares cpu) {
        return cpu == null ? null : cpu.sample();
    }

    private double baseline(List<LoadPhase> phases, long seed) throws Exception {
        Instant startedAt = Instant.now();
        PlainInsertBaseline.Result r = PlainInsertBaseline.run(settings.pgUrl(), settings.pgUser(),
                MachineInfo.env("LEDGER_BENCH_PG_PASSWORD", ""), settings.batchClients(), settings.batchSize(),
                settings.batches(), seed);
        phases.add(LoadPhase.measured(LoadPhase.BASELINE, settings.batchClients(), settings.batches(), r.rows(), 0,
                r.seconds(), r.batchLatencies(), null, startedAt, Instant.now()));
        return r.rowsPerSecond();
    }

    /** Sends {@code count} batches from {@code clients} clients. */
    private LoadPhase batches(String name, int count, int clients, long seed) throws Exception {
        List<byte[]> bodies = new ArrayList<>(count);
        IngestRequests generator = new IngestRequests(seed, settings.patients(), Instant.now());
        for (int i = 0; i < count; i++) {
            bodies.add(generator.batch(settings.batchSize()));
        }
        return drive(name, clients, posts("/api/v1/entries/batch", bodies), settings.batchSize(),
                settings.maxSeconds(), new AtomicBoolean(), 201, body -> true);
    }

    /**
     * Sends rounds of single entries until a round costs the API's JIT compiler little (see
     * {@link JitWatch}) or the time allowed runs out; returns how it went and the entries acknowledged.
     */
    private Warmed warmUntilJitQuiet(JitWatch jit) throws Exception {
        int roundSeconds = 10;
        int batchesPerRound = Math.min(4, settings.warmupBatches());
        long acked = 0;
        int rounds = 0;
        double compiled = Double.NaN;
        boolean quiet = false;
        long start = System.nanoTime();
        double atStart = jit.compileSeconds();
        double sinceStart = atStart;
        while (!quiet && (System.nanoTime() - start) / 1e9 < settings.jitWarmupMaxSeconds()) {
            long roundStart = System.nanoTime();
            // Batches too, so that code both kinds share is compiled for both: after single-only
            // rounds, the measured batches would deoptimise it and the API would compile during
            // the single-entry phase that follows them.
            acked += batches("warm-up batches", batchesPerRound, Math.min(2, settings.batchClients()),
                    2000 + rounds).entries();
            acked += singles("warm-up singles", settings.clients(), settings.inclusionClients(), roundSeconds,
                    1000 + rounds, Math.min(10_000, settings.singleRequests())).entries();
            double afterRound = jit.compileSeconds();
            compiled = afterRound - sinceStart;
            sinceStart = afterRound;
            quiet = JitWatch.quiet(compiled, (System.nanoTime() - roundStart) / 1e9);
            rounds++;
            log(String.format("JIT warm-up round %d: the API compiled for %.1f s", rounds, compiled));
        }
        return new Warmed(acked, new JitWarmup(quiet, rounds, batchesPerRound, (System.nanoTime() - start) / 1e9,
                compiled, sinceStart - atStart, sinceStart));
    }

    /** The JIT warm-up, and the entries it had acknowledged. */
    private record Warmed(long entries, JitWarmup jit) {
    }

    /** The phases of a single-entry run, and the requests its main clients sent. */
    private record SinglesRun(List<LoadPhase> phases, List<Request> sent) {
        long entries() {
            return phases.stream().mapToLong(LoadPhase::entries).sum();
        }
    }

    /**
     * Sends single entries from {@code clients} clients, and with {@code ?wait=inclusion} from
     * {@code waiters} more, until {@code max} requests are sent or {@code seconds} pass.
     */
    private SinglesRun singles(String name, int clients, int waiters, int seconds, long seed, int max)
            throws Exception {
        IngestRequests generator = new IngestRequests(seed, settings.patients(), Instant.now());
        List<byte[]> bodies = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            bodies.add(generator.single());
        }
        List<byte[]> waiterBodies = new ArrayList<>();
        for (int i = 0; i < Math.min(max, 500 * waiters); i++) {
            waiterBodies.add(generator.single());
        }
        AtomicReference<LoadPhase> waited = new AtomicReference<>();
        Thread waiterThread = null;
        AtomicBoolean mainDone = new AtomicBoolean();
        if (waiters > 0) {
            waiterThread = new Thread(() -> waited.set(drive(LoadPhase.WAITING_FOR_INCLUSION,
                    waiters, posts("/api/v1/entries?wait=inclusion", waiterBodies), 1, seconds, mainDone, 201,
                    body -> true)));
            waiterThread.start();
        }
        List<Request> requests = posts("/api/v1/entries", bodies);
        LoadPhase main = drive(name, clients, requests, 1, seconds, new AtomicBoolean(), 201, body -> true);
        mainDone.set(true);
        List<LoadPhase> phases = new ArrayList<>(List.of(main));
        if (waiterThread != null) {
            waiterThread.join();
            phases.add(waited.get());
        }
        int sent = main.attempted();
        return new SinglesRun(phases, requests.subList(0, Math.min(requests.size(), sent)));
    }

    private List<Request> posts(String path, List<byte[]> bodies) {
        List<Request> requests = new ArrayList<>(bodies.size());
        for (byte[] body : bodies) {
            requests.add(new Request(path, authorization, body));
        }
        return requests;
    }

    /**
     * Sends {@code requests} from {@code clients} clients, each on its own connection and taking the
     * next request when its last one is answered, until the requests run out, {@code seconds} pass or
     * {@code stop} is set. An answer counts when it has status {@code ok} and {@code valid} accepts
     * its body.
     */
    private LoadPhase drive(String name, int clients, List<Request> requests, int entriesPerRequest, int seconds,
            AtomicBoolean stop, int ok, Predicate<String> valid) {
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong lastAnswer = new AtomicLong();
        Latencies latencies = new Latencies();
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        HttpClient http = client(clients);
        try {
            Flux.fromIterable(requests)
                    .takeWhile(request -> !stop.get() && System.nanoTime() < deadline)
                    .flatMap(request -> Mono.defer(() -> {
                        long sent = System.nanoTime();
                        return exchange(http, request).doOnNext(answer -> {
                            long answered = System.nanoTime();
                            lastAnswer.accumulateAndGet(answered, Math::max);
                            if (answer.status() == ok && valid.test(answer.body())) {
                                synchronized (latencies) {
                                    latencies.record(answered - sent);
                                }
                            } else {
                                failures.incrementAndGet();
                                firstFailure.compareAndSet(null, answer.status() + " " + truncate(answer.body()));
                            }
                        }).onErrorResume(e -> {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                            return Mono.empty();
                        });
                    }), clients)
                    .blockLast();
        } finally {
            http.configuration().connectionProvider().dispose();
        }
        double elapsed = (Math.max(lastAnswer.get(), start + 1) - start) / 1e9;
        synchronized (latencies) {
            return LoadPhase.measured(name, clients, latencies.count(), latencies.count() * entriesPerRequest,
                    failures.get(), elapsed, latencies, firstFailure.get(), startedAt, Instant.now());
        }
    }

    /**
     * Fetches inclusion proofs of random leaves and consistency proofs from random earlier sizes,
     * all against the latest checkpoint's tree, from {@code proofClients} clients. Every
     * inclusion proof is verified against the checkpoint's root; a proof that does not verify
     * counts as a failure. Each kind is sent once untimed first, so that the API has compiled its
     * proof path (the ingest before it did not use it).
     */
    private List<LoadPhase> proofs() throws Exception {
        String[] checkpoint = checkpoint().split("\n", 4);
        long size = Long.parseLong(checkpoint[1]);
        byte[] root = Base64.getDecoder().decode(checkpoint[2]);
        Random random = new Random(5);
        List<Request> inclusion = new ArrayList<>();
        List<Request> consistency = new ArrayList<>();
        for (int i = 0; i < settings.proofRequests(); i++) {
            inclusion.add(get("/api/v1/log/proof/inclusion?index=" + Math.floorMod(random.nextLong(), size)
                    + "&size=" + size));
            consistency.add(get("/api/v1/log/proof/consistency?from=" + (1 + Math.floorMod(random.nextLong(), size))
                    + "&to=" + size));
        }
        proofs(inclusion, consistency, root);
        return proofs(inclusion, consistency, root);
    }

    private List<LoadPhase> proofs(List<Request> inclusion, List<Request> consistency, byte[] root) {
        return List.of(
                drive(LoadPhase.INCLUSION_PROOF, settings.proofClients(), inclusion, 0, settings.maxSeconds(),
                        new AtomicBoolean(), 200, body -> verifiesInclusion(body, root)),
                drive(LoadPhase.CONSISTENCY_PROOF, settings.proofClients(), consistency, 0,
                        settings.maxSeconds(), new AtomicBoolean(), 200,
                        body -> Arrays.equals(base64(json(body).get("rootHash")), root)));
    }

    private static boolean verifiesInclusion(String body, byte[] root) {
        try {
            JsonNode proof = json(body);
            List<byte[]> path = new ArrayList<>();
            proof.get("proof").forEach(hash -> path.add(base64(hash)));
            ProofVerifier.verifyInclusion(Rfc6962Hasher.DEFAULT, proof.get("index").asLong(),
                    proof.get("size").asLong(), base64(proof.get("leafHash")), path, root);
            return true;
        } catch (ProofVerificationException | RuntimeException e) {
            return false;
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("couldn't parse an answer as JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] base64(JsonNode text) {
        return Base64.getDecoder().decode(text.asText());
    }

    private static Request get(String pathAndQuery) {
        return new Request(pathAndQuery, null, null);
    }

    private long checkpointSize() throws IOException {
        return Long.parseLong(checkpoint().split("\n", 3)[1]);
    }

    private String checkpoint() throws IOException {
        Answer answer = send(get("/log/checkpoint"));
        if (answer.status() != 200) {
            throw new IOException("couldn't read the checkpoint: got HTTP " + answer.status());
        }
        return answer.body();
    }

    /**
     * The count and sum of the API's ledger_ingest_group_size summary (single-entry requests per
     * group commit), or null without an operator credential to read its metrics.
     */
    private double[] groupSizes() throws IOException {
        if (settings.operator() == null) {
            return null;
        }
        Answer answer = send(new Request("/actuator/prometheus", basic(settings.operator()), null));
        if (answer.status() != 200) {
            throw new IOException("couldn't read the API's metrics: got HTTP " + answer.status());
        }
        return new double[] {metric(answer.body(), "ledger_ingest_group_size_count"),
                metric(answer.body(), "ledger_ingest_group_size_sum")};
    }

    /** The sum of a metric's samples over its labels in Prometheus text format. */
    static double metric(String exposition, String name) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("the API's metrics have no " + name);
        }
        return total;
    }

    private static String truncate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static void log(String message) {
        System.out.println("[load] " + Instant.now() + " " + message);
    }
}
