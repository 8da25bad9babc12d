package uk.gov.accessledger.api.support;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import uk.gov.accessledger.api.LedgerApiApplication;

/**
 * A whole ledger-api application started in this JVM on a random port, as one node of several
 * sharing a database. Nodes of one {@link Cluster} share the pseudonym key and the log signing
 * key, as the nodes of one deployment do.
 */
public final class LedgerNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final ConfigurableApplicationContext context;

    private LedgerNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** The settings every node of one deployment shares. */
    public record Cluster(String databaseUrl, String user, String password, String pseudonymKey, String keyFile) {

        public static Cluster onPostgres(String databaseUrl) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new Cluster(databaseUrl, PostgresDatabase.user(), PostgresDatabase.password(),
                    Base64.getEncoder().encodeToString(key), ApiTestSupport.freshKeyFile());
        }

        /** Starts one node; {@code extra} are further {@code --key=value} arguments. */
        public LedgerNode start(String... extra) {
            System.setProperty("axoniq.update-checker.disabled", "true");
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                    "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                    "--ledger.pseudonym-key=" + pseudonymKey,
                    "--ledger.service-credentials=" + TestServices.credentialsFile(),
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokens.get().jwksUri(),
                    "--ledger.log.signing-key-file=" + keyFile, "--ledger.log.origin=" + ApiTestSupport.LOG_ORIGIN,
                    "--spring.main.banner-mode=off"));
            args.addAll(List.of(extra));
            return new LedgerNode(new SpringApplicationBuilder(LedgerApiApplication.class)
                    .run(args.toArray(String[]::new)));
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The sum of a counter's values over all its tags, or over those with these tags (key, value,
     * key, value...); 0 if it was never incremented.
     */
    public double counter(String name, String... tags) {
        return bean(MeterRegistry.class).find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** POSTs a JSON body as the GP service; the answer's status and body. */
    public HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestServices.GP + ":"
                        + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
