package uk.gov.accessledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.gov.accessledger.api.LedgerApiApplication;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.PostgresDatabase;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.testonly.ReferenceTree;

/**
 * Two API nodes on one PostgreSQL database take writes from many threads while one node is
 * stopped and started again. Afterwards every acknowledged entry has exactly one leaf, every
 * checkpoint's root is the root of the stored entries, and every checkpoint is consistent with
 * the one before. Also reports how long entries waited between acknowledgement and checkpoint.
 */
class LogAcrossRestartsOnPostgresTest {

    private static final int WRITERS = 8;
    private static final int TARGET_ACKS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everyAcknowledgedEntryGetsOneLeafAcrossARestartWithTwoNodes() throws Exception {
        String database = PostgresDatabase.create();
        String keyFile = ApiTestSupport.freshKeyFile();
        byte[] pseudonymKey = new byte[32];
        new SecureRandom().nextBytes(pseudonymKey);
        String[] args = {"--server.port=0", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(),
                "--ledger.pseudonym-key=" + Base64.getEncoder().encodeToString(pseudonymKey),
                "--ledger.service-credentials=" + TestServices.credentialsFile(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwksUri(),
                "--ledger.log.signing-key-file=" + keyFile, "--ledger.log.origin=" + ApiTestSupport.LOG_ORIGIN,
                "--spring.main.banner-mode=off"};
        System.setProperty("axoniq.update-checker.disabled", "true");

        ConfigurableApplicationContext first = start(args);
        ConfigurableApplicationContext second = start(args);
        AtomicReference<String> nodeA = new AtomicReference<>(baseUrl(first));
        String nodeB = baseUrl(second);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; acknowledged.size() < TARGET_ACKS && i < 20_000; i++) {
                    String base = (i + writer) % 2 == 0 ? nodeA.get() : nodeB;
                    if (base == null) {
                        continue;
                    }
                    record(base, acknowledged);
                }
            });
        }
        waitFor(() -> acknowledged.size() >= TARGET_ACKS / 3, Duration.ofMinutes(3));
        nodeA.set(null);
        first.close(); // a restart in the middle of the writes
        ConfigurableApplicationContext restarted = start(args);
        nodeA.set(baseUrl(restarted));
        writers.shutdown();
        assertThat(writers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();

        JdbcTemplate jdbc = new JdbcTemplate(dataSource(database));
        waitFor(() -> jdbc.queryForObject("SELECT COUNT(*) FROM log_pending", Long.class) == 0, Duration.ofMinutes(1));
        waitFor(() -> jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class)
                .equals(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class)), Duration.ofMinutes(1));

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(TARGET_ACKS);
        for (String id : acknowledged) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf WHERE entry_id = ?", Long.class,
                    UUID.fromString(id))).as("leaves of entry " + id).isEqualTo(1);
        }
        long entries = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class)).isEqualTo(entries);
        assertThat(jdbc.queryForObject("SELECT MAX(leaf_index) + 1 FROM log_leaf", Long.class)).isEqualTo(entries);

        NoteVerifier key = NoteVerifier.parse(get(nodeB + "/log/key").trim());
        List<byte[]> leaves = jdbc.query("SELECT e.canonical FROM log_leaf l JOIN ledger_entry e"
                + " ON e.entry_id = l.entry_id ORDER BY l.leaf_index", (rs, n) -> ReferenceTree.leafHash(rs.getBytes(1)));
        List<String> notes = jdbc.queryForList("SELECT note FROM log_checkpoint ORDER BY tree_size", String.class);
        Checkpoint previous = null;
        for (String note : notes) {
            Checkpoint c = Checkpoint.open(note, key);
            assertThat(c.rootHash()).as("root of checkpoint " + c.size())
                    .isEqualTo(ReferenceTree.ofLeafHashes(leaves.subList(0, (int) c.size())).root());
            if (previous != null && previous.size() > 0) {
                JsonNode proof = JSON.readTree(get(nodeB + "/api/v1/log/proof/consistency?from=" + previous.size()
                        + "&to=" + c.size()));
                List<byte[]> hashes = new ArrayList<>();
                proof.get("proof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
                ProofVerifier.verifyConsistency(Rfc6962Hasher.DEFAULT, previous.size(), c.size(), hashes,
                        previous.rootHash(), c.rootHash());
            }
            previous = c;
        }
        report(jdbc, notes.size(), entries);
        restarted.close();
        second.close();
    }

    /** Acknowledgement to checkpoint: recorded-at to the signing time of the first covering checkpoint. */
    private static void report(JdbcTemplate jdbc, int checkpoints, long entries) {
        List<Long> millis = jdbc.query("SELECT e.recorded_at, (SELECT MIN(c.signed_at) FROM log_checkpoint c"
                + " WHERE c.tree_size > l.leaf_index) AS signed_at FROM ledger_entry e JOIN log_leaf l"
                + " ON l.entry_id = e.entry_id", (rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(),
                rs.getTimestamp(2).toInstant()).toMillis());
        Collections.sort(millis);
        System.out.printf("ack-to-checkpoint over %d entries in %d checkpoints: p50 %d ms, p99 %d ms, max %d ms%n",
                entries, checkpoints, millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.99)),
                millis.get(millis.size() - 1));
    }

    private void record(String base, Set<String> acknowledged) {
        String id = UUID.randomUUID().toString();
        String body = ApiTestSupport.access(ApiTestSupport.nhsNumber()).put("id", id).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/entries"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestServices.GP + ":"
                        + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                acknowledged.add(id);
            }
        } catch (Exception e) {
            // The node was stopping: this entry was not acknowledged, so it need not be in the log.
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(LedgerApiApplication.class).run(args);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static DataSource dataSource(String url) {
        return new DriverManagerDataSource(url, PostgresDatabase.user(), PostgresDatabase.password());
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
