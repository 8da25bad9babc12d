package uk.gov.accessledger.api.upgrade;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.LedgerApiApplication;
import uk.gov.accessledger.api.support.PostgresDatabase;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.verify.LedgerVerify;

/**
 * A ledger-api node in this JVM on one database, configured with a fixture's keys, and the HTTP
 * calls the fixture's generator and its test make to it: as a service, a citizen, an auditor and
 * anyone reading the public log.
 */
final class FixtureNode implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String ENTRY = "{\"entry\":";
    private static final String LEAF_INDEX = ",\"leafIndex\":";

    private final ConfigurableApplicationContext context;
    private final FixtureKeys keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private FixtureNode(ConfigurableApplicationContext context, FixtureKeys keys) {
        this.context = context;
        this.keys = keys;
    }

    /** Starts a node on {@code database} (a JDBC URL) that keeps its last-checkpoint file at {@code checkpointFile}. */
    static FixtureNode start(String database, FixtureKeys keys, Path checkpointFile) throws IOException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        boolean h2 = database.startsWith("jdbc:h2:");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApiApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + (h2 ? "sa" : PostgresDatabase.user()),
                "--spring.datasource.password=" + (h2 ? "" : PostgresDatabase.password()),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--ledger.pseudonym-key=" + keys.pseudonymKey(),
                "--ledger.service-credentials=" + keys.credentialsFile(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwksUri(),
                "--ledger.log.origin=" + keys.logOrigin(),
                "--ledger.log.signing-key=" + keys.logSigningKey(),
                "--ledger.log.checkpoint-file=" + checkpointFile,
                "--management.endpoint.health.show-details=always",
                "--server.shutdown=immediate", "--spring.main.banner-mode=off");
        return new FixtureNode(context, keys);
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    /** The serializer Axon writes and reads the stored events with. */
    Serializer eventSerializer() {
        return context.getBean("eventSerializer", Serializer.class);
    }

    /** A service's request: POST {@code body} to {@code path} with the service's credentials. */
    HttpResponse<String> post(String service, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((service + ":" + keys.serviceSecrets().get(service))
                .getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A citizen's concern about one of their entries; answers the receipt. */
    HttpResponse<String> raiseConcern(String nhsNumber, String entryId, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/me/entries/" + entryId + "/concerns"))
                .header("Authorization", "Bearer " + TestTokens.get().citizen(nhsNumber))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * The citizen's whole history as {@code GET /api/v1/me/entries} serves it, newest first, every
     * page; without each entry's {@code labels}, which come from the reference data of the day
     * and are not stored.
     */
    ArrayNode history(String nhsNumber) throws Exception {
        ArrayNode all = JSON.createArrayNode();
        String cursor = null;
        do {
            String path = "/api/v1/me/entries?limit=100"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = JSON.readTree(ok(send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + TestTokens.get().citizen(nhsNumber)))));
            for (JsonNode entry : page.get("entries")) {
                all.add(((ObjectNode) entry.deepCopy()).without("labels"));
            }
            cursor = page.hasNonNull("next") ? page.get("next").asString() : null;
        } while (cursor != null);
        return all;
    }

    /** An auditor's GET; answers the body's bytes. */
    byte[] auditorGet(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestTokens.get().auditor()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": got " + response.statusCode() + ", want 200: "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /**
     * The auditor's {@code entries.jsonl}: every entry in the order it was recorded, each as its
     * exact canonical bytes (copied out of the line, never re-serialised) and its leaf index.
     */
    List<AuditedEntry> auditEntries() throws Exception {
        List<AuditedEntry> entries = new ArrayList<>();
        for (String line : new String(auditorGet("/api/v1/audit/entries.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            int end = line.lastIndexOf(LEAF_INDEX);
            if (!line.startsWith(ENTRY) || end < 0 || !line.endsWith("}")) {
                throw new AssertionError("entries.jsonl: got a line " + line
                        + ", want {\"entry\":...,\"leafIndex\":n}");
            }
            String index = line.substring(end + LEAF_INDEX.length(), line.length() - 1);
            entries.add(new AuditedEntry(line.substring(ENTRY.length(), end).getBytes(StandardCharsets.UTF_8),
                    "null".equals(index) ? null : Long.valueOf(index)));
        }
        return entries;
    }

    /** An entry's canonical bytes and its leaf index (null if not yet in the log). */
    record AuditedEntry(byte[] canonical, Long leafIndex) {

        String leafHash() {
            return HexFormat.of().formatHex(Rfc6962Hasher.JDK.hashLeaf(canonical));
        }

        JsonNode entry() {
            return read(new String(canonical, StandardCharsets.UTF_8));
        }
    }

    /** Runs the self-audit ({@code POST /api/v1/audit/self-audit}) and answers its report. */
    JsonNode selfAudit() throws Exception {
        return JSON.readTree(ok(send(HttpRequest.newBuilder(uri("/api/v1/audit/self-audit"))
                .header("Authorization", "Bearer " + TestTokens.get().auditor())
                .POST(HttpRequest.BodyPublishers.noBody()))));
    }

    /** A public GET, such as {@code /log/checkpoint}; requires a 200. */
    String get(String path) throws Exception {
        return ok(send(HttpRequest.newBuilder(uri(path))));
    }

    /** Waits until every recorded entry is in a signed checkpoint; answers its size. */
    long awaitLogged() throws InterruptedException {
        JdbcTemplate db = jdbc();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            long entries = db.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class);
            Long size = db.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class);
            long pending = db.queryForObject("SELECT COUNT(*) FROM log_pending", Long.class);
            if (pending == 0 && size != null && size == entries) {
                // The last-checkpoint file is written just after the commit this query may already see.
                Thread.sleep(200);
                return size;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("entries were not in a signed checkpoint within 30 s: " + entries
                        + " entries, tree size " + size + ", " + pending + " pending");
            }
            Thread.sleep(50);
        }
    }

    /** Runs {@code ledger-verify} in this JVM with {@code args} after the command; answers its status and output. */
    static Verdict ledgerVerify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = LedgerVerify.run(args, print, print);
        return new Verdict(status, out.toString(StandardCharsets.UTF_8));
    }

    record Verdict(int status, String output) {
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
    }

    @Override
    public void close() {
        context.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(response.request().method() + " " + response.uri().getRawPath() + ": got "
                    + response.statusCode() + ", want 200: " + response.body());
        }
        return response.body();
    }

    static JsonNode read(String json) {
        return JSON.readTree(json);
    }
}
