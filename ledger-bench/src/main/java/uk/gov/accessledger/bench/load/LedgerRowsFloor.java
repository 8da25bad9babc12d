package uk.gov.accessledger.bench.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import uk.gov.accessledger.bench.shared.Latencies;

/**
 * A floor under the ingest figure. After a load run, the rows the ledger really wrote for its
 * first entries (event, read-model row, log queue row, leaf and tree nodes) are read back and
 * written again with plain JDBC batches into empty copies of the same tables (same columns, keys
 * and indexes), in the ledger's two transactions per batch: record (event, entry, queue), then
 * sequence (leaves, nodes, dequeue), from as many clients as batched ingest has and with the API's
 * batched-INSERT rewriting ({@link #API_CONNECTION}). No application code runs in between, so this
 * is about as fast as this PostgreSQL stores ledger entries through JDBC, whatever the Java side
 * does. The plain INSERT baseline writes one unindexed row per entry; this shows what the other
 * rows cost.
 */
final class LedgerRowsFloor {

    private static final String[] TABLES = {"domain_event_entry", "ledger_entry", "log_pending", "log_leaf", "log_node"};
    private static final String EVENT_COLUMNS = "aggregate_identifier, sequence_number, type, event_identifier,"
            + " meta_data, payload, payload_revision, payload_type, time_stamp";
    private static final String ENTRY_COLUMNS = "entry_id, subject, seq, kind, organisation, service, purpose,"
            + " legal_basis, action, refers_to, happened_at, recorded_at, disclose_after, policy_exception, prev_hash,"
            + " leaf_hash, request_hash, canonical";

    /** The API's PostgreSQL connection properties that change what a JDBC batch costs (application.yml). */
    static final String API_CONNECTION = "reWriteBatchedInserts=true";

    private LedgerRowsFloor() {
    }

    /** One measured run over {@code entries} entries in batches of {@code batchSize}. */
    record Result(int entries, double seconds, Latencies batchLatencies) {

        double entriesPerSecond() {
            return entries / seconds;
        }
    }

