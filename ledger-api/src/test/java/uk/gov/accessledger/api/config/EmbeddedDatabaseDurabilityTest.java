package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.api.LedgerApiApplication;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * ledger-api on its embedded default database (the H2 file under ./data, as configured in
 * application.yml, not overridden here) runs as a separate process, takes entries from several
 * clients, and is killed with SIGKILL in the middle of them. Every entry it acknowledged is in
 * the database afterwards: a receipt is sent only once its commit has reached the file.
 */
class EmbeddedDatabaseDurabilityTest {

    private static final int CLIENTS = 12;
    /** Load runs until this many entries are acknowledged, or for {@link #MAX_LOAD}. */
    private static final int TARGET_ACKS = 1_000;
    private static final Duration MAX_LOAD = Duration.ofSeconds(15);
    private static final Pattern STARTED = Pattern.compile("Netty started on port (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void keepsEveryAcknowledgedEntryWhenTheProcessIsKilled(@TempDir Path home) throws Exception {
        Path output = home.resolve("ledger-api.log");
        Process node = start(home, output);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        double loadSeconds;
        int ackedUnderLoad;
        try {
            String base = "http://127.0.0.1:" + awaitPort(node, output);
            // A cold JVM on a busy machine answers its first requests slowly; load starts once it answers.
            Instant warm = Instant.now().plus(Duration.ofSeconds(60));
            while (acknowledged.isEmpty() && Instant.now().isBefore(warm)) {
                record(base, false, acknowledged);
            }
            assertThat(acknowledged).as("an entry recorded before the load").isNotEmpty();
            AtomicBoolean killed = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; !killed.get(); i++) {
                        record(base, client % 3 == 0 && i % 4 == 0, acknowledged);
                    }
                });
            }
            long start = System.nanoTime();
            Instant until = Instant.now().plus(MAX_LOAD);
            while (acknowledged.size() < TARGET_ACKS && Instant.now().isBefore(until)) {
                Thread.sleep(20);
            }
            loadSeconds = (System.nanoTime() - start) / 1e9;
            ackedUnderLoad = acknowledged.size();
            node.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
            node.waitFor(30, TimeUnit.SECONDS);
            killed.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            node.destroyForcibly();
        }

        assertThat(acknowledged).as("entries acknowledged before the kill").hasSizeGreaterThan(100);
        List<String> missing = new ArrayList<>();
        // The same file the node used, opened as the next start of the node would open it.
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("data/ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             PreparedStatement find = db.prepareStatement("SELECT COUNT(*) FROM ledger_entry WHERE entry_id = ?")) {
            for (String id : acknowledged) {
                find.setObject(1, UUID.fromString(id));
                try (ResultSet rs = find.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != 1) {
                        missing.add(id);
                    }
                }
            }
        }
        System.out.printf("SIGKILL on the embedded database: %d entries acknowledged (%.0f entries/s under load),"
                + " %d missing after restart%n", acknowledged.size(), ackedUnderLoad / loadSeconds, missing.size());
        assertThat(missing).as("acknowledged entries missing after SIGKILL").isEmpty();
    }

    /** Runs the application in a new JVM with this test's classpath, in {@code home} as its working directory. */
    private static Process start(Path home, Path output) throws Exception {
        byte[] pseudonymKey = new byte[32];
        new SecureRandom().nextBytes(pseudonymKey);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                LedgerApiApplication.class.getName(), "--server.port=0",
                "--ledger.pseudonym-key=" + Base64.getEncoder().encodeToString(pseudonymKey),
                "--ledger.service-credentials=" + TestServices.credentialsFile(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwksUri(),
                "--ledger.log.origin=" + ApiTestSupport.LOG_ORIGIN)
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static int awaitPort(Process node, Path output) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!node.isAlive()) {
                throw new AssertionError("ledger-api exited at start:\n" + Files.readString(output));
            }
            Matcher started = STARTED.matcher(Files.readString(output));
            if (started.find()) {
                return Integer.parseInt(started.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ledger-api did not start within 90 s:\n" + Files.readString(output));
    }

    private void record(String base, boolean batch, Set<String> acknowledged) {
        List<String> ids = new ArrayList<>();
        String body;
        if (batch) {
            StringBuilder entries = new StringBuilder("{\"entries\":[");
            for (int i = 0; i < 10; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                entries.append(i == 0 ? "" : ",").append(ApiTestSupport.access(ApiTestSupport.nhsNumber()).put("id", id));
            }
            body = entries.append("]}").toString();
        } else {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            body = ApiTestSupport.access(ApiTestSupport.nhsNumber()).put("id", id).toString();
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base
                            + (batch ? "/api/v1/entries/batch" : "/api/v1/entries")))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestServices.GP + ":"
                            + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 201) {
                acknowledged.addAll(ids);
            }
        } catch (Exception e) {
            // Killed while this request was in flight: it was not acknowledged.
        }
    }
}
