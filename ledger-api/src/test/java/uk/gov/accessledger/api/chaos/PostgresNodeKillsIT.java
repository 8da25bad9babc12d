package uk.gov.accessledger.api.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes on one PostgreSQL database take singles and batches about the same citizens from
 * twelve clients while the nodes, one after another, are SIGKILLed under load and restarted
 * ({@code -Dchaos.kills}, 10 by default). Whichever node was sequencing, another must sign a
 * larger checkpoint within 5 s of each kill. Afterwards nothing acknowledged may be lost.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class PostgresNodeKillsIT {

    private static final int KILLS = Integer.getInteger("chaos.kills", 10);
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(5);
    /** How long to wait for the log to grow after a kill before calling it stuck. */
    private static final Duration GROWTH_PATIENCE = Duration.ofSeconds(60);

    @Test
    void sigkilledNodesUnderLoadLoseNoAcknowledgedEntryAndAnotherNodeSignsWithinFiveSeconds() throws Exception {
        try (ChaosRun run = new ChaosRun("postgres-node-kills", ChaosDatabase.postgres(), 3, 9, 3,
                LedgerCluster.CHAOS_JVM)) {
            run.start();
            ChaosRun.hold(Duration.ofSeconds(3));
            run.phase("sigkill");
            Map<LedgerNode, Future<?>> restarts = new HashMap<>();
            List<Double> failovers = new ArrayList<>();
            LedgerNode previous = null;
            for (int k = 0; k < KILLS; k++) {
                LedgerNode victim = run.cluster.node(k % run.cluster.nodes.size());
                // Every node but the one killed last is up again, so another node is up after this kill.
                LedgerNode restarting = previous;
                for (Map.Entry<LedgerNode, Future<?>> restart : restarts.entrySet()) {
                    if (restart.getKey() != restarting) {
                        ChaosRun.await(restart.getValue());
                    }
                }
                restarts.keySet().removeIf(n -> n != restarting);
                run.awaitLoadOn(victim, Duration.ofSeconds(1));
                long killedAt = System.nanoTime();
                victim.kill();
                long before = run.storedTreeSize();
                restarts.put(victim, run.cluster.restartInBackground(victim));
                double failover = awaitGrowth(run, before, killedAt);
                failovers.add(failover);
                run.event(String.format("SIGKILL %s (%d of %d): a checkpoint larger than %d after %.2f s", victim,
                        k + 1, KILLS, before, failover));
                previous = victim;
            }
            for (Future<?> restart : restarts.values()) {
                ChaosRun.await(restart);
            }
            run.phase("after-kills");
            ChaosRun.hold(Duration.ofSeconds(3));
            LedgerCheck.Verdict verdict = run.finish();
            run.event("failover seconds after each SIGKILL: " + failovers);

            SoftAssertions softly = new SoftAssertions();
            run.assertIntact(softly, verdict);
            softly.assertThat(failovers).as("kills").hasSize(KILLS);
            softly.assertThat(Collections.max(failovers)).as("longest time from a SIGKILL to a larger checkpoint"
                    + " signed by another node, in seconds, of " + failovers)
                    .isLessThanOrEqualTo(FAILOVER_BOUND.toMillis() / 1000.0);
            softly.assertAll();
        }
    }

    /** Seconds from {@code killedAt} until the database holds a checkpoint larger than {@code before}. */
    private static double awaitGrowth(ChaosRun run, long before, long killedAt) throws Exception {
        long deadline = killedAt + GROWTH_PATIENCE.toNanos();
        while (run.storedTreeSize() <= before) {
            if (System.nanoTime() > deadline) {
                return Double.POSITIVE_INFINITY;
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - killedAt) / 1e9;
    }
}
