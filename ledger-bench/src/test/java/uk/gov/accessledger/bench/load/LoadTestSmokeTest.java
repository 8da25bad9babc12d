package uk.gov.accessledger.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.bench.report.TargetRow;
import uk.gov.accessledger.bench.shared.CpuCost;
import uk.gov.accessledger.bench.shared.JsonFiles;
import uk.gov.accessledger.bench.shared.LedgerSchema;
import uk.gov.accessledger.bench.shared.MachineInfo;
import uk.gov.accessledger.bench.shared.NhsNumbers;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.testonly.ReferenceTree;

/**
 * Runs the load generator, tiny and bounded, against a stand-in for the ingest API on loopback
 * (every entry is "recorded" and at once "in the log"), then fills the report's target rows from
 * its result, so the load path cannot rot between real runs. The real API is loaded by ledger-bench/load.sh.
 */
class LoadTestSmokeTest {

    /** More entries than a smoke run records. */
    private static final int MAX_LOG = 100_000;

    @TempDir
    Path out;

    private HttpServer server;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong proofsAsked = new AtomicLong();
    /** Single-entry requests, each counted as half of a two-request group commit. */
    private final AtomicLong singles = new AtomicLong();
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/entries", exchange -> {
            JsonNode body = json.readTree(exchange.getRequestBody());
            boolean batch = exchange.getRequestURI().getPath().endsWith("/batch");
            JsonNode entries = batch ? body.get("entries") : json.createArrayNode().add(body);
            if (!batch) {
                singles.incrementAndGet();
            }
            for (JsonNode entry : entries) {
                // What the real parser would refuse with a 400: a bad NHS number or a missing field.
                CitizenIdentifier.parse(entry.get("subject").get("scheme").asText(),
                        entry.get("subject").get("id").asText());
                assertThat(entry.fieldNames()).toIterable().contains("id", "kind", "staffRole", "action",
                        "dataCategories", "purpose", "legalBasis", "occurredAt");
            }
            // Like the API: a repeated id is answered 200 with the same receipt and not recorded again.
            int fresh = 0;
            for (JsonNode entry : entries) {
                fresh += ids.add(entry.get("id").asText()) ? 1 : 0;
            }
            recorded.addAndGet(fresh);
            answer(exchange, fresh == 0 ? 200 : 201, "{}");
        });
        server.createContext("/actuator/prometheus", exchange -> {
            String operator = "Basic " + Base64.getEncoder().encodeToString("ops:pw".getBytes(StandardCharsets.UTF_8));
            if (!operator.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "");
                return;
            }
            long n = singles.get();
            answer(exchange, 200, "# TYPE ledger_ingest_group_size summary\n"
                    + "ledger_ingest_group_size_count{application=\"ledger-api\"} " + (n / 2) + ".0\n"
                    + "ledger_ingest_group_size_sum{application=\"ledger-api\"} " + (n / 2 * 2) + ".0\n"
                    + "ledger_ingest_group_size_max{application=\"ledger-api\"} 2.0\n");
        });
        server.createContext("/log/checkpoint", exchange -> {
            int size = (int) recorded.get();
            answer(exchange, 200, "stand-in/log\n" + size + "\n" + base64(size == 0 ? Rfc6962Hasher.DEFAULT.emptyRoot()
                    : root(size)) + "\n\n— stand-in/log AAAA\n");
        });
        server.createContext("/api/v1/log/proof/", exchange -> {
            proofsAsked.incrementAndGet();
            Map<String, Long> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
            boolean inclusion = exchange.getRequestURI().getPath().endsWith("/inclusion");
            int size = Math.toIntExact(inclusion ? query.get("size") : query.get("to"));
            ObjectNode body = json.createObjectNode();
            List<byte[]> hashes;
            synchronized (TREE) {
                if (inclusion) {
                    int index = Math.toIntExact(query.get("index"));
                    body.put("index", index);
                    body.put("size", size);
                    body.put("leafHash", base64(TREE.leafHash(index)));
                    hashes = TREE.path(index, size);
                } else {
                    hashes = TREE.proof(Math.toIntExact(query.get("from")), size);
                }
                body.put("rootHash", base64(TREE.root(size)));
            }
            ArrayNode proof = body.putArray("proof");
            hashes.forEach(hash -> proof.add(base64(hash)));
            answer(exchange, 200, body.toString());
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    /**
     * The stand-in log: leaf i is the leaf hash of i as 8 big-endian bytes. Not thread-safe, so
     * the stand-in's threads take turns.
     */
    private static final ReferenceTree TREE = ReferenceTree.ofLeaves(IntStream.range(0, MAX_LOG)
            .mapToObj(i -> ByteBuffer.allocate(Long.BYTES).putLong(i).array()).toList());

    private static byte[] root(int size) {
        synchronized (TREE) {
            return TREE.root(size);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void boundedLoadRunCountsEveryEntryAndFeedsTheReport() throws Exception {
        LoadSettings settings = LoadSettings.parse("--url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--secret", "s", "--operator", "ops:pw", "--batch-size", "5", "--batches", "4", "--single-requests", "40", "--clients", "4",
                "--inclusion-clients", "1", "--patients", "50", "--proof-requests", "30", "--max-seconds", "5", "--warmup-batches", "2", "--warmup-seconds", "1",
                "--api-pid", Long.toString(ProcessHandle.current().pid()), "--jit-warmup-max-seconds", "10",
                "--out", out.toString());
        LoadResults written = LoadReport.write(settings);

        LoadResults load = JsonFiles.read(out.resolve("load.json"), LoadResults.class);
        assertThat(load).as("load.json reads back as written").isEqualTo(written);
        assertThat(load.allAcknowledgedInCheckpoint()).isTrue();
        // The JIT warm-up read this JVM's compile time, in rounds that started within the 10 s allowed.
        JitWarmup jit = load.jitWarmup();
        assertThat(jit.rounds()).isPositive();
        assertThat(jit.compileSecondsSinceStart()).isPositive();
        assertThat(load.phase(LoadPhase.BATCHED).entries()).isEqualTo(20);
        assertThat(load.phase(LoadPhase.SINGLE).failures()).isZero();
        // The group-commit size read from the API's metrics before and after the single-entry phase.
        GroupCommit groups = load.singleEntryGroupCommit();
        assertThat(groups.meanRequestsPerGroup()).isEqualTo(2.0);
        assertThat(groups.groups()).isGreaterThanOrEqualTo(15);
        // Every single entry sent is sent again, and answered 200 as a repeat.
        LoadPhase repeats = load.phase(LoadPhase.REPEATS);
        assertThat(repeats.failures()).isZero();
        assertThat(repeats.requests()).isEqualTo(load.phase(LoadPhase.SINGLE).requests());
        assertThat(repeats.entries()).isZero();
        assertThat(load.phase(LoadPhase.WAITING_FOR_INCLUSION)).isNotNull();
        // The API's CPU is read from /proc for the pid given: here this JVM, the generator too.
        for (String phase : List.of(LoadPhase.BATCHED, LoadPhase.SINGLE, LoadPhase.REPEATS)) {
            CpuCost cpu = load.phase(phase).cpu();
            assertThat(cpu.per()).isEqualTo(phase.equals(LoadPhase.BATCHED) ? "entry" : "request");
            assertThat(cpu.apiMs()).isPositive();
            assertThat(cpu.generatorMs()).isPositive();
            assertThat(cpu.idleShare()).isBetween(0.0, 1.0);
        }
        // The stand-in's proofs are genuine, so every one verifies against its checkpoint.
        assertThat(load.phase(LoadPhase.INCLUSION_PROOF).requests()).isEqualTo(30);
        // Each kind is sent once untimed, to warm the API up, then once timed.
        assertThat(proofsAsked.get()).isEqualTo(2 * 2 * 30);
        assertThat(load.phase(LoadPhase.INCLUSION_PROOF).failures()).isZero();
        assertThat(load.phase(LoadPhase.CONSISTENCY_PROOF).failures()).isZero();

        List<TargetRow> rows = TargetRow.from(Map.of(), load, null);
        assertThat(rows.get(0).measured()).contains("entries/s");
        assertThat(rows.get(1).measured()).contains("requests/s");
        assertThat(rows.get(1).baseline()).contains("the same requests repeated");
        assertThat(rows.get(1).ratio()).startsWith("ingest / repeats = ");
        assertThat(rows.get(1).note()).containsPattern("; 2.00 requests per transaction on average \\(\\d+ group commits\\)")
                .containsPattern("; CPU per request: API [0-9.]+ ms, PostgreSQL [0-9.]+ ms, load generator [0-9.]+ ms,"
                        + " other [0-9.]+ ms; machine idle [0-9.]+ %; the repeats' CPU per request: API ");
        assertThat(rows.get(0).note()).contains("; CPU per entry: API ");
        assertThat(rows.get(2).measured()).contains("p99");
    }

    @Test
    void refusesToLoadAnythingButLoopback() {
        assertThatThrownBy(() -> LoadSettings.parse("--url", "http://10.0.0.1:8080", "--secret", "s"))
                .hasMessageContaining("loopback");
    }

    @Test
    void plainInsertBaselineWritesAndDropsItsTable() throws Exception {
        withDatabase((databaseUrl, user, password) -> {
            try (Recording recording = new Recording()) {
                recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
                recording.start();
                Instant from = Instant.now();
                PlainInsertBaseline.Result result = PlainInsertBaseline.run(databaseUrl, user, password, 2, 10, 3, 1);
                Instant to = Instant.now();
                recording.stop();
                assertThat(result.rows()).isEqualTo(30);
                assertThat(result.batchLatencies().count()).isEqualTo(3);

                // The same recording shows the round-trip counter at work: every read is the baseline's.
                Path jfr = out.resolve("baseline.jfr");
                recording.dump(jfr);
                LoadResults load = new LoadResults(null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, List.of(new LoadPhase(LoadPhase.BATCHED, 2, 3, 30, 0, 1, from.toString(),
                        to.toString(), 30, 3, null, null, null, null, null)), null, null, null, null, null, null, null);
                RoundTripSummary batched = RoundTrips.analyse(jfr, load).get(LoadPhase.BATCHED);
                assertThat(batched.perEntry()).isPositive();
                assertThat(batched.byCaller()).extracting(RoundTripSummary.Caller::caller)
                        .anyMatch(caller -> caller.startsWith("PlainInsertBaseline."));
            }
        });
    }

    @Test
    void ledgerRowsFloorRewritesTheLedgersRowsAndDropsItsCopies() throws Exception {
        withDatabase((databaseUrl, user, password) -> {
            LedgerSchema.migrate(databaseUrl, user, password);
            try (Connection c = DriverManager.getConnection(databaseUrl, user, password); Statement s = c.createStatement()) {
                s.execute("INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
                        + " payload, payload_type, time_stamp) SELECT 's' || g, 0, 'SubjectChain',"
                        + " gen_random_uuid()::text, '\\x00', 'x', now()::text FROM generate_series(1, 23) g");
                s.execute("INSERT INTO ledger_entry (entry_id, subject, seq, kind, happened_at, recorded_at,"
                        + " policy_exception, leaf_hash, request_hash, canonical) SELECT gen_random_uuid(),"
                        + " lpad(g::text, 64, '0'), 0, 'access', now(), now(), false, '\\x01', '\\x02', '\\x03'"
                        + " FROM generate_series(1, 23) g");
                s.execute("INSERT INTO log_leaf (leaf_index, entry_id, leaf_hash, entry_row_id)"
                        + " SELECT row_id - 1, entry_id, leaf_hash, row_id"
                        + " FROM ledger_entry");
                s.execute("INSERT INTO log_node (level, node_index, hash) SELECT l, i, '\\x04'"
                        + " FROM generate_series(0, 4) l, generate_series(0, 22) i WHERE (i + 1) * (1 << l) <= 23");
            }
            // 23 logged entries in batches of 5 from two clients: four whole batches, with every node they complete.
            LedgerRowsFloor.Result result = LedgerRowsFloor.run(databaseUrl, user, password, 2, 5, 1000);
            assertThat(result.entries()).isEqualTo(20);
            assertThat(result.batchLatencies().count()).isEqualTo(4);
            try (Connection c = DriverManager.getConnection(databaseUrl, user, password); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE tablename LIKE 'floor_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            assertThatThrownBy(() -> LedgerRowsFloor.run(databaseUrl, user, password, 2, 50, 1000))
                    .hasMessageContaining("needs at least 50 logged entries, found 23");
        });
    }

    private interface DatabaseTest {
        void run(String databaseUrl, String user, String password) throws Exception;
    }

    /** Runs {@code test} against a new PostgreSQL database, dropped afterwards. */
    private static void withDatabase(DatabaseTest test) throws Exception {
        String url = MachineInfo.env("LEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = MachineInfo.env("LEDGER_TEST_PG_USER", "postgres");
        String password = MachineInfo.env("LEDGER_TEST_PG_PASSWORD", "");
        String database = "ledger_bench_test_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL tests may not be skipped under CI=true", e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + url + ": " + e.getMessage());
        }
        try {
            test.run(url.substring(0, url.lastIndexOf('/') + 1) + database, user, password);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void nhsNumbersAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int n = 0; n < 2000; n++) {
            String number = NhsNumbers.nhsNumber(n);
            CitizenIdentifier.parse("nhs-number", number);
            assertThat(seen.add(number)).as(number).isTrue();
        }
    }
}
