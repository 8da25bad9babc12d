package uk.gov.accessledger.api.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.ReceiptNote;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.ProofVerificationException;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The checks after a chaos run, from what the database holds and the log's key alone: every
 * acknowledged entry is stored once, as its receipt says, and has a leaf; every receipt verifies;
 * every checkpoint ever served or stored is signed and is the root of the final tree's prefix of
 * its size (so all are consistent with each other, none rolled back); the server's self-audit
 * finds nothing.
 */
final class LedgerCheck {

    /** What the checks found; every count but the totals should be zero. */
    record Verdict(long acknowledged, long lost, long mismatched, long notInLog, long entries, long events,
                   long leaves, long leafGaps, long pending, long receiptsFailed, long checkpointsChecked,
                   long checkpointsInconsistent, long selfAuditFindings, boolean selfAuditComplete,
                   List<String> problems) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.JDK;
    private static final Duration SEQUENCING_PATIENCE = Duration.ofSeconds(120);
    private static final int LISTED = 20;

    private LedgerCheck() {
    }

    /**
     * Waits (bounded) until {@code node}'s self-audit sees every entry in the log, and answers its
     * last report. Requires the node to be up and the load stopped.
     */
    static JsonNode selfAudit(LedgerNode node) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + SEQUENCING_PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.uri("/api/v1/audit/self-audit"))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + TestTokens.get().auditor())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("self-audit on " + node + " answered " + r.statusCode() + ": "
                        + r.body());
            }
            JsonNode report = JSON.readTree(r.body());
            if (report.get("leavesChecked").asLong() == report.get("entriesChecked").asLong()
                    || System.nanoTime() > deadline) {
                return report;
            }
            Thread.sleep(500);
        }
    }

    /**
     * Checks the stored ledger against the acknowledgements and checkpoints. For the embedded
     * database, requires its node to be stopped.
     */
    static Verdict check(ChaosDatabase database, NoteVerifier logKey, Map<UUID, Acknowledgement> acks,
                         Collection<String> servedCheckpoints, JsonNode selfAudit) throws SQLException {
        List<String> problems = new ArrayList<>();
        Map<UUID, Stored> stored = new HashMap<>();
        Map<UUID, Long> leafOf = new HashMap<>();
        TreeMap<Long, List<String>> checkpoints = new TreeMap<>();
        long[] checkpointFailures = {0};
        long events;
        long pending;
        long leaves = 0;
        long gaps = 0;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery("SELECT entry_id, seq, leaf_hash FROM ledger_entry")) {
                while (rs.next()) {
                    stored.put(UUID.fromString(rs.getString(1)), new Stored(rs.getLong(2), rs.getBytes(3)));
                }
            }
            events = count(s, "SELECT COUNT(*) FROM domain_event_entry");
            pending = count(s, "SELECT COUNT(*) FROM log_pending");
            List<String> notes = new ArrayList<>(servedCheckpoints);
            try (ResultSet rs = s.executeQuery("SELECT note FROM log_checkpoint")) {
                while (rs.next()) {
                    notes.add(rs.getString(1));
                }
            }
            for (String note : notes) {
                try {
                    Checkpoint opened = Checkpoint.open(note, logKey);
                    checkpoints.computeIfAbsent(opened.size(), k -> new ArrayList<>()).add(note);
                } catch (NoteVerificationException e) {
                    checkpointFailures[0]++;
                    listed(problems, "checkpoint does not verify: " + e.getMessage());
                }
            }
            CompactRange tree = CompactRange.empty(HASHER, 0);
            compareRoots(checkpoints, 0, HASHER.emptyRoot(), logKey, checkpointFailures, problems);
            try (ResultSet rs = s.executeQuery("SELECT leaf_index, entry_id, leaf_hash FROM log_leaf"
                    + " ORDER BY leaf_index")) {
                while (rs.next()) {
                    long index = rs.getLong(1);
                    if (index != leaves) {
                        gaps++;
                        listed(problems, "leaf index " + index + " where " + leaves + " was due");
                    }
                    if (leafOf.put(UUID.fromString(rs.getString(2)), index) != null) {
                        listed(problems, "entry " + rs.getString(2) + " has two leaves");
                    }
                    tree.append(rs.getBytes(3));
                    leaves++;
                    if (checkpoints.containsKey(leaves)) {
                        compareRoots(checkpoints, leaves, tree.root(), logKey, checkpointFailures, problems);
                    }
                }
            }
        }
        for (Map.Entry<Long, List<String>> beyond : checkpoints.tailMap(leaves, false).entrySet()) {
            checkpointFailures[0] += beyond.getValue().size();
            listed(problems, "checkpoint of size " + beyond.getKey() + " is beyond the final tree of " + leaves
                    + " leaves: a rollback");
        }
        long lost = 0;
        long mismatched = 0;
        long notInLog = 0;
        for (Acknowledgement ack : acks.values()) {
            Stored row = stored.get(ack.id());
            if (row == null) {
                lost++;
                listed(problems, "acknowledged entry " + ack.id() + " (" + ack.status() + " from " + ack.node()
                        + ") is not stored");
            } else if (row.seq != ack.seq() || !HexFormat.of().formatHex(row.leafHash).equals(ack.leafHash())) {
                mismatched++;
                listed(problems, "entry " + ack.id() + " is stored at seq " + row.seq + " with leaf "
                        + HexFormat.of().formatHex(row.leafHash) + ", its receipt says seq " + ack.seq() + " leaf "
                        + ack.leafHash());
            }
            if (row != null && !leafOf.containsKey(ack.id())) {
                notInLog++;
                listed(problems, "acknowledged entry " + ack.id() + " has no leaf");
            }
        }
        long receiptsFailed = verifyReceipts(acks.values(), logKey, problems);
        long findings = selfAudit == null ? -1 : selfAudit.get("findingCount").asLong();
        if (findings != 0) {
            listed(problems, "self-audit: " + selfAudit);
        }
        boolean complete = selfAudit != null
                && selfAudit.get("leavesChecked").asLong() == selfAudit.get("entriesChecked").asLong();
        long checked = checkpoints.values().stream().mapToLong(List::size).sum();
        return new Verdict(acks.size(), lost, mismatched, notInLog, stored.size(), events, leaves, gaps, pending,
                receiptsFailed, checked, checkpointFailures[0], findings, complete, List.copyOf(problems));
    }

    private record Stored(long seq, byte[] leafHash) {
    }

    private static void compareRoots(TreeMap<Long, List<String>> checkpoints, long size, byte[] root,
                                     NoteVerifier logKey, long[] failures, List<String> problems) {
        for (String note : checkpoints.getOrDefault(size, List.of())) {
            try {
                byte[] signed = Checkpoint.open(note, logKey).rootHash();
                if (!Arrays.equals(signed, root)) {
                    failures[0]++;
                    listed(problems, "checkpoint of size " + size + " has root "
                            + Base64.getEncoder().encodeToString(signed) + ", the final tree's prefix has "
                            + Base64.getEncoder().encodeToString(root));
                }
            } catch (NoteVerificationException e) {
                throw new AssertionError("verified above", e);
            }
        }
    }

    /** Verifies every receipt's signed note once and each entry's proof into it; answers the failures. */
    private static long verifyReceipts(Collection<Acknowledgement> acks, NoteVerifier logKey, List<String> problems) {
        Map<String, ReceiptNote> opened = new HashMap<>();
        long failed = 0;
        for (Acknowledgement ack : acks) {
            try {
                byte[] line = ReceiptNote.line(ack.id(), HexFormat.of().parseHex(ack.leafHash()),
                        EntryInstants.format(Instant.parse(ack.recordedAt())));
                List<byte[]> proof = ack.receiptProof().stream().map(Base64.getDecoder()::decode).toList();
                ReceiptNote note = opened.get(ack.signedNote());
                if (note == null) {
                    opened.put(ack.signedNote(), ReceiptNote.verify(ack.signedNote(), logKey, line,
                            ack.receiptIndex(), proof, HASHER));
                } else {
                    ProofVerifier.verifyInclusion(HASHER, ack.receiptIndex(), note.size(), HASHER.hashLeaf(line), proof,
                            note.rootHash());
                }
            } catch (NoteVerificationException | ProofVerificationException | RuntimeException e) {
                failed++;
                listed(problems, "receipt of " + ack.id() + " does not verify: " + e.getMessage());
            }
        }
        return failed;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void listed(List<String> problems, String problem) {
        if (problems.size() < LISTED) {
            problems.add(problem);
        }
    }
}
