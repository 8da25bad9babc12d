package uk.gov.accessledger.bench.query;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import uk.gov.accessledger.merkle.NodeId;
import uk.gov.accessledger.merkle.ProofNodes;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The baseline of the read targets: the statements ledger-api runs for a history page, a proof
 * and an export, sent by plain JDBC on one connection, with no HTTP, authentication, JSON or
 * application code around them. The statement texts copy ledger-api's (LedgerEntries.history with
 * no filter or cursor, LogStore.nodes, LedgerEntries' export queries); BulkLoadSmokeTest requires
 * the history statement to return exactly the API's page. Not thread-safe: one per client.
 */
public final class PlainReads implements AutoCloseable {

    /** LedgerEntries.COLUMNS. */
    private static final String COLUMNS = "row_id, entry_id, subject, seq, kind, organisation, service, purpose,"
            + " legal_basis, action, refers_to, happened_at, recorded_at, disclose_after, policy_exception, prev_hash,"
            + " leaf_hash, request_hash, canonical,"
            + " (SELECT l.leaf_index FROM log_leaf l WHERE l.entry_id = ledger_entry.entry_id) AS leaf_index";

    static final String HISTORY = "SELECT " + COLUMNS + " FROM ledger_entry WHERE subject = ?"
            + " AND (disclose_after IS NULL OR disclose_after <= ?) ORDER BY seq DESC LIMIT ?";

    static final String NODES = "SELECT n.level, n.node_index, n.hash"
            + " FROM unnest(CAST(? AS SMALLINT ARRAY), CAST(? AS BIGINT ARRAY)) AS k(level, node_index)"
            + " JOIN log_node n ON n.level = k.level AND n.node_index = k.node_index";

    /** The rows of both exports, JSON Lines and CSV (LedgerEntries.streamCanonical). */
    static final String EXPORT_ROWS = "SELECT e.canonical, e.leaf_hash, l.leaf_index FROM ledger_entry e"
            + " LEFT JOIN log_leaf l ON l.entry_row_id = e.row_id ORDER BY e.row_id";

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;

    private final Connection connection;
    private final PreparedStatement history;
    private final PreparedStatement nodes;

    public PlainReads(String url, String user, String password) throws SQLException {
        connection = DriverManager.getConnection(url, user, password);
        history = connection.prepareStatement(HISTORY);
        nodes = connection.prepareStatement(NODES);
    }

    /** A subject's newest {@code limit} visible entries, reading every column as the API does; their ids. */
    public List<UUID> history(String subject, int limit) throws SQLException {
        history.setString(1, subject);
        history.setDate(2, Date.valueOf(LocalDate.now(ZoneOffset.UTC)));
        history.setInt(3, limit);
        List<UUID> ids = new ArrayList<>(limit);
        try (ResultSet rs = history.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
                ids.add(rs.getObject(2, UUID.class));
            }
        }
        return ids;
    }

    /** The inclusion proof of leaf {@code index} in the tree of {@code size}: one read of its nodes, then the rehash. */
    public List<byte[]> inclusion(long index, long size) throws SQLException {
        ProofNodes proof = ProofNodes.inclusion(index, size);
        return proof.rehash(nodes(proof.ids()), HASHER);
    }

    /** The consistency proof from {@code size1} to {@code size2}, as {@link #inclusion}. */
    public List<byte[]> consistency(long size1, long size2) throws SQLException {
        ProofNodes proof = ProofNodes.consistency(size1, size2);
        return proof.rehash(nodes(proof.ids()), HASHER);
    }

    private List<byte[]> nodes(List<NodeId> ids) throws SQLException {
        Short[] levels = new Short[ids.size()];
        Long[] indexes = new Long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            levels[i] = (short) ids.get(i).level();
            indexes[i] = ids.get(i).index();
        }
        nodes.setArray(1, connection.createArrayOf("int2", levels));
        nodes.setArray(2, connection.createArrayOf("int8", indexes));
        Map<NodeId, byte[]> found = new HashMap<>();
        try (ResultSet rs = nodes.executeQuery()) {
            while (rs.next()) {
                found.put(new NodeId(rs.getInt(1), rs.getLong(2)), rs.getBytes(3));
            }
        }
        List<byte[]> hashes = new ArrayList<>(ids.size());
        for (NodeId id : ids) {
            byte[] hash = found.get(id);
            if (hash == null) {
                throw new IllegalStateException("couldn't find stored node " + id + " of the log");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    /**
     * PostgreSQL's own fastest way out: {@code COPY (rows LIMIT limit) TO STDOUT} in binary, into
     * {@code out}; the number of rows.
     */
    long copy(String rows, long limit, OutputStream out) throws Exception {
        String sql = "COPY (" + rows + (limit == Long.MAX_VALUE ? "" : " LIMIT " + limit) + ") TO STDOUT (FORMAT binary)";
        return connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
