package uk.gov.accessledger.api.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerifier;

/**
 * The nodes of one log: the same database, pseudonym key, service credentials, token issuer and
 * log signing key (a copy in each node's own {@code data/}), each node in a directory of its own
 * under {@code target/chaos/<run>/}, where its logs stay for diagnosis.
 */
final class LedgerCluster implements AutoCloseable {

    static final String ORIGIN = "chaos.test/log";
    /** Quick to start: C1 only and the serial collector. The benchmark passes its own options. */
    static final List<String> CHAOS_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    final ChaosDatabase database;
    final NoteVerifier logKey;
    final List<LedgerNode> nodes = new ArrayList<>();
    private final ExecutorService starter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "node-starter");
        t.setDaemon(true);
        return t;
    });

    /** Requires {@code root} to be this run's own directory; it is emptied first. */
    LedgerCluster(Path root, ChaosDatabase database, int nodeCount, List<String> jvmOptions) throws IOException {
        this.database = database;
        deleteRecursively(root);
        Ed25519NoteSigner signer = Ed25519NoteSigner.generate(ORIGIN, new SecureRandom());
        this.logKey = NoteVerifier.parse(signer.verifierKey());
        byte[] pseudonymKey = new byte[32];
        new SecureRandom().nextBytes(pseudonymKey);
        for (int i = 0; i < nodeCount; i++) {
            String name = String.valueOf((char) ('a' + i));
            Path dir = root.resolve(name);
            Path keyFile = dir.resolve("data").resolve("log-signing-key");
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, signer.signerKey() + "\n", StandardCharsets.US_ASCII);
            Map<String, String> env = new HashMap<>(database.nodeEnvironment());
            env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
            env.put("LEDGER_PSEUDONYM_KEY", Base64.getEncoder().encodeToString(pseudonymKey));
            env.put("LEDGER_SERVICE_CREDENTIALS_FILE", TestServices.credentialsFile().toAbsolutePath().toString());
            env.put("LEDGER_OIDC_JWKS_URI", TestTokens.get().jwksUri());
            env.put("LEDGER_OIDC_ISSUER", TestTokens.ISSUER);
            env.put("LEDGER_LOG_ORIGIN", ORIGIN);
            env.put("LEDGER_LOG_SIGNING_KEY_FILE", keyFile.toAbsolutePath().toString());
            nodes.add(new LedgerNode(name, dir, env, jvmOptions));
        }
    }

    LedgerNode node(int index) {
        return nodes.get(index);
    }

    /**
     * Starts the first node alone (it migrates an empty database), then the others together, and
     * waits until all are ready.
     */
    void startAll() throws Exception {
        nodes.get(0).startAndAwaitReady();
        List<Future<?>> others = new ArrayList<>();
        for (LedgerNode node : nodes.subList(1, nodes.size())) {
            others.add(restartInBackground(node));
        }
        for (Future<?> f : others) {
            f.get();
        }
    }

    /** Starts a stopped node on another thread; the future completes when it is ready. */
    Future<?> restartInBackground(LedgerNode node) {
        return starter.submit(() -> {
            node.startAndAwaitReady();
            return null;
        });
    }

    /** Any node that is up, preferring {@code preferred}; null when none is. */
    LedgerNode anyUp(int preferred) {
        for (int i = 0; i < nodes.size(); i++) {
            LedgerNode n = nodes.get((preferred + i) % nodes.size());
            if (n.isUp()) {
                return n;
            }
        }
        return null;
    }

    @Override
    public void close() throws InterruptedException {
        starter.shutdownNow();
        for (LedgerNode node : nodes) {
            node.stop();
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
