package uk.gov.accessledger.api.chaos;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.api.support.TestServices;

/**
 * A benchmark, not a CI test (issue 17 item 9): ingest throughput of 1, 2 and 3 nodes on one
 * PostgreSQL database, the clients spread over the nodes and sharing one pool of citizens, in one
 * run so that the single-node figure is measured beside the others on the same machine. Each node
 * count gets a fresh database, a warm-up and a measured interval of {@code chaos.scaling-seconds}
 * for batches (8 clients, 100 entries each) and then for single entries (64 clients, as in the
 * issue's "Done when"), and the same checks as the chaos runs (nothing acknowledged lost); below
 * the table, the nodes' chain cache meters, which say how much of the chains they re-read. Writes
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
    private static final Pattern OUTCOME = Pattern.compile("outcome=\"([^\"]+)\"");

    @Test
    void measuresIngestWithOneTwoAndThreeNodesSharingCitizens() throws Exception {
        Duration interval = Duration.ofSeconds(Integer.getInteger("chaos.scaling-seconds"));
        StringBuilder meters = new StringBuilder();
        StringBuilder report = new StringBuilder("| nodes | batched entries/s | single entries/s | 503s | other 5xx"
                + " | acknowledged | lost | self-audit findings |\n|---|---|---|---|---|---|---|---|\n");
        for (int nodes = 1; nodes <= 3; nodes++) {
            report.append(measure(nodes, interval, meters)).append('\n');
            System.out.println(report);
            System.out.println(meters);
        }
        Path out = ChaosRun.directory("ingest-scaling").resolve("report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "Ingest on one PostgreSQL, " + interval.toSeconds() + " s measured after "
                + interval.toSeconds() + " s of warm-up per phase; " + Runtime.getRuntime().availableProcessors()
                + " processors\n\n" + report + "\nChain meters over the whole run (warm-ups included), all nodes:\n\n"
                + meters, StandardCharsets.UTF_8);
    }

    private static String measure(int nodes, Duration interval, StringBuilder meters) throws Exception {
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
            meters.append(String.format("- %d node(s): %s%n", nodes, chainMeters(cluster, nodes)));
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

    /**
     * The nodes' {@code ledger.chain.*} counters, summed: events read to build or catch up chains,
     * and chains checked before an append, by outcome. Read from the operator's metrics endpoint.
     */
    private static String chainMeters(LedgerCluster cluster, int nodes) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String credentials = Base64.getEncoder().encodeToString((TestServices.OPERATOR + ":"
                + TestServices.secret(TestServices.OPERATOR)).getBytes(StandardCharsets.UTF_8));
        double eventsRead = 0;
        Map<String, Double> checked = new TreeMap<>();
        for (int i = 0; i < nodes; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(cluster.node(i).uri("/actuator/prometheus"))
                    .header("Authorization", "Basic " + credentials).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "metrics answered " + r.statusCode();
            }
            for (String line : r.body().split("\n")) {
                Matcher outcome = OUTCOME.matcher(line);
                if (line.startsWith("ledger_chain_events_read_total")) {
                    eventsRead += value(line);
                } else if (line.startsWith("ledger_chain_cache_checked_total") && outcome.find()) {
                    checked.merge(outcome.group(1), value(line), Double::sum);
                }
            }
        }
        StringBuilder summary = new StringBuilder(String.format("%.0f events read; chains checked", eventsRead));
        checked.forEach((outcome, count) -> summary.append(String.format(" %s %.0f", outcome, count)));
        return summary.toString();
    }

    /** The value of a Prometheus sample line: its last field. */
    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
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
