package uk.gov.accessledger.portal.browser;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The development identity provider and ledger-api (demo profile, in-memory H2, a little demo
 * traffic) started from their jars as child processes on free loopback ports, once per test JVM.
 * The jars are built by {@code mvn verify} before this module's tests run; if they are missing
 * the tests fail, they are never skipped.
 */
final class LocalStack {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final int DEMO_ENTRIES = 300;

    final int idpPort = freePort();
    final int apiPort = freePort();
    final int portalPort = freePort();
    private final List<Process> processes = new ArrayList<>();
    private Process api;

    private static LocalStack instance;

    static synchronized LocalStack get() {
        if (instance == null) {
            instance = new LocalStack();
            instance.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    String idp() {
        return "http://localhost:" + idpPort;
    }

    String api() {
        return "http://localhost:" + apiPort;
    }

    String portal() {
        return "http://localhost:" + portalPort;
    }

    private void start() {
        String portal = portal();
        processes.add(launch("dev-identity-provider", List.of(
                "--server.port=" + idpPort,
                "--dev-idp.redirect-uris=" + portal + "/login/oauth2/code/ledger",
                "--dev-idp.post-logout-redirect-uris=" + portal + "/signed-out")));
        api = launch("ledger-api", List.of(
                "--spring.profiles.active=demo",
                "--server.port=" + apiPort,
                "--spring.datasource.url=jdbc:h2:mem:portal-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--ledger.demo.traffic-entries=" + DEMO_ENTRIES,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + idp() + "/oauth2/jwks",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + idp()));
        processes.add(api);
        waitFor(idp() + "/.well-known/openid-configuration", "dev-identity-provider");
        waitFor(api() + "/actuator/health/readiness", "ledger-api");
    }

    /** Stops ledger-api, so that the portal finds it down. */
    void stopLedgerApi() throws InterruptedException {
        api.destroyForcibly(); // as a crash would: the portal must cope without a goodbye
        api.waitFor();
    }

    void stop() {
        processes.forEach(Process::destroy);
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Process launch(String module, List<String> args) {
        Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("couldn't start " + module + ": " + jar + " is missing; run"
                    + " `mvn verify` from the repository root (it packages " + module + " before these tests)");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(args);
        try {
            File log = Path.of("target", module + "-browser-test.log").toFile();
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log);
            builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("couldn't start " + module + ": " + e.getMessage(), e);
        }
    }

    private static void waitFor(String url, String what) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("couldn't start " + what + " within 180 s: see target/" + what
                + "-browser-test.log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
