package uk.gov.accessledger.api.projection;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.api.log.LogQueue;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.ChainedEntry;
import uk.gov.accessledger.chain.ConcernDetails;
import uk.gov.accessledger.chain.CorrectionDetails;
import uk.gov.accessledger.chain.EntryDetails;
import uk.gov.accessledger.chain.SharingDecisionDetails;
import uk.gov.accessledger.chain.SubjectChainEvent;

/**
 * Writes one {@code ledger_entry} row per chained entry, and queues it for the transparency log,
 * in the appending transaction. The subscribing processor hands over a whole batch's events in one
 * unit of work; the rows are written as two JDBC batches when it commits, not as two round trips
 * per entry.
 */
@Component
@ProcessingGroup(LedgerEntryProjection.PROCESSING_GROUP)
public class LedgerEntryProjection {

    /** Configured as a subscribing processor in application.yml. */
    public static final String PROCESSING_GROUP = "ledger-entries";

    /** Metadata key carrying the hex SHA-256 of the request an entry came from, for idempotency. */
    public static final String REQUEST_HASH = "requestHash";

    private static final String INSERT = """
            INSERT INTO ledger_entry (entry_id, subject, seq, kind, organisation, service, purpose,
                legal_basis, action, refers_to, happened_at, recorded_at, disclose_after,
                policy_exception, prev_hash, leaf_hash, request_hash, canonical)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final String ROWS = LedgerEntryProjection.class.getName() + ".rows";

    private final JdbcTemplate jdbc;
    private final LogQueue queue;

    LedgerEntryProjection(JdbcTemplate jdbc, LogQueue queue) {
        this.jdbc = jdbc;
        this.queue = queue;
    }

    @EventHandler
    void on(SubjectChainEvent event, @MetaDataValue(REQUEST_HASH) String requestHash) {
        Row row = new Row(event, requestHash == null ? new byte[0] : HexFormat.of().parseHex(requestHash));
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(row));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<Row> rows = unitOfWork.getOrComputeResource(ROWS, key -> {
            List<Row> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> write(pending));
            return pending;
        });
        rows.add(row);
    }

    private void write(List<Row> rows) {
        long[] rowIds = insert(rows);
        List<LogQueue.Queued> queued = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ChainedEntry e = rows.get(i).event.entry();
            queued.add(new LogQueue.Queued(e.entryId(), e.leafHash(), rowIds[i]));
        }
        // Same transaction: an entry cannot be committed without being queued for the log.
        queue.enqueue(queued);
    }

    /** Inserts the rows as one JDBC batch and returns the row_id the database gave each, in order. */
    private long[] insert(List<Row> rows) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"row_id"}),
                each(rows.size(), (ps, i) -> rows.get(i).set(ps)), keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("couldn't read the row_id of every new ledger_entry row: got "
                    + generated.size() + " of " + rows.size());
        }
        return generated.stream().mapToLong(k -> ((Number) k.values().iterator().next()).longValue()).toArray();
    }

    /** Sets the parameters of the {@code i}-th statement of a batch. */
    @FunctionalInterface
    private interface IndexedSetter {
        void set(PreparedStatement ps, int i) throws SQLException;
    }

    /** A JDBC batch of {@code size} statements, each set by {@code setter}. */
    private static BatchPreparedStatementSetter each(int size, IndexedSetter setter) {
        return new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                setter.set(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        };
    }

    /** One ledger_entry row, set parameter by parameter with the setter of its column's type. */
    private record Row(SubjectChainEvent event, byte[] requestHash) {

        void set(PreparedStatement ps) throws SQLException {
            ChainedEntry e = event.entry();
            Columns c = columns(e, event);
            ps.setObject(1, e.entryId());
            ps.setString(2, e.subject());
            ps.setLong(3, e.seq());
            ps.setString(4, event.details().kind());
            ps.setString(5, c.organisation);
            ps.setString(6, c.service);
            ps.setString(7, c.purpose);
            ps.setString(8, c.legalBasis);
            ps.setString(9, c.action);
            if (c.refersTo == null) {
                ps.setNull(10, Types.NULL);
            } else {
                ps.setObject(10, c.refersTo);
            }
            ps.setTimestamp(11, Timestamp.from(c.happenedAt));
            ps.setTimestamp(12, Timestamp.from(e.recordedAt()));
            ps.setDate(13, c.discloseAfter == null ? null : Date.valueOf(c.discloseAfter));
            ps.setBoolean(14, !e.policyExceptions().isEmpty());
            ps.setBytes(15, e.prev());
            ps.setBytes(16, e.leafHash());
            ps.setBytes(17, requestHash);
            ps.setBytes(18, e.canonical());
        }
    }

    /** The kind-specific columns; the visitor makes the compiler check that every kind has them. */
    private static Columns columns(ChainedEntry e, SubjectChainEvent event) {
        return event.details().accept(new EntryDetails.Visitor<>() {
            @Override
            public Columns access(AccessDetails a) {
                return new Columns(a.organisation(), a.service(), a.purpose(), a.legalBasis(), a.action(), null,
                        a.occurredAt(), a.discloseAfter());
            }

            @Override
            public Columns sharingDecision(SharingDecisionDetails s) {
                return new Columns(s.organisation(), s.service(), s.purpose(), s.legalBasis(), null, null,
                        s.decidedAt(), null);
            }

            @Override
            public Columns correction(CorrectionDetails c) {
                return new Columns(c.organisation(), c.service(), null, null, null, c.corrects(), e.recordedAt(),
                        null);
            }

            @Override
            public Columns concern(ConcernDetails c) {
                return new Columns(null, null, null, null, null, c.about(), e.recordedAt(), null);
            }
        });
    }

    private record Columns(String organisation, String service, String purpose, String legalBasis,
                           String action, UUID refersTo, Instant happenedAt, LocalDate discloseAfter) {
    }
}
