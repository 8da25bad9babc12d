package uk.gov.accessledger.api.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.api.support.ApiTestSupport;

/**
 * One chaos run: a cluster under client load with a checkpoint watcher, the faults a test
 * schedules in named phases, and at the end the checks and a report (printed, and kept in
 * {@code target/chaos/<name>/report.txt} beside every node's logs).
 */
final class ChaosRun implements AutoCloseable {

    /** Citizens shared by every client and node, so that nodes append to the same chains. */
    static final int CITIZENS = 100;
    static final int BATCH_SIZE = 20;
    /** A node takes at least this many acknowledged requests between its start and a fault. */
    static final int ACKS_BEFORE_FAULT = 20;

    final String name;
    final Path dir;
    final LedgerCluster cluster;
    final Outcomes outcomes = new Outcomes();
    final ClientLoad load;
    final CheckpointWatcher watcher;
    private final List<String> events = new ArrayList<>();
    private final long started = System.nanoTime();
    private Connection probe;

    ChaosRun(String name, ChaosDatabase database, int nodes, int singles, int batches, List<String> jvmOptions)
            throws IOException {
        this.name = name;
        this.dir = directory(name);
        this.cluster = new LedgerCluster(dir, database, nodes, jvmOptions);
        this.load = new ClientLoad(cluster, outcomes, citizens(CITIZENS), singles, batches, BATCH_SIZE);
        this.watcher = new CheckpointWatcher(cluster, outcomes);
    }

    /** Where the run called {@code name} keeps its nodes' directories and its report. */
    static Path directory(String name) {
        return Path.of("target", "chaos", name).toAbsolutePath();
    }

    /** Starts every node, then the watcher and the clients; the first phase is {@code warm-up}. */
    void start() throws Exception {
        cluster.startAll();
        event("started " + cluster.nodes.size() + " node(s) on " + cluster.database.name() + " in "
                + seconds(started) + " s");
        outcomes.phase("warm-up");
        watcher.start();
        load.start();
    }

    void phase(String phase) {
        outcomes.phase(phase);
        event("phase " + phase);
    }

    void event(String text) {
        String line = String.format("%7.1f s  %s", (System.nanoTime() - started) / 1e9, text);
        synchronized (events) {
            events.add(line);
        }
        System.out.println("[chaos " + name + "] " + line);
    }

    static void hold(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    /** Acknowledged requests {@code node} has answered so far. */
    long acknowledgedBy(LedgerNode node) {
        return outcomes.total(null, node.name, "201") + outcomes.total(null, node.name, "200");
    }

    /**
     * Waits until {@code node} has acknowledged {@value #ACKS_BEFORE_FAULT} more requests and at
     * least {@code minimum} has passed, so a fault hits a node that is taking load. Bounded.
     */
    void awaitLoadOn(LedgerNode node, Duration minimum) throws InterruptedException {
        long from = acknowledgedBy(node);
        long begin = System.nanoTime();
        long deadline = begin + Duration.ofSeconds(120).toNanos();
        while (acknowledgedBy(node) < from + ACKS_BEFORE_FAULT || System.nanoTime() - begin < minimum.toNanos()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(node + " acknowledged " + (acknowledgedBy(node) - from)
                        + " requests in 120 s; see " + node.log());
            }
            Thread.sleep(50);
        }
    }

