package uk.gov.accessledger.api.log;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The log's queue, {@code log_pending}: entries committed to the ledger that wait for a leaf. The
 * one place that adds to it. Call in the transaction that commits the entries (the projection) or
 * that holds the log lock (reconciliation): every committed entry then has a queue row or a leaf.
 */
@Repository
public class LogQueue {

    /** An entry to sequence; {@code entryRowId} is its {@code ledger_entry.row_id}. */
    public record Queued(UUID entryId, byte[] leafHash, long entryRowId) {
    }

    private static final String INSERT = "INSERT INTO log_pending (entry_id, leaf_hash, entry_row_id) VALUES (?, ?, ?)";

    private final JdbcTemplate jdbc;

    LogQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues {@code entries}, in order, as one JDBC batch. */
    public void enqueue(List<Queued> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Queued q = entries.get(i);
                ps.setObject(1, q.entryId());
                ps.setBytes(2, q.leafHash());
                ps.setLong(3, q.entryRowId());
            }

            @Override
            public int getBatchSize() {
                return entries.size();
            }
        });
    }
}
