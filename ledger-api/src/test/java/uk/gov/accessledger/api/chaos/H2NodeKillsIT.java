package uk.gov.accessledger.api.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One node on the embedded database, configured as an operator gets it (no database setting: an
 * H2 file under its {@code ./data}), takes singles and batches from six clients while it is
 * SIGKILLed under load and restarted ({@code -Dchaos.kills}, 10 by default), then stopped with
 * SIGTERM under load and started again. Nothing acknowledged may be lost: a receipt promises the
 * entry is durable.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class H2NodeKillsIT {

    private static final int KILLS = Integer.getInteger("chaos.kills", 10);
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(60);
    private static final String RUN = "h2-node-kills";

    @Test
    void sigkilledAndSigtermedEmbeddedNodeUnderLoadLosesNoAcknowledgedEntry() throws Exception {
        try (ChaosRun run = new ChaosRun(RUN, ChaosDatabase.embedded(ChaosRun.directory(RUN).resolve("a")), 1, 4, 2,
                LedgerCluster.CHAOS_JVM)) {
            run.start();
            LedgerNode node = run.cluster.node(0);
            ChaosRun.hold(Duration.ofSeconds(2));
            run.phase("sigkill");
            List<Double> restarts = new ArrayList<>();
            for (int k = 0; k < KILLS; k++) {
                run.awaitLoadOn(node, Duration.ofSeconds(1));
                node.kill();
                long starting = System.nanoTime();
                node.startAndAwaitReady();
                restarts.add((System.nanoTime() - starting) / 1e9);
                run.event(String.format("SIGKILL (%d of %d), restarted in %.1f s", k + 1, KILLS,
                        restarts.get(k)));
            }

            run.phase("sigterm");
            run.load.closeConnectionsTo(node);
            run.awaitLoadOn(node, Duration.ofSeconds(1));
            long stopping = System.nanoTime();
            int exit = node.terminate(SHUTDOWN_PATIENCE);
            run.event(String.format("SIGTERM: exited with status %d after %.2f s", exit,
                    (System.nanoTime() - stopping) / 1e9));
            run.phase("after-sigterm");
            run.load.closeConnectionsTo(null);
            node.startAndAwaitReady();
            run.awaitLoadOn(node, Duration.ofSeconds(1));
            LedgerCheck.Verdict verdict = run.finish();

            SoftAssertions softly = new SoftAssertions();
            run.assertIntact(softly, verdict);
            softly.assertThat(run.load.recordedUnanswered("sigterm", node))
                    .as("requests the SIGTERMed node recorded but never answered").isZero();
            softly.assertThat(run.outcomes.total("sigterm", node.name, Outcomes.TIMEOUT))
                    .as("requests the SIGTERMed node held unanswered for the clients' whole timeout").isZero();
            softly.assertThat(exit).as("exit status after SIGTERM (-1: still running after "
                    + SHUTDOWN_PATIENCE.toSeconds() + " s)").isIn(0, 143);
            softly.assertAll();
        }
    }
}