    /** Waits for a background restart, bounded by the start patience. */
    static void await(Future<?> restart) throws Exception {
        try {
            restart.get(LedgerNode.START_PATIENCE.toSeconds() + 10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("a node did not restart in time", e);
        }
    }

    /** The largest checkpoint the shared database holds (PostgreSQL only). */
    long storedTreeSize() throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (probe == null || probe.isClosed()) {
                    probe = cluster.database.connect();
                }
                try (Statement s = probe.createStatement();
                     ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(tree_size), 0) FROM log_checkpoint")) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                probe = null; // terminated or broken: connect again once
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /**
     * Stops the load and runs every check. Requires one node up (it runs the self-audit); stops
     * every node before reading the database, as the embedded one requires.
     */
    LedgerCheck.Verdict finish() throws Exception {
        phase("checks");
        load.stop();
        LedgerNode auditor = cluster.anyUp(0);
        JsonNode selfAudit = auditor == null ? null : LedgerCheck.selfAudit(auditor);
        watcher.stop();
        cluster.close();
        if (probe != null) {
            probe.close();
        }
        LedgerCheck.Verdict verdict = LedgerCheck.check(cluster.database, cluster.logKey, load.acks(),
                watcher.seen().keySet(), selfAudit);
        writeReport(verdict);
        return verdict;
    }

    private void writeReport(LedgerCheck.Verdict verdict) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("chaos run ").append(name).append(": ").append(cluster.nodes.size()).append(" node(s) on ")
                .append(cluster.database.name()).append(", ").append(seconds(started)).append(" s\n");
        out.append("requests sent: ").append(load.requests()).append(", entries acknowledged: ")
                .append(verdict.acknowledged()).append('\n');
        out.append("\nanswers by phase, node and outcome:\n");
        for (Map.Entry<String, Map<String, Map<String, Long>>> phase : outcomes.table().entrySet()) {
            for (Map.Entry<String, Map<String, Long>> node : phase.getValue().entrySet()) {
                out.append(String.format("  %-24s %-2s %s%n", phase.getKey(), node.getKey(), node.getValue()));
            }
        }
        out.append("\n5xx other than 503: ").append(outcomes.serverErrorsOtherThan503(null))
                .append(", 4xx: ").append(outcomes.clientErrors()).append('\n');
        outcomes.samples().forEach((status, bodies) -> bodies.forEach(b -> out.append("  ").append(status)
                .append(' ').append(b).append('\n')));
        out.append(String.format("%nacknowledged %d, lost %d, stored otherwise %d, without a leaf %d; entries %d,"
                        + " events %d, leaves %d, leaf gaps %d, pending %d; receipts failed %d; checkpoints %d,"
                        + " inconsistent %d; self-audit findings %d (complete: %s)%n", verdict.acknowledged(),
                verdict.lost(), verdict.mismatched(), verdict.notInLog(), verdict.entries(), verdict.events(),
                verdict.leaves(), verdict.leafGaps(), verdict.pending(), verdict.receiptsFailed(),
                verdict.checkpointsChecked(), verdict.checkpointsInconsistent(), verdict.selfAuditFindings(),
                verdict.selfAuditComplete()));
        verdict.problems().forEach(p -> out.append("  problem: ").append(p).append('\n'));
        load.contradictions().stream().limit(20).forEach(c -> out.append("  contradiction: ").append(c).append('\n'));
        out.append("\nevents:\n");
        synchronized (events) {
            events.forEach(e -> out.append("  ").append(e).append('\n'));
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.txt"), out, StandardCharsets.UTF_8);
        System.out.println(out);
    }

    @Override
    public void close() throws Exception {
        load.stop();
        watcher.stop();
        cluster.close();
        if (probe != null) {
            probe.close();
        }
    }

    /**
     * The checks every run must pass, whatever its faults: nothing acknowledged is lost or stored
     * otherwise than its receipt says, everything is in the log, every receipt and checkpoint
     * verifies, the self-audit finds nothing, and no answer was a 5xx other than 503 or a 4xx.
     */
    void assertIntact(SoftAssertions softly, LedgerCheck.Verdict v) {
        softly.assertThat(v.acknowledged()).as("entries acknowledged").isPositive();
        for (LedgerNode node : cluster.nodes) {
            softly.assertThat(acknowledgedBy(node)).as("requests acknowledged by " + node).isPositive();
        }
        softly.assertThat(v.lost()).as("acknowledged entries not stored").isZero();
        softly.assertThat(v.mismatched()).as("acknowledged entries stored otherwise than their receipts say").isZero();
        softly.assertThat(v.notInLog()).as("acknowledged entries without a leaf").isZero();
        softly.assertThat(v.leafGaps()).as("gaps in the leaf indexes").isZero();
        softly.assertThat(v.pending()).as("entries still queued for the log").isZero();
        softly.assertThat(v.events()).as("events in the event store").isEqualTo(v.entries());
        softly.assertThat(v.receiptsFailed()).as("receipts that do not verify").isZero();
        softly.assertThat(v.checkpointsChecked()).as("checkpoints checked").isPositive();
        softly.assertThat(v.checkpointsInconsistent()).as("checkpoints not a prefix of the final tree").isZero();
        softly.assertThat(v.selfAuditComplete()).as("self-audit saw every entry in the log").isTrue();
        softly.assertThat(v.selfAuditFindings()).as("self-audit findings").isZero();
        softly.assertThat(v.problems()).as("problems found").isEmpty();
        softly.assertThat(load.contradictions()).as("contradictory acknowledgements").isEmpty();
        softly.assertThat(outcomes.serverErrorsOtherThan503(null)).as("5xx answers other than 503, by kind: "
                + outcomes.table()).isZero();
        softly.assertThat(outcomes.clientErrors()).as("4xx answers to valid entries").isZero();
    }

    static String seconds(long sinceNanos) {
        return String.format("%.1f", (System.nanoTime() - sinceNanos) / 1e9);
    }

    /** {@code count} distinct NHS numbers with valid check digits, the same every run. */
    static List<String> citizens(int count) {
        Random random = new Random(17);
        List<String> numbers = new ArrayList<>();
        while (numbers.size() < count) {
            String number = ApiTestSupport.nhsNumber(random);
            if (!numbers.contains(number)) {
                numbers.add(number);
            }
        }
        return numbers;
    }
}
