package uk.gov.accessledger.api.log;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.NodeId;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/** The log tables. Blocking JDBC: call from worker threads only. */
@Repository
class LogStore {

    /** An entry waiting for a leaf; {@code entryRowId} is its {@code ledger_entry.row_id}. */
    record Pending(long pendingId, UUID entryId, byte[] leafHash, long entryRowId) {
    }

    record Node(int level, long index, byte[] hash) {
    }

    /**
     * How much longer than the lock wait a read on a lock-holding connection may take before the
     * connection counts as dead: the longest statement of a sequencing round (20,000 leaves and
     * their nodes) takes well under a second.
     */
    private static final Duration READ_MARGIN = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final LogQueue queue;
    /** The JDBC URL of the database, read once; null until then. */
    private volatile String url;

    LogStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.queue = new LogQueue(jdbc);
    }

    private String url() {
        String known = url;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
            url = known;
        }
        return known;
    }

    /** An in-memory database is new at every start: it has no past to be rolled back to. */
    boolean inMemory() {
        return url().startsWith("jdbc:h2:mem:");
    }

    /**
     * Bounds, for the rest of this transaction, how long it may wait for the log lock and how long
     * the lock stays held when this node stops talking to PostgreSQL (frozen, cut off, or its
     * connection half-open): the database then ends the session, which frees the lock for another
     * node. The connection's reads are bounded too, so this node cannot wait forever on a
     * database that has gone. Call first in the transaction. H2 is embedded: one node, no bound.
     */
    void boundLockHold(Duration wait, Duration idle) {
        if (!url().startsWith("jdbc:postgresql:")) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            c.setNetworkTimeout(Runnable::run, Math.toIntExact(wait.plus(idle).plus(READ_MARGIN).toMillis()));
            return null;
        });
        jdbc.queryForList("SELECT set_config('lock_timeout', ?, true),"
                + " set_config('idle_in_transaction_session_timeout', ?, true)",
                wait.toMillis() + "ms", idle.toMillis() + "ms");
    }

    /** Locks the log for this transaction (see log_state in V2) and returns its size. */
    long lockTreeSize() {
        return jdbc.queryForObject("SELECT tree_size FROM log_state WHERE id = 1 FOR UPDATE", Long.class);
    }

    long treeSize() {
        return jdbc.queryForObject("SELECT tree_size FROM log_state WHERE id = 1", Long.class);
    }

    List<Pending> pending(int limit) {
        return jdbc.query("SELECT pending_id, entry_id, leaf_hash, entry_row_id FROM log_pending"
                        + " ORDER BY pending_id LIMIT ?",
                (rs, n) -> new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getBytes(3), rs.getLong(4)),
                limit);
    }

    long pendingCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM log_pending", Long.class);
    }

    /** Appends leaves {@code firstIndex, firstIndex + 1, ...} and removes them from the queue. */
    void appendLeaves(long firstIndex, List<Pending> leaves) {
        List<Object[]> rows = new ArrayList<>(leaves.size());
        List<Object[]> done = new ArrayList<>(leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            Pending p = leaves.get(i);
            rows.add(new Object[] {firstIndex + i, p.entryId(), p.leafHash(), p.entryRowId()});
            done.add(new Object[] {p.pendingId()});
        }
        jdbc.batchUpdate("INSERT INTO log_leaf (leaf_index, entry_id, leaf_hash, entry_row_id) VALUES (?, ?, ?, ?)",
                rows);
        jdbc.batchUpdate("DELETE FROM log_pending WHERE pending_id = ?", done);
    }

    void insertNodes(List<Node> nodes) {
        List<Object[]> rows = new ArrayList<>(nodes.size());
        nodes.forEach(n -> rows.add(new Object[] {n.level(), n.index(), n.hash()}));
        jdbc.batchUpdate("INSERT INTO log_node (level, node_index, hash) VALUES (?, ?, ?)", rows);
    }

    /** The root of the first {@code size} leaves from the stored nodes; requires size <= the tree size. */
    byte[] rootAt(long size) {
        return CompactRange.of(Rfc6962Hasher.DEFAULT, 0, size, nodes(CompactRange.rangeNodes(0, size))).root();
    }

    void setTreeSize(long size) {
        jdbc.update("UPDATE log_state SET tree_size = ? WHERE id = 1", size);
    }

    void insertCheckpoint(long size, byte[] root, String note, Instant signedAt) {
        jdbc.update("INSERT INTO log_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)",
                size, root, note, Timestamp.from(signedAt));
    }

    Optional<SignedCheckpoint> latestCheckpoint() {
        return jdbc.query("SELECT tree_size, root_hash, note FROM log_checkpoint ORDER BY tree_size DESC LIMIT 1",
                (rs, n) -> new SignedCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3))).stream().findFirst();
    }

    /** The hashes of the given perfect subtrees, in the order asked; requires that all exist. */
    List<byte[]> nodes(List<NodeId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One statement text for any number of ids, so PostgreSQL plans it once per connection;
        // an OR of pairs would be a new text, planned afresh, for every number of ids.
        Short[] levels = new Short[ids.size()];
        Long[] indexes = new Long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            levels[i] = (short) ids.get(i).level();
            indexes[i] = ids.get(i).index();
        }
        Map<NodeId, byte[]> found = new HashMap<>();
        jdbc.query("SELECT n.level, n.node_index, n.hash"
                + " FROM unnest(CAST(? AS SMALLINT ARRAY), CAST(? AS BIGINT ARRAY)) AS k(level, node_index)"
                + " JOIN log_node n ON n.level = k.level AND n.node_index = k.node_index", ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("int2", levels));
                    ps.setArray(2, ps.getConnection().createArrayOf("int8", indexes));
                }, rs -> {
                    found.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
                });
        List<byte[]> hashes = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            byte[] hash = found.get(id);
            if (hash == null) {
                throw new LogIntegrityException("couldn't find stored node " + id + " of the log");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /** Up to {@code count} hashes of one level from {@code first} on, in index order. */
    List<byte[]> levelRange(int level, long first, int count) {
        return jdbc.query("SELECT hash FROM log_node WHERE level = ? AND node_index >= ? AND node_index < ?"
                + " ORDER BY node_index", (rs, n) -> rs.getBytes(1), level, first, first + count);
    }

    /** The canonical bytes of the entries at leaves {@code first .. first + count - 1}. */
    List<byte[]> entries(long first, int count) {
        return jdbc.query("SELECT e.canonical FROM log_leaf l JOIN ledger_entry e ON e.entry_id = l.entry_id"
                + " WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index",
                (rs, n) -> rs.getBytes(1), first, first + count);
    }

    Optional<Long> leafIndexOf(UUID entryId) {
        return jdbc.queryForList("SELECT leaf_index FROM log_leaf WHERE entry_id = ?", Long.class, entryId)
                .stream().findFirst();
    }

    /** Entries that have neither a leaf nor a place in the queue: must always be none. */
    List<Pending> missing(int limit) {
        return jdbc.query("SELECT 0, e.entry_id, e.leaf_hash, e.row_id FROM ledger_entry e"
                        + " WHERE NOT EXISTS (SELECT 1 FROM log_leaf l WHERE l.entry_id = e.entry_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM log_pending p WHERE p.entry_id = e.entry_id)"
                        + " ORDER BY e.row_id LIMIT ?",
                (rs, n) -> new Pending(0, rs.getObject(2, UUID.class), rs.getBytes(3), rs.getLong(4)), limit);
    }

    void enqueue(List<Pending> entries) {
        queue.enqueue(entries.stream().map(p -> new LogQueue.Queued(p.entryId(), p.leafHash(), p.entryRowId()))
                .toList());
    }

}
