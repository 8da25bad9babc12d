package uk.gov.accessledger.api.chaos;

import tools.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A benchmark, not a CI test (issue 17 item 9): ingest throughput of 1, 2 and 3 nodes on one
 * PostgreSQL database, the clients spread over the nodes and sharing one pool of citizens, in one
 * run so that the single-node figure is measured beside the others on the same machine. Each node
 * count gets a fresh database, a warm-up and a measured interval of {@code chaos.scaling-seconds}
 * for batches (8 clients, 100 entries each) and then for single entries (64 clients, as in the
 * issue's "Done when"), and the same checks as the chaos runs (nothing acknowledged lost). Writes
 * {@code target/chaos/ingest-scaling/report.md}. Run with
 * {@code mvn -B -pl ledger-api -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=IngestScalingIT -Dchaos.scaling-seconds=60}.
 */
@EnabledIfSystemProperty(named = "chaos.scaling-seconds", matches = "[1-9][0-9]*")
class IngestScalingIT {

    private static final int BATCH_CLIENTS = 8;
    private static final int BATCH_SIZE = 100;
    private static final int SINGLE_CLIENTS = 64;
    /** The production default pool; three nodes use 48 of PostgreSQL's default 100 connections. */
    private static final int POOL_SIZE = 16;
    /** Tiered compilation and a heap as in production, unlike the chaos runs' quick-start options. */
    private static final List<String> JVM = List.of("-Xmx512m");

    @Test
    void measuresIngestWithOneTwoAndThreeNodesSharingCitizens() throws Exception {
        Duration interval = Duration.ofSeconds(Integer.getInteger("chaos.scaling-seconds"));
        StringBuilder report = new StringBuilder("| nodes | batched entries/s | single entries/s | 503s | other 5xx"
                + " | acknowledged | lost | self-audit findings |\n|---|---|---|---|---|---|---|---|\n");
        for (int nodes = 1; nodes <= 3; nodes++) {
            report.append(measure(nodes, interval)).append('\n');
            System.out.println(report);
        }
        Path out = ChaosRun.directory("ingest-scaling").resolve("report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Ingest on one PostgreSQL, " + interval.toSeconds() + " s measured after "
                + interval.toSeconds() + " s of warm-up per phase; " + Runtime.getRuntime().availableProcessors()
                + " processors\n\n" + report, StandardCharsets.UTF_8);
    }

    private static String measure(int nodes, Duration interval) throws Exception {
        String name = "ingest-scaling-" + nodes;
        Outcomes outcomes = new Outcomes();
        try (LedgerCluster cluster = new LedgerCluster(ChaosRun.directory("ingest-scaling").resolve(nodes + "-nodes"),
                ChaosDatabase.postgres(POOL_SIZE), nodes, JVM)) {
            cluster.startAll();
            CheckpointWatcher watcher = new CheckpointWatcher(cluster, outcomes);
            watcher.start();
            List<String> citizens = ChaosRun.citizens(ChaosRun.CITIZENS);
            Map<UUID, Acknowledgement> acks = new HashMap<>();
            outcomes.phase("batched");
            ClientLoad batches = new ClientLoad(cluster, outcomes, citizens, 0, BATCH_CLIENTS, BATCH_SIZE);
            double batched = rate(batches, interval);
            acks.putAll(batches.acks());
            outcomes.phase("single");
            ClientLoad singles = new ClientLoad(cluster, outcomes, citizens, SINGLE_CLIENTS, 0, 1);
            double single = rate(singles, interval);
            acks.putAll(singles.acks());
            JsonNode selfAudit = LedgerCheck.selfAudit(cluster.node(0));
            watcher.stop();
            cluster.close();
            LedgerCheck.Verdict verdict = LedgerCheck.check(cluster.database, cluster.logKey, acks,
                    watcher.seen().keySet(), selfAudit);
            System.out.println(name + ": " + outcomes.table() + "\n" + verdict);
            return String.format("| %d | %.0f | %.0f | %d | %d | %d | %d | %d |", nodes, batched, single,
                    outcomes.total(null, null, "503"), outcomes.serverErrorsOtherThan503(null), verdict.acknowledged(),
                    verdict.lost(), verdict.selfAuditFindings());
        }
    }

    /** Entries acknowledged per second over {@code interval}, after as long a warm-up. */
    private static double rate(ClientLoad load, Duration interval) throws InterruptedException {
        load.start();
        Thread.sleep(interval.toMillis());
        long before = load.acks().size();
        long start = System.nanoTime();
        Thread.sleep(interval.toMillis());
        long after = load.acks().size();
        double seconds = (System.nanoTime() - start) / 1e9;
        load.stop();
        return (after - before) / seconds;
    }
}
