package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import uk.gov.accessledger.api.LedgerApiApplication;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * A node stopping gracefully (the default, {@code server.shutdown: graceful}) finds no request
 * active once its clients' requests are answered, even though a service keeps its keep-alive
 * connection open between them, as services do. With Reactor Netty 1.2.11 a connection that had
 * carried a run of entries stayed counted as active, and every stop waited out its 30 s timeout.
 * Under load, a stopping node finishes its queued group commits and answers what it accepted.
 */
class GracefulShutdownTest {

    private static final int ENTRIES = 50;
    private static final int LOAD_CLIENTS = 24;

    @Test
    void stopsWithoutWaitingForAnIdleKeepAliveConnection() throws Exception {
        byte[] pseudonymKey = new byte[32];
        new SecureRandom().nextBytes(pseudonymKey);
        System.setProperty("axoniq.update-checker.disabled", "true");
        ReactiveWebServerApplicationContext node = (ReactiveWebServerApplicationContext)
                new SpringApplicationBuilder(LedgerApiApplication.class).run("--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:graceful-" + UUID.randomUUID()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--ledger.pseudonym-key=" + Base64.getEncoder().encodeToString(pseudonymKey),
                        "--ledger.service-credentials=" + TestServices.credentialsFile(),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwksUri(),
                        "--ledger.log.signing-key-file=" + ApiTestSupport.freshKeyFile(),
                        "--ledger.log.origin=" + ApiTestSupport.LOG_ORIGIN, "--spring.main.banner-mode=off");
        try {
            WebServer server = node.getWebServer();
            // One client, HTTP/1.1: every entry goes over the same kept-alive connection.
            HttpClient service = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String credentials = Base64.getEncoder().encodeToString((TestServices.GP + ":"
                    + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < ENTRIES; i++) {
                HttpResponse<String> answer = service.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                + server.getPort() + "/api/v1/entries"))
                        .header("Content-Type", "application/json").header("Authorization", "Basic " + credentials)
                        .POST(HttpRequest.BodyPublishers.ofString(ApiTestSupport.access(ApiTestSupport.nhsNumber())
                                .put("id", UUID.randomUUID().toString()).toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            }

            CompletableFuture<GracefulShutdownResult> shutdown = new CompletableFuture<>();
            server.shutDownGracefully(shutdown::complete);
            // Idle reports at once; a connection wrongly counted as active reports only when the
            // node gives up on it, at spring.lifecycle.timeout-per-shutdown-phase (30 s).
            assertThat(shutdown.get(20, TimeUnit.SECONDS)).isEqualTo(GracefulShutdownResult.IDLE);
        } finally {
            node.close();
        }
    }

    /**
     * Stopping a node under load (what SIGTERM does: the context closes) stops it taking requests,
     * lets the queued group commits finish and answers every request it had accepted: every entry
     * in the database afterwards was answered 201 (none was recorded while its client's connection
     * was dropped), and every 201 is in the database. A request that arrives once the node is
     * stopping is refused with a 503 problem, or dropped if it arrives as the connections close, and
     * in neither case recorded: its client retries with the same id elsewhere.
     */
    @Test
    void answersEveryAcceptedRequestAndKeepsEveryAcknowledgedEntryWhenStoppedUnderLoad() throws Exception {
        String url = "jdbc:h2:mem:graceful-load-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        byte[] pseudonymKey = new byte[32];
        new SecureRandom().nextBytes(pseudonymKey);
        System.setProperty("axoniq.update-checker.disabled", "true");
        ReactiveWebServerApplicationContext node = (ReactiveWebServerApplicationContext)
                new SpringApplicationBuilder(LedgerApiApplication.class).run("--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--ledger.pseudonym-key=" + Base64.getEncoder().encodeToString(pseudonymKey),
                        "--ledger.service-credentials=" + TestServices.credentialsFile(),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwksUri(),
                        "--ledger.log.signing-key-file=" + ApiTestSupport.freshKeyFile(),
                        "--ledger.log.origin=" + ApiTestSupport.LOG_ORIGIN, "--spring.main.banner-mode=off");
        URI entries = URI.create("http://127.0.0.1:" + node.getWebServer().getPort() + "/api/v1/entries");
        String credentials = Base64.getEncoder().encodeToString((TestServices.GP + ":"
                + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8));
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> unanswered = ConcurrentHashMap.newKeySet();
        Set<String> refusedWhileStopping = ConcurrentHashMap.newKeySet();
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean refused = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(LOAD_CLIENTS);
        for (int c = 0; c < LOAD_CLIENTS; c++) {
            clients.submit(() -> {
                while (!refused.get()) {
                    String id = UUID.randomUUID().toString();
                    // A connection per request: one refused is one the node did not accept.
                    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    try {
                        // A connection the stopped node never closes (the JVM of a real node exits and
                        // closes it) counts as dropped unanswered, instead of blocking the client forever.
                        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(entries)
                                .timeout(Duration.ofSeconds(20))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Basic " + credentials)
                                .POST(HttpRequest.BodyPublishers.ofString(ApiTestSupport.access(
                                        ApiTestSupport.nhsNumber()).put("id", id).toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 201) {
                            acknowledged.add(id);
                        } else if (answer.statusCode() == 503 && answer.body().contains("this node is stopping")) {
                            refusedWhileStopping.add(id);
                        } else if (answer.statusCode() >= 500) {
                            failed.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (ConnectException notAccepted) {
                        refused.set(true);
                    } catch (Exception e) {
                        unanswered.add(id);
                    }
                }
                return null;
            });
        }
        // Stop once the node is busy, however slow this machine: entries answered and more in flight.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 2 * LOAD_CLIENTS && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        node.close();
        refused.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(failed).as("5xx answers while stopping, other than 503 for a write refused as the node stops")
                .isEmpty();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(2 * LOAD_CLIENTS);
        Set<String> stored = new HashSet<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = db.createStatement().executeQuery("SELECT entry_id FROM ledger_entry")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        System.out.printf("stopped under load: %d acknowledged, %d refused as the node stopped, %d dropped"
                + " unanswered, %d stored%n", acknowledged.size(), refusedWhileStopping.size(), unanswered.size(),
                stored.size());
        assertThat(stored).as("acknowledged entries stored").containsAll(acknowledged);
        // Either set may be empty when the node stopped between two requests: filter, don't match.
        assertThat(unanswered).as("entries recorded whose request was dropped unanswered")
                .filteredOn(stored::contains).isEmpty();
        assertThat(refusedWhileStopping).as("entries recorded whose request was refused as the node stopped")
                .filteredOn(stored::contains).isEmpty();
    }
}