    /**
     * Copies at most {@code limit} logged entries' rows; the copies are dropped afterwards. Reads
     * happen before the clock starts.
     */
    static Result run(String url, String user, String password, int clients, int batchSize, int limit)
            throws Exception {
        int n;
        List<Object[]> events;
        List<Object[]> entries;
        List<Object[]> leaves;
        List<Object[]> nodes;
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            n = (int) Math.min(limit, single(c, "SELECT COUNT(*) FROM log_leaf"));
            if (n < batchSize) {
                throw new IllegalStateException("needs at least " + batchSize + " logged entries, found " + n);
            }
            n -= n % batchSize;
            events = rows(c, "SELECT " + EVENT_COLUMNS + " FROM domain_event_entry"
                    + " ORDER BY global_index LIMIT " + n);
            entries = rows(c, "SELECT " + ENTRY_COLUMNS + " FROM ledger_entry ORDER BY row_id LIMIT " + n);
            leaves = rows(c, "SELECT leaf_index, entry_id, leaf_hash, entry_row_id FROM log_leaf"
                    + " WHERE leaf_index < " + n + " ORDER BY leaf_index");
            // Each node with the batch that completes it: the one holding its last leaf.
            nodes = rows(c, "SELECT level, node_index, hash FROM log_node"
                    + " WHERE (node_index + 1) * (CAST(1 AS BIGINT) << level) <= " + n
                    + " ORDER BY (node_index + 1) * (CAST(1 AS BIGINT) << level), level");
            try (Statement s = c.createStatement()) {
                for (String table : TABLES) {
                    s.execute("DROP TABLE IF EXISTS floor_" + table);
                    s.execute("CREATE TABLE floor_" + table + " (LIKE " + table + " INCLUDING ALL)");
                }
            }
        }
        // Each batch's nodes: those completed by its last leaf and not by an earlier batch's.
        int batches = n / batchSize;
        int[] firstNode = new int[batches + 1];
        for (int b = 0, next = 0; b < batches; b++) {
            firstNode[b] = next;
            while (next < nodes.size() && completes(nodes.get(next)) <= (long) (b + 1) * batchSize) {
                next++;
            }
            firstNode[b + 1] = next;
        }
        String apiUrl = url + (url.contains("?") ? "&" : "?") + API_CONNECTION;
        JdbcClients.Result run = JdbcClients.run(apiUrl, user, password, clients, batches,
                c -> new Batches(c, events, entries, leaves, nodes, firstNode, batchSize));
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DROP TABLE floor_" + table);
            }
        }
        return new Result(n, run.seconds(), run.batchLatencies());
    }

    /** One client's statements; each batch is the ledger's two transactions. */
    private static final class Batches implements JdbcClients.Client {

        private final Connection c;
        private final List<Object[]> events;
        private final List<Object[]> entries;
        private final List<Object[]> leaves;
        private final List<Object[]> nodes;
        private final int[] firstNode;
        private final int batchSize;
        private final PreparedStatement event;
        private final PreparedStatement entry;
        private final PreparedStatement enqueue;
        private final PreparedStatement leaf;
        private final PreparedStatement node;
        private final PreparedStatement dequeue;

        Batches(Connection c, List<Object[]> events, List<Object[]> entries, List<Object[]> leaves,
                List<Object[]> nodes, int[] firstNode, int batchSize) throws SQLException {
            this.c = c;
            this.events = events;
            this.entries = entries;
            this.leaves = leaves;
            this.nodes = nodes;
            this.firstNode = firstNode;
            this.batchSize = batchSize;
            event = c.prepareStatement("INSERT INTO floor_domain_event_entry (" + EVENT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            entry = c.prepareStatement("INSERT INTO floor_ledger_entry (" + ENTRY_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"row_id"});
            enqueue = c.prepareStatement(
                    "INSERT INTO floor_log_pending (entry_id, leaf_hash, entry_row_id) VALUES (?, ?, ?)");
            leaf = c.prepareStatement("INSERT INTO floor_log_leaf"
                    + " (leaf_index, entry_id, leaf_hash, entry_row_id) VALUES (?, ?, ?, ?)");
            node = c.prepareStatement("INSERT INTO floor_log_node (level, node_index, hash) VALUES (?, ?, ?)");
            dequeue = c.prepareStatement("DELETE FROM floor_log_pending WHERE entry_id = ?");
        }

        @Override
        public void batch(int b) throws SQLException {
            int from = b * batchSize;
            int to = from + batchSize;
            add(event, events, from, to);
            add(entry, entries, from, to);
            event.executeBatch();
            entry.executeBatch();
            // As the ledger's projection: queue each entry with the row id it was given.
            try (ResultSet rowIds = entry.getGeneratedKeys()) {
                for (Object[] e : entries.subList(from, to)) {
                    rowIds.next();
                    enqueue.setObject(1, e[0]);
                    enqueue.setObject(2, e[15]);
                    enqueue.setLong(3, rowIds.getLong(1));
                    enqueue.addBatch();
                }
            }
            enqueue.executeBatch();
            c.commit();
            add(leaf, leaves, from, to);
            add(node, nodes, firstNode[b], firstNode[b + 1]);
            for (Object[] e : entries.subList(from, to)) {
                dequeue.setObject(1, e[0]);
                dequeue.addBatch();
            }
            leaf.executeBatch();
            node.executeBatch();
            dequeue.executeBatch();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : List.of(event, entry, enqueue, leaf, node, dequeue)) {
                s.close();
            }
        }
    }

    /** How many leaves a node's subtree reaches: (index + 1) * 2^level. */
    private static long completes(Object[] node) {
        return (((Number) node[1]).longValue() + 1) << ((Number) node[0]).intValue();
    }

    private static void add(PreparedStatement insert, List<Object[]> rows, int from, int to) throws SQLException {
        for (Object[] row : rows.subList(from, to)) {
            for (int col = 0; col < row.length; col++) {
                insert.setObject(col + 1, row[col]);
            }
            insert.addBatch();
        }
    }

    private static List<Object[]> rows(Connection c, String sql) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int col = 0; col < columns; col++) {
                    row[col] = rs.getObject(col + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
