package uk.gov.accessledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.accessledger.api.audit.SelfAuditReport.Check;
import uk.gov.accessledger.api.audit.SelfAuditReport.Finding;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Re-verifies everything the ledger stores, from the stored bytes: every entry's hash, every
 * subject chain, every leaf of the log and every checkpoint's signature and root. Reads one
 * consistent snapshot (repeatable read) through database cursors, so memory stays small.
 * Scheduled every {@code ledger.audit.self-audit-interval} and run on demand by auditors.
 */
@Service
public class SelfAudit {

    static final int MAX_LISTED = 1000;

    private static final Logger log = LoggerFactory.getLogger(SelfAudit.class);
    // A verifier: the JDK's SHA-256, not the writer's (see Rfc6962Hasher).
    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.JDK;
    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final NoteVerifier logKey;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicReference<SelfAuditReport> last = new AtomicReference<>();
    private final AtomicLong lastFindings = new AtomicLong(-1);

    SelfAudit(JdbcTemplate jdbc, PlatformTransactionManager transactions, Ed25519NoteSigner logSigner, Clock clock,
              MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.logKey = logSigner.verifier();
        this.clock = clock;
        Gauge.builder("ledger.audit.findings", lastFindings, AtomicLong::get)
                .description("findings of the last self-audit; -1 before the first").register(meters);
    }

    /** The last report, if a self-audit has run. */
    public SelfAuditReport last() {
        return last.get();
    }

