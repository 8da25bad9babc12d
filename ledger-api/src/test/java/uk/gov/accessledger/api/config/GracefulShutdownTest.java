package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.WebServer;
import uk.gov.accessledger.api.LedgerApiApplication;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * A node stopping gracefully (the default, {@code server.shutdown: graceful}) finds no request
 * active once its clients' requests are answered, even though a service keeps its keep-alive
 * connection open between them, as services do. With Reactor Netty 1.2.11 a connection that had
 * carried a run of entries stayed counted as active, and every stop waited out its 30 s timeout.
 */
class GracefulShutdownTest {

    private static final int ENTRIES = 50;

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
}
