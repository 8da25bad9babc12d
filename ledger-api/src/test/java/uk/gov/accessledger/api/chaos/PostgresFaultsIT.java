package uk.gov.accessledger.api.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes on one PostgreSQL database under load: every connection of the application is
 * terminated three times ({@code pg_terminate_backend}), and both nodes must recover by
 * themselves, answering 503 at worst meanwhile; then one node is stopped with SIGTERM and must
 * answer every request it took before it exits. Nothing acknowledged may be lost.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class PostgresFaultsIT {

    private static final int TERMINATIONS = 3;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(30);
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(60);

    @Test
    void terminatedConnectionsAndSigtermUnderLoadAnswerNothingWorseThan503AndLoseNothing() throws Exception {
        try (ChaosRun run = new ChaosRun("postgres-faults", ChaosDatabase.postgres(), 2, 6, 2,
                LedgerCluster.CHAOS_JVM)) {
            run.start();
            LedgerNode a = run.cluster.node(0);
            LedgerNode b = run.cluster.node(1);
            long[] pids = {a.pid(), b.pid()};
            ChaosRun.hold(Duration.ofSeconds(3));

            run.phase("terminate-connections");
            List<Double> recoveries = new ArrayList<>();
            for (int i = 0; i < TERMINATIONS; i++) {
                int terminated = run.cluster.database.terminateConnections();
                long at = System.nanoTime();
                for (LedgerNode node : run.cluster.nodes) {
                    run.awaitLoadOn(node, Duration.ZERO);
                }
                recoveries.add((System.nanoTime() - at) / 1e9);
                run.event(String.format("pg_terminate_backend: %d connections; both nodes acknowledged %d requests"
                        + " again within %.2f s", terminated, ChaosRun.ACKS_BEFORE_FAULT, recoveries.get(i)));
            }
            boolean restarted = a.pid() != pids[0] || b.pid() != pids[1] || !a.isAlive() || !b.isAlive();
            ChaosRun.hold(Duration.ofSeconds(2));

            run.phase("sigterm");
            run.load.closeConnectionsTo(b);
            run.awaitLoadOn(b, Duration.ofSeconds(1));
            long stopping = System.nanoTime();
            int exit = b.terminate(SHUTDOWN_PATIENCE);
            double shutdown = (System.nanoTime() - stopping) / 1e9;
            run.event(String.format("SIGTERM %s: exited with status %d after %.2f s", b, exit, shutdown));
            run.phase("after-sigterm");
            ChaosRun.hold(Duration.ofSeconds(2));
            LedgerCheck.Verdict verdict = run.finish();

            SoftAssertions softly = new SoftAssertions();
            run.assertIntact(softly, verdict);
            softly.assertThat(restarted).as("a node restarted or died after its connections were terminated").isFalse();
            softly.assertThat(Collections.max(recoveries)).as("seconds until both nodes acknowledge again after"
                    + " the terminations").isLessThanOrEqualTo(RECOVERY_BOUND.toSeconds());
            softly.assertThat(run.load.recordedUnanswered("sigterm", b))
                    .as("requests the SIGTERMed node recorded but never answered").isZero();
            softly.assertThat(run.outcomes.total("sigterm", b.name, Outcomes.TIMEOUT))
                    .as("requests the SIGTERMed node held unanswered for the clients' whole timeout").isZero();
            softly.assertThat(exit).as("exit status after SIGTERM (-1: still running after "
                    + SHUTDOWN_PATIENCE.toSeconds() + " s)").isIn(0, 143);
            softly.assertAll();
        }
    }
}
