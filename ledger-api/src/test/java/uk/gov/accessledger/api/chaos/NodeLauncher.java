package uk.gov.accessledger.api.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How the suite runs the packaged jar: extracted once per test JVM into {@code
 * target/chaos/launcher/app} (Spring Boot's {@code -Djarmode=tools extract}, its recommended
 * production layout) and started with a class data sharing archive made by one training start
 * that exits after the context refresh, as Spring Boot documents. A node then starts in about
 * half the time, which is most of the suite's cost: it restarts a node after every SIGKILL. The
 * code is the jar's own; if extraction or training fails, nodes start with {@code -jar} on the
 * jar itself, and the JVM ignores an archive it cannot use.
 */
final class NodeLauncher {

    private static final Path DIR = Path.of("target", "chaos", "launcher").toAbsolutePath();
    private static final boolean ENABLED = !Boolean.getBoolean("chaos.no-cds");
    private static List<String> arguments;

    private NodeLauncher() {
    }

    /**
     * The arguments after the JVM options that start a node. The first call extracts and trains,
     * with {@code jvmOptions} and {@code environment} (a node's; the database settings are
     * replaced by an embedded database of the training's own, the signing key by a copy).
     */
    static synchronized List<String> arguments(List<String> jvmOptions, Map<String, String> environment) {
        if (arguments == null) {
            arguments = ENABLED ? prepare(jvmOptions, environment) : plainJar();
        }
        return arguments;
    }

    private static List<String> plainJar() {
        return List.of("-jar", LedgerNode.JAR.toAbsolutePath().toString());
    }

    private static List<String> prepare(List<String> jvmOptions, Map<String, String> environment) {
        long begin = System.nanoTime();
        try {
            LedgerCluster.deleteRecursively(DIR);
            Path app = DIR.resolve("app");
            Path jar = app.resolve(LedgerNode.JAR.getFileName());
            Path archive = DIR.resolve("ledger-api.jsa");
            Path training = DIR.resolve("training");
            Files.createDirectories(training);
            run(List.of(java(), "-Djarmode=tools", "-jar", LedgerNode.JAR.toAbsolutePath().toString(), "extract",
                    "--destination", app.toString()), DIR, Map.of(), DIR.resolve("extract.log"));
            List<String> train = new ArrayList<>(List.of(java()));
            train.addAll(jvmOptions);
            train.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                    jar.toString()));
            Map<String, String> env = new HashMap<>(environment);
            env.keySet().removeIf(k -> k.startsWith("LEDGER_DB_"));
            env.put("LEDGER_PORT", "0");
            String key = env.get("LEDGER_LOG_SIGNING_KEY_FILE");
            if (key != null) {
                // A copy: what the node keeps beside its key (the last-checkpoint file) stays the node's.
                Path copy = training.resolve("data").resolve("log-signing-key");
                Files.createDirectories(copy.getParent());
                Files.copy(Path.of(key), copy);
                env.put("LEDGER_LOG_SIGNING_KEY_FILE", copy.toString());
            }
            run(train, training, env, DIR.resolve("training.log"));
            if (!Files.isRegularFile(jar) || !Files.isRegularFile(archive)) {
                throw new IOException("no " + (Files.isRegularFile(jar) ? archive : jar));
            }
            System.out.printf("[chaos] extracted the jar and made a class data sharing archive in %.1f s%n",
                    (System.nanoTime() - begin) / 1e9);
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar",
                    jar.toString());
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            System.out.println("[chaos] starting nodes from the jar itself: couldn't prepare a faster start: " + e
                    + " (see " + DIR + ")");
            return plainJar();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(List<String> command, Path dir, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(LedgerNode.START_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command.get(command.size() - 1) + " did not finish; see " + log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(1, command.size())) + " exited with "
                    + p.exitValue() + "; see " + log);
        }
    }
}
