package uk.gov.accessledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
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
import uk.gov.accessledger.api.support.PostgresDumps;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.verify.LedgerVerify;

/**
 * Backups of a ledger taken and restored with the operator's tools ({@code pg_dump -Fc} and
 * {@code pg_restore} on PostgreSQL, a copy of the database file on the embedded H2), as
 * docs/operations.md describes: the restore drill, and a node that refuses to sign on a database
 * restored behind a checkpoint it has already published.
 */
class BackupRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private final String pseudonymKey = randomKey();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    /** The restore drill of docs/operations.md, "Restore drill". */
    @Test
    void restoreDrillBackupRestoredIntoAFreshDatabasePassesTheSelfAuditAndLedgerVerify() throws Exception {
        String database = PostgresDatabase.create();
        Path keys = Files.createTempDirectory("ledger-node");
        ConfigurableApplicationContext node = start(database, keys);
        record(node, 40);
        String key = get(node, "/log/key").trim();
        Path monitorState = Files.createTempDirectory("monitor").resolve("ledger-verify.state");
        assertThat(ledgerVerify(node, key, monitorState)).startsWith("OK");
        record(node, 25);
        Path backup = pgDump(database);
        node.close();

        String restored = PostgresDatabase.create();
        PostgresDumps.restore(backup, restored);
        // The drill runs on a node of its own: its own (new) last-checkpoint file, the same keys.
        Path drillKeys = Files.createTempDirectory("ledger-drill");
        Files.copy(keys.resolve("log-signing-key"), drillKeys.resolve("log-signing-key"));
        ConfigurableApplicationContext drill = start(restored, drillKeys);

        JsonNode audit = JSON.readTree(send(drill, HttpRequest.newBuilder(uri(drill, "/api/v1/audit/self-audit"))
                .header("Authorization", "Bearer " + TestTokens.get().auditor())
                .POST(HttpRequest.BodyPublishers.noBody())).body());
        assertThat(audit.get("entriesChecked").asLong()).isEqualTo(65);
        assertThat(audit.get("checkpointsChecked").asLong()).isPositive();
        assertThat(audit.get("findingCount").asLong()).as(audit.toString()).isZero();
        // The monitor saw the log before the backup; the restored log must extend what it saw.
        String verdict = ledgerVerify(drill, key, monitorState);
        assertThat(verdict).startsWith("OK").contains("consistent with the checkpoint seen before");
        assertThat(jdbc(restored).queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class))
                .isEqualTo(65);
    }

    @Test
    void refusesToSignOnADatabaseRestoredBehindAPublishedCheckpoint() throws Exception {
        String database = PostgresDatabase.create();
        Path keys = Files.createTempDirectory("ledger-node");
        Path checkpointFile = keys.resolve("last-checkpoint");
        assertThat(checkpointFile).doesNotExist();
        ConfigurableApplicationContext node = start(database, keys);
        record(node, 30);
        assertThat(Files.readString(checkpointFile)).as("the first start creates the file")
                .contains("committed 30 ");
        Path backup = pgDump(database);
        record(node, 20);
        assertThat(Files.readString(checkpointFile)).contains("committed 50 ");
        node.close();

        // The old backup comes back, and the node starts on it with its file.
        String restored = PostgresDatabase.create();
        PostgresDumps.restore(backup, restored);
        ConfigurableApplicationContext onBackup = start(restored, keys);
        waitFor(() -> status(onBackup, "/actuator/health") == 503, Duration.ofSeconds(30));
        JsonNode health = JSON.readTree(get(onBackup, "/actuator/health"));
        assertThat(health.at("/components/log/status").asString()).isEqualTo("DOWN");
        assertThat(health.at("/components/log/details/reason").asString()).isEqualTo("rollback");
        assertThat(health.at("/components/log/details/publishedSize").asLong()).isEqualTo(50);
        assertThat(health.at("/components/log/details/databaseSize").asLong()).isEqualTo(30);
        assertThat(status(onBackup, "/actuator/health/readiness")).as("it still takes entries").isEqualTo(200);
        record(onBackup, 5, false);
        Thread.sleep(500); // several sequencing intervals
        assertThat(jdbc(restored).queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class))
                .as("no checkpoint signed on the restored database").isEqualTo(30);
        assertThat(Files.readString(checkpointFile)).as("the file is left as it was").contains("committed 50 ");
        onBackup.close();

        // On the database it was taken from, the same file lets the node start and sign.
        ConfigurableApplicationContext back = start(database, keys);
        record(back, 5);
        assertThat(status(back, "/actuator/health")).isEqualTo(200);
        assertThat(Files.readString(checkpointFile)).contains("committed 55 ");
    }

    @Test
    void refusesADatabaseWithAnotherHistoryAtTheSizeOfTheFileButNotAnUnfinishedCommit() throws Exception {
        String database = PostgresDatabase.create();
        Path keys = Files.createTempDirectory("ledger-node");
        Path checkpointFile = keys.resolve("last-checkpoint");
        ConfigurableApplicationContext node = start(database, keys);
        record(node, 12);
        node.close();
        String file = Files.readString(checkpointFile);
        String realRoot = file.lines().filter(l -> l.startsWith("committed 12 ")).findFirst().orElseThrow()
                .substring("committed 12 ".length());
        String otherRoot = randomKey();

        // A commit that did not complete: the file names a checkpoint the database never got.
        Files.writeString(checkpointFile, "committed 12 " + realRoot + "\nsigning 15 " + otherRoot + "\n");
        ConfigurableApplicationContext afterCrash = start(database, keys);
        record(afterCrash, 3);
        assertThat(status(afterCrash, "/actuator/health")).isEqualTo(200);
        afterCrash.close();

        // A checkpoint of size 12 with another root than the database's tree at 12: another history.
        Files.writeString(checkpointFile, "committed 12 " + otherRoot + "\n");
        ConfigurableApplicationContext forked = start(database, keys);
        waitFor(() -> status(forked, "/actuator/health") == 503, Duration.ofSeconds(30));
        assertThat(JSON.readTree(get(forked, "/actuator/health")).at("/components/log/details/reason").asString())
                .isEqualTo("rollback");
    }

    @Test
    void refusesToSignOnAnEmbeddedDatabaseFileRestoredFromAnOldCopy() throws Exception {
        Path data = Files.createTempDirectory("ledger-h2");
        String database = "jdbc:h2:file:" + data.resolve("ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Path file = data.resolve("ledger.mv.db");
        ConfigurableApplicationContext node = start(database, data);
        record(node, 8);
        node.close();
        Path copy = Files.copy(file, data.resolve("backup.mv.db"));
        node = start(database, data);
        record(node, 4);
        node.close();
        Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);

        ConfigurableApplicationContext restored = start(database, data);
        waitFor(() -> status(restored, "/actuator/health") == 503, Duration.ofSeconds(30));
        JsonNode health = JSON.readTree(get(restored, "/actuator/health"));
        assertThat(health.at("/components/log/details/reason").asString()).isEqualTo("rollback");
        assertThat(health.at("/components/log/details/publishedSize").asLong()).isEqualTo(12);
        assertThat(health.at("/components/log/details/databaseSize").asLong()).isEqualTo(8);
    }

    private ConfigurableApplicationContext start(String database, Path keys) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        boolean h2 = database.startsWith("jdbc:h2:");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerApiApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + (h2 ? "sa" : PostgresDatabase.user()),
                "--spring.datasource.password=" + (h2 ? "" : PostgresDatabase.password()),
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--ledger.pseudonym-key=" + pseudonymKey,
                "--ledger.service-credentials=" + TestServices.credentialsFile(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwksUri(),
                "--ledger.log.signing-key-file=" + keys.resolve("log-signing-key"),
                "--ledger.log.origin=" + ApiTestSupport.LOG_ORIGIN,
                "--management.endpoint.health.show-details=always",
                "--server.shutdown=immediate", "--spring.main.banner-mode=off");
        nodes.add(context);
        return context;
    }

    private void record(ConfigurableApplicationContext node, int entries) throws Exception {
        record(node, entries, true);
    }

    /** Records {@code entries} entries, one a request; then, if asked, waits until a checkpoint covers them all. */
    private void record(ConfigurableApplicationContext node, int entries, boolean awaitCheckpoint) throws Exception {
        for (int i = 0; i < entries; i++) {
            String body = ApiTestSupport.access(ApiTestSupport.nhsNumber()).toString();
            HttpResponse<String> response = send(node, HttpRequest.newBuilder(uri(node, "/api/v1/entries"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestServices.GP + ":"
                            + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        }
        if (awaitCheckpoint) {
            JdbcTemplate db = new JdbcTemplate(node.getBean(DataSource.class));
            waitFor(() -> db.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class)
                    .equals(db.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class)),
                    Duration.ofSeconds(30));
            // The file is written just after the commit that the query above may already see.
            Thread.sleep(200);
        }
    }

    private String ledgerVerify(ConfigurableApplicationContext node, String key, Path state) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = LedgerVerify.run(new String[] {"audit-log", uri(node, "/log").toString(), "--key", key,
                "--state", state.toString()}, print, print);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isZero();
        return printed;
    }

    /** {@code pg_dump -Fc} of the database at the JDBC URL, the backup docs/operations.md asks for. */
    private static Path pgDump(String jdbcUrl) throws Exception {
        Path file = Files.createTempFile("ledger-backup", ".dump");
        PostgresDumps.dump(jdbcUrl, file);
        return file;
    }


    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new DriverManagerDataSource(url, PostgresDatabase.user(), PostgresDatabase.password()));
    }

    private HttpResponse<String> send(ConfigurableApplicationContext node, HttpRequest.Builder request)
            throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(ConfigurableApplicationContext node, String path) throws Exception {
        return send(node, HttpRequest.newBuilder(uri(node, path))).body();
    }

    private int status(ConfigurableApplicationContext node, String path) {
        try {
            return send(node, HttpRequest.newBuilder(uri(node, path))).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(50);
        }
    }
}
