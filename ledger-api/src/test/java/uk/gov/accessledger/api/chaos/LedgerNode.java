package uk.gov.accessledger.api.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One ledger-api process started from the built jar, in a working directory of its own (its
 * {@code ./data}: the embedded database, the signing key file and whatever else the node keeps
 * beside it). Each start gets a new free loopback port and a log file of its own. Every process
 * any node starts is killed when the test JVM exits, whatever happened.
 */
final class LedgerNode {

    /** The jar Maven packaged; Failsafe passes its path (see ledger-api's pom). */
    static final Path JAR = Path.of(System.getProperty("ledger.api.jar", "target/ledger-api-0.1.0-SNAPSHOT.jar"));
    /** A loaded 2-core machine takes tens of seconds to start a node; a bound, not a speed test. */
    static final Duration START_PATIENCE = Duration.ofSeconds(Long.getLong("chaos.start-seconds", 240));

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    final String name;
    final Path dir;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private volatile Process process;
    private volatile int port;
    /** True from readiness until this harness kills or stops the process: clients send only then. */
    private volatile boolean up;
    private int starts;

    LedgerNode(String name, Path dir, Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        this.dir = dir;
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /** Launches the process; {@link #awaitReady()} waits for it. Requires the node to be stopped. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("couldn't start " + name + ": " + JAR.toAbsolutePath() + " is missing;"
                    + " run `mvn -B verify` (Failsafe runs this suite after `package` has built the jar)");
        }
        starts++;
        port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(NodeLauncher.arguments(jvmOptions, environment));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log().toFile());
        builder.environment().putAll(environment);
        builder.environment().put("LEDGER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(dir);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't start " + name, e);
        }
        RUNNING.add(process);
    }

    /**
     * Waits until readiness answers 200; fails, with the log's tail, if the process dies first.
     * A start that lost its free port to another process before binding it is tried again.
     */
    void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        Process p = process;
        for (int portRetries = 3; true; ) {
            if (!p.isAlive()) {
                RUNNING.remove(p);
                if (portRetries-- > 0 && tail().contains("was already in use")) {
                    start();
                    p = process;
                    continue;
                }
                throw new IllegalStateException(name + " exited with status " + p.exitValue() + " while starting; "
                        + log() + " ends:\n" + tail());
            }
            try {
                if (PROBE.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    up = true;
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + START_PATIENCE.toSeconds() + " s; see "
                        + log());
            }
            Thread.sleep(100);
        }
    }

    void startAndAwaitReady() throws InterruptedException {
        start();
        awaitReady();
    }

    /** SIGKILL, as a crash or the OOM killer would; returns once the process is gone. */
    void kill() throws InterruptedException {
        up = false;
        Process p = process;
        p.destroyForcibly();
        p.waitFor();
        RUNNING.remove(p);
    }

    /**
     * SIGTERM, as an orchestrator stops a node, and waits for it to exit. Clients keep sending to
     * it until it refuses connections, as they would behind a load balancer that has not noticed
     * yet. Answers the exit status, or -1 if it was still running after {@code patience} (then it
     * is killed).
     */
    int terminate(Duration patience) throws InterruptedException {
        Process p = process;
        p.destroy();
        boolean exited = p.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        up = false;
        if (!exited) {
            p.destroyForcibly();
            p.waitFor();
        }
        RUNNING.remove(p);
        return exited ? p.exitValue() : -1;
    }

    /** Stops the node if it runs (SIGTERM, then SIGKILL after 30 s). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            terminate(Duration.ofSeconds(30));
        }
        up = false;
    }

    boolean isUp() {
        return up;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    int starts() {
        return starts;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path log() {
        return dir.resolve(name + "." + starts + ".log");
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(couldn't read the log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