    @Scheduled(initialDelayString = "${ledger.audit.self-audit-interval:1h}",
            fixedDelayString = "${ledger.audit.self-audit-interval:1h}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("self-audit failed to run: {}", e.toString());
        }
    }

    public synchronized SelfAuditReport run() {
        Instant started = clock.instant();
        Run run = new Run();
        snapshot.executeWithoutResult(status -> {
            checkChains(run);
            checkLog(run);
        });
        SelfAuditReport report = new SelfAuditReport(started, clock.instant(), run.entries, run.subjects, run.leaves,
                run.checkpoints, run.findingCount, List.copyOf(run.findings));
        last.set(report);
        lastFindings.set(run.findingCount);
        if (run.findingCount > 0) {
            log.error("self-audit found {} problems; first: {}", run.findingCount, run.findings.get(0).check());
        } else {
            log.info("self-audit passed: {} entries, {} subjects, {} leaves, {} checkpoints", run.entries,
                    run.subjects, run.leaves, run.checkpoints);
        }
        return report;
    }

    /** Every entry's hash and fields, and every subject chain, in (subject, seq) order. */
    private void checkChains(Run run) {
        String[] subject = {null};
        long[] expectedSeq = {0};
        byte[][] previousLeaf = {null};
        jdbc.query("SELECT entry_id, subject, seq, prev_hash, leaf_hash, canonical, " + IndexedColumns.SELECT
                + " FROM ledger_entry ORDER BY subject, seq", (RowCallbackHandler) rs -> {
            run.entries++;
            UUID id = rs.getObject("entry_id", UUID.class);
            String s = rs.getString("subject");
            long seq = rs.getLong("seq");
            byte[] canonical = rs.getBytes("canonical");
            byte[] recomputed = HASHER.hashLeaf(canonical);
            if (!Arrays.equals(recomputed, rs.getBytes("leaf_hash"))) {
                run.find(new Finding(Check.ENTRY_HASH, id, s, seq, null, null,
                        "stored leaf hash " + hex(rs.getBytes("leaf_hash")) + ", recomputed " + hex(recomputed)));
            }
            JsonNode entry = parse(canonical);
            byte[] prev = prevOf(entry);
            checkFields(run, id, s, seq, rs.getBytes("prev_hash"), entry, prev);
            if (entry != null) {
                List<String> columns = IndexedColumns.mismatches(rs, entry);
                if (!columns.isEmpty()) {
                    run.find(new Finding(Check.ENTRY_COLUMNS, id, s, seq, null, null, String.join("; ", columns)));
                }
            }
            if (!s.equals(subject[0])) {
                subject[0] = s;
                expectedSeq[0] = 0;
                previousLeaf[0] = null;
                run.subjects++;
            }
            if (seq != expectedSeq[0]) {
                run.find(new Finding(Check.CHAIN_GAP, id, s, seq, null, null,
                        "got seq " + seq + ", want " + expectedSeq[0]));
            } else if (!Arrays.equals(prev, previousLeaf[0])) {
                run.find(new Finding(Check.CHAIN_LINK, id, s, seq, null, null,
                        "prev is " + hex(prev) + ", want " + hex(previousLeaf[0])));
            }
            expectedSeq[0] = seq + 1;
            previousLeaf[0] = recomputed;
        });
    }

    private static void checkFields(Run run, UUID id, String subject, long seq, byte[] prevColumn, JsonNode entry,
                                    byte[] prev) {
        if (entry == null) {
            run.find(new Finding(Check.ENTRY_FIELDS, id, subject, seq, null, null, "canonical bytes are not JSON"));
            return;
        }
        boolean same = id.toString().equals(entry.path("id").asText())
                && subject.equals(entry.path("subject").asText())
                && seq == entry.path("seq").asLong(-1)
                && Arrays.equals(prevColumn, prev);
        if (!same) {
            run.find(new Finding(Check.ENTRY_FIELDS, id, subject, seq, null, null,
                    "canonical bytes disagree with the stored id, subject, seq or prev"));
        }
    }

    /** The parsed canonical bytes, or null if they are not JSON. Parsed once per entry. */
    private JsonNode parse(byte[] canonical) {
        try {
            return mapper.readTree(canonical);
        } catch (IOException e) {
            return null;
        }
    }

    /** The entry's prev hash; null when it has none; an empty array when it is unreadable. */
    private static byte[] prevOf(JsonNode entry) {
        if (entry == null) {
            return new byte[0];
        }
        JsonNode prev = entry.get("prev");
        try {
            return prev == null ? null : HexFormat.of().parseHex(prev.asText());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** Every leaf in order, the root at every checkpoint, and entries missing from the log. */
    private void checkLog(Run run) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        jdbc.query("SELECT tree_size, root_hash, note FROM log_checkpoint ORDER BY tree_size", (RowCallbackHandler) rs -> {
            run.checkpoints++;
            long size = rs.getLong("tree_size");
            try {
                Checkpoint c = Checkpoint.open(rs.getString("note"), logKey);
                if (c.size() != size || !Arrays.equals(c.rootHash(), rs.getBytes("root_hash"))) {
                    run.find(new Finding(Check.CHECKPOINT_SIGNATURE, null, null, null, null, size,
                            "the signed text says size " + c.size() + " root " + hex(c.rootHash())));
                }
                checkpoints.add(c);
            } catch (Exception e) {
                run.find(new Finding(Check.CHECKPOINT_SIGNATURE, null, null, null, null, size,
                        "does not verify with the log key: " + e.getMessage()));
            }
        });
        CompactRange range = CompactRange.empty(HASHER, 0);
        int[] next = {0};
        while (next[0] < checkpoints.size() && checkpoints.get(next[0]).size() == 0) {
            compareRoot(run, range, checkpoints.get(next[0]++));
        }
        jdbc.query("SELECT l.leaf_index, l.entry_id, l.leaf_hash, e.canonical, l.entry_row_id, e.row_id,"
                + " (SELECT n.hash FROM log_node n WHERE n.level = 0 AND n.node_index = l.leaf_index) AS node"
                + " FROM log_leaf l LEFT JOIN ledger_entry e ON e.entry_id = l.entry_id ORDER BY l.leaf_index",
                (RowCallbackHandler) rs -> {
                    long index = rs.getLong("leaf_index");
                    UUID id = rs.getObject("entry_id", UUID.class);
                    if (index != range.end()) {
                        run.find(new Finding(Check.LOG_GAP, id, null, null, index, null,
                                "got leaf " + index + ", want " + range.end()));
                    }
                    byte[] stored = rs.getBytes("leaf_hash");
                    byte[] canonical = rs.getBytes("canonical");
                    byte[] leaf = stored;
                    if (canonical == null) {
                        run.find(new Finding(Check.LOG_LEAF_WITHOUT_ENTRY, id, null, null, index, null,
                                "the entry of this leaf is not stored"));
                    } else {
                        if (rs.getLong("entry_row_id") != rs.getLong("row_id")) {
                            run.find(new Finding(Check.LOG_LEAF_ROW, id, null, null, index, null,
                                    "the leaf points at row " + rs.getLong("entry_row_id") + ", the entry is row "
                                            + rs.getLong("row_id") + ": exports would give another entry this leaf"));
                        }
                        leaf = HASHER.hashLeaf(canonical);
                        if (!Arrays.equals(leaf, stored)) {
                            run.find(new Finding(Check.LOG_LEAF_HASH, id, null, null, index, null,
                                    "leaf hash " + hex(stored) + ", entry hashes to " + hex(leaf)));
                        }
                    }
                    if (!Arrays.equals(rs.getBytes("node"), stored)) {
                        run.find(new Finding(Check.LOG_NODE, id, null, null, index, null,
                                "the level-0 node differs from the leaf"));
                    }
                    run.leaves++;
                    range.append(leaf);
                    while (next[0] < checkpoints.size() && checkpoints.get(next[0]).size() == range.end()) {
                        compareRoot(run, range, checkpoints.get(next[0]++));
                    }
                });
        for (int i = next[0]; i < checkpoints.size(); i++) {
            run.find(new Finding(Check.CHECKPOINT_ROOT, null, null, null, null, checkpoints.get(i).size(),
                    "the log holds only " + range.end() + " leaves"));
        }
        jdbc.query("SELECT e.entry_id, e.subject, e.seq FROM ledger_entry e"
                + " WHERE NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.entry_id = e.entry_id)"
                + " AND NOT EXISTS (SELECT 1 FROM log_pending p WHERE p.entry_id = e.entry_id)",
                (RowCallbackHandler) rs -> run.find(new Finding(Check.ENTRY_NOT_IN_LOG,
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), null, null,
                        "the entry has no leaf and is not queued for one")));
    }

    private static void compareRoot(Run run, CompactRange range, Checkpoint checkpoint) {
        if (!Arrays.equals(range.root(), checkpoint.rootHash())) {
            run.find(new Finding(Check.CHECKPOINT_ROOT, null, null, null, null, checkpoint.size(),
                    "signed root " + hex(checkpoint.rootHash()) + ", stored entries give " + hex(range.root())));
        }
    }

    private static String hex(byte[] b) {
        return b == null ? "none" : HexFormat.of().formatHex(b);
    }

    /** The counters of one run; only touched by the thread running it. */
    private static final class Run {
        long entries;
        long subjects;
        long leaves;
        long checkpoints;
        long findingCount;
        final List<Finding> findings = new ArrayList<>();

        void find(Finding finding) {
            findingCount++;
            if (findings.size() < MAX_LISTED) {
                findings.add(finding);
            }
        }
    }

}
