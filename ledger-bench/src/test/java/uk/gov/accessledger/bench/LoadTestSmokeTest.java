package uk.gov.accessledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.NodeId;
import uk.gov.accessledger.merkle.ProofNodes;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.subject.CitizenIdentifier;

/**
 * Runs the load generator, tiny and bounded, against a stand-in for the ingest API on loopback
 * (every entry is "recorded" and at once "in the log"), then renders its result in a report, so
 * the load path cannot rot between real runs. The real API is loaded by ledger-bench/load.sh.
 */
class LoadTestSmokeTest {

    @TempDir
    Path out;

    private HttpServer server;
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong proofsAsked = new AtomicLong();
    /** Single-entry requests, each counted as half of a two-request group commit. */
    private final AtomicLong singles = new AtomicLong();
    private final java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
            long size = recorded.get();
            answer(exchange, 200, "stand-in/log\n" + size + "\n" + base64(size == 0 ? Rfc6962Hasher.DEFAULT.emptyRoot()
                    : root(tree(size), size)) + "\n\n— stand-in/log AAAA\n");
        });
        server.createContext("/api/v1/log/proof/", exchange -> {
            proofsAsked.incrementAndGet();
            Map<String, Long> query = new java.util.HashMap<>();
            for (String pair : exchange.getRequestURI().getQuery().split("&")) {
                query.put(pair.substring(0, pair.indexOf('=')), Long.parseLong(pair.substring(pair.indexOf('=') + 1)));
            }
            boolean inclusion = exchange.getRequestURI().getPath().endsWith("/inclusion");
            long size = inclusion ? query.get("size") : query.get("to");
            FlatTree tree = tree(size);
            ProofNodes nodes = inclusion ? ProofNodes.inclusion(query.get("index"), size)
                    : ProofNodes.consistency(query.get("from"), size);
            List<byte[]> fetched = new ArrayList<>();
            nodes.ids().forEach(id -> fetched.add(tree.get(id)));
            var body = json.createObjectNode();
            if (inclusion) {
                body.put("index", query.get("index"));
                body.put("size", size);
                body.put("leafHash", base64(tree.get(new NodeId(0, query.get("index")))));
            }
            body.put("rootHash", base64(root(tree, size)));
            var proof = body.putArray("proof");
            nodes.rehash(fetched, Rfc6962Hasher.DEFAULT).forEach(hash -> proof.add(base64(hash)));
            answer(exchange, 200, body.toString());
        });
        server.start();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
    }

    /** The stand-in log: leaf i of the log is the synthetic leaf i, as in the proof benchmark. */
    private final Map<Long, FlatTree> trees = new java.util.concurrent.ConcurrentHashMap<>();

    private FlatTree tree(long size) {
        return trees.computeIfAbsent(size, FlatTree::buildSynthetic);
    }

    private static byte[] root(FlatTree tree, long size) {
        List<byte[]> roots = new ArrayList<>();
        CompactRange.rangeNodes(0, size).forEach(id -> roots.add(tree.get(id)));
        return CompactRange.of(Rfc6962Hasher.DEFAULT, 0, size, roots).root();
    }

    private static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
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
        LoadReport.write(settings, new LoadTest(settings));

        Map<String, Object> load = LoadReport.read(out.resolve("load.json"));
        assertThat(load.get("allAcknowledgedInCheckpoint")).isEqualTo(true);
        // The JIT warm-up read this JVM's compile time, in rounds that started within the 10 s allowed.
        Map<String, Object> jit = (Map<String, Object>) load.get("jitWarmup");
        assertThat((Integer) jit.get("rounds")).isPositive();
        assertThat(LoadReport.number(jit, "compileSecondsSinceStart")).isPositive();
        assertThat(LoadReport.number(LoadReport.phase(load, "batched ingest"), "entries")).isEqualTo(20);
        assertThat(LoadReport.number(LoadReport.phase(load, "single-entry ingest"), "failures")).isZero();
        // The group-commit size read from the API's metrics before and after the single-entry phase.
        Map<String, Object> groups = (Map<String, Object>) load.get("singleEntryGroupCommit");
        assertThat(LoadReport.number(groups, "meanRequestsPerGroup")).isEqualTo(2.0);
        assertThat(LoadReport.number(groups, "groups")).isGreaterThanOrEqualTo(15);
        // Every single entry sent is sent again, and answered 200 as a repeat.
        Map<String, Object> repeats = LoadReport.phase(load, LoadTest.REPEAT_PHASE);
        assertThat(LoadReport.number(repeats, "failures")).isZero();
        assertThat(LoadReport.number(repeats, "requests"))
                .isEqualTo(LoadReport.number(LoadReport.phase(load, "single-entry ingest"), "requests"));
        assertThat(LoadReport.number(repeats, "entries")).isZero();
        assertThat(LoadReport.phase(load, "request → in a signed checkpoint (?wait=inclusion)")).isNotNull();
        // The API's CPU is read from /proc for the pid given: here this JVM, the generator too.
        for (String phase : List.of("batched ingest", "single-entry ingest", LoadTest.REPEAT_PHASE)) {
            Map<String, Object> cpu = (Map<String, Object>) LoadReport.phase(load, phase).get("cpu");
            assertThat(cpu.get("per")).isEqualTo(phase.startsWith("batched") ? "entry" : "request");
            assertThat(LoadReport.number(cpu, "apiMs")).isPositive();
            assertThat(LoadReport.number(cpu, "generatorMs")).isPositive();
            assertThat(LoadReport.number(cpu, "idleShare")).isBetween(0.0, 1.0);
        }
        // The stand-in's proofs are genuine, so every one verifies against its checkpoint.
        assertThat(LoadReport.number(LoadReport.phase(load, "inclusion proof via the API"), "requests")).isEqualTo(30);
        // Each kind is sent once untimed, to warm the API up, then once timed.
        assertThat(proofsAsked.get()).isEqualTo(2 * 2 * 30);
        assertThat(LoadReport.number(LoadReport.phase(load, "inclusion proof via the API"), "failures")).isZero();
        assertThat(LoadReport.number(LoadReport.phase(load, "consistency proof via the API"), "failures")).isZero();

        List<TargetRow> rows = TargetRow.from(Map.of(), load);
        assertThat(rows.get(0).measured()).contains("entries/s");
        assertThat(rows.get(1).measured()).contains("requests/s");
        assertThat(rows.get(1).baseline()).contains("the same requests repeated");
        assertThat(rows.get(1).ratio()).startsWith("ingest / repeats = ");
        assertThat(rows.get(1).note()).containsPattern("; 2.00 requests per transaction on average \\(\\d+ group commits\\)")
                .containsPattern("; CPU per request: API [0-9.]+ ms, PostgreSQL [0-9.]+ ms, load generator [0-9.]+ ms,"
                        + " other [0-9.]+ ms; machine idle [0-9.]+ %; the repeats' CPU per request: API ");
        assertThat(rows.get(0).note()).contains("; CPU per entry: API ");
        String markdown = MarkdownReport.render(new ReportContent(java.time.Instant.now(), java.time.Instant.now(),
                "load", Map.of(), Map.of(), Map.of(), Map.of(), List.of(), rows, load, null));
        assertThat(markdown).contains("Before measuring, batches and single entries went on for ")
                .contains(" in " + jit.get("rounds") + " rounds (2 batches, then 10 s of singles) ")
                .contains(String.format("During the single-entry phase the API's JIT compiler ran for %.1f s.",
                        LoadReport.number(load, "apiCompileSecondsDuringSingles")))
                .contains(LoadTest.REPEAT_PHASE);
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
            try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
                recording.enable("jdk.SocketRead").withThreshold(java.time.Duration.ZERO).withStackTrace();
                recording.start();
                java.time.Instant from = java.time.Instant.now();
                PlainInsertBaseline.Result result = PlainInsertBaseline.run(databaseUrl, user, password, 2, 10, 3, 1);
                java.time.Instant to = java.time.Instant.now();
                recording.stop();
                assertThat(result.rows()).isEqualTo(30);
                assertThat(result.batchLatencies().count()).isEqualTo(3);

                // The same recording shows the round-trip counter at work: every read is the baseline's.
                Path jfr = out.resolve("baseline.jfr");
                recording.dump(jfr);
                Map<String, Object> load = Map.of("phases", List.of(Map.of("phase", "batched ingest",
                        "entries", 30, "startedAt", from.toString(), "endedAt", to.toString())));
                @SuppressWarnings("unchecked")
                Map<String, Object> batched = (Map<String, Object>) RoundTrips.analyse(jfr, load).get("batched ingest");
                assertThat(LoadReport.number(batched, "perEntry")).isPositive();
                assertThat(batched.get("byCaller").toString()).contains("PlainInsertBaseline");
            }
        });
    }

    @Test
    void ledgerRowsFloorRewritesTheLedgersRowsAndDropsItsCopies() throws Exception {
        withDatabase((databaseUrl, user, password) -> {
            try (var c = java.sql.DriverManager.getConnection(databaseUrl, user, password); var s = c.createStatement()) {
                for (String migration : List.of("V1__ledger_schema.sql", "V2__transparency_log.sql",
                        "V3__ledger_entry_row_order.sql", "V4__log_leaf_entry_row.sql")) {
                    s.execute(java.nio.file.Files.readString(
                            Path.of("../ledger-api/src/main/resources/db/migration", migration)));
                }
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
            try (var c = java.sql.DriverManager.getConnection(databaseUrl, user, password); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE tablename LIKE 'floor_%'")) {
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
        try (var c = java.sql.DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL tests may not be skipped under CI=true", e);
            }
            org.junit.jupiter.api.Assumptions.abort("PostgreSQL not reachable at " + url + ": " + e.getMessage());
        }
        try {
            test.run(url.substring(0, url.lastIndexOf('/') + 1) + database, user, password);
        } finally {
            try (var c = java.sql.DriverManager.getConnection(url, user, password); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void nhsNumbersAreValidAndDistinct() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int n = 0; n < 2000; n++) {
            String number = IngestRequests.nhsNumber(n);
            CitizenIdentifier.parse("nhs-number", number);
            assertThat(seen.add(number)).as(number).isTrue();
        }
    }
}
