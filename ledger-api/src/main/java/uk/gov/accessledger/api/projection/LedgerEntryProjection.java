package uk.gov.accessledger.api.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.ChainedEntry;
import uk.gov.accessledger.chain.ConcernDetails;
import uk.gov.accessledger.chain.CorrectionDetails;
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

    /** Positions of the entry id and the leaf hash among the INSERT's parameters. */
    private static final int ENTRY_ID = 0;
    private static final int LEAF_HASH = 15;

    private static final String ENQUEUE =
            "INSERT INTO log_pending (entry_id, leaf_hash, entry_row_id) VALUES (?, ?, ?)";

    private static final String ROWS = LedgerEntryProjection.class.getName() + ".rows";

    private final JdbcTemplate jdbc;

    LedgerEntryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SubjectChainEvent event, @MetaDataValue(REQUEST_HASH) String requestHash) {
        ChainedEntry e = event.entry();
        Columns c = columns(e, event);
        Object[] row = {e.entryId(), e.subject(), e.seq(), event.details().kind(), c.organisation,
                c.service, c.purpose, c.legalBasis, c.action, c.refersTo, Timestamp.from(c.happenedAt),
                Timestamp.from(e.recordedAt()), c.discloseAfter == null ? null : java.sql.Date.valueOf(c.discloseAfter),
                !e.policyExceptions().isEmpty(), e.prev(), e.leafHash(),
                requestHash == null ? new byte[0] : HexFormat.of().parseHex(requestHash), e.canonical()};
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.<Object[]>of(row));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<Object[]> rows = unitOfWork.getOrComputeResource(ROWS, key -> {
            List<Object[]> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> write(pending));
            return pending;
        });
        rows.add(row);
    }

    private void write(List<Object[]> rows) {
        long[] rowIds = insert(rows);
        List<Object[]> queued = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            queued.add(new Object[] {rows.get(i)[ENTRY_ID], rows.get(i)[LEAF_HASH], rowIds[i]});
        }
        // Same transaction: an entry cannot be committed without being queued for the log.
        jdbc.batchUpdate(ENQUEUE, queued);
    }

    /** Inserts the rows as one JDBC batch and returns the row_id the database gave each, in order. */
    private long[] insert(List<Object[]> rows) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"row_id"}),
                new ArgumentBatchSetter(rows), keys);
        List<java.util.Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != rows.size()) {
            throw new IllegalStateException("couldn't read the row_id of every new ledger_entry row: got "
                    + generated.size() + " of " + rows.size());
        }
        return generated.stream().mapToLong(k -> ((Number) k.values().iterator().next()).longValue()).toArray();
    }

    /** Sets each batch row's parameters as {@link JdbcTemplate#batchUpdate(String, List)} does. */
    private record ArgumentBatchSetter(List<Object[]> rows) implements BatchPreparedStatementSetter {

        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            new ArgumentPreparedStatementSetter(rows.get(i)).setValues(ps);
        }

        @Override
        public int getBatchSize() {
            return rows.size();
        }
    }

    /** Java 17 has no pattern switch; the sealed event interface keeps this list complete. */
    private static Columns columns(ChainedEntry e, SubjectChainEvent event) {
        if (event.details() instanceof AccessDetails a) {
            return new Columns(a.organisation(), a.service(), a.purpose(), a.legalBasis(), a.action(), null,
                    a.occurredAt(), a.discloseAfter());
        }
        if (event.details() instanceof SharingDecisionDetails s) {
            return new Columns(s.organisation(), s.service(), s.purpose(), s.legalBasis(), null, null,
                    s.decidedAt(), null);
        }
        if (event.details() instanceof CorrectionDetails c) {
            return new Columns(c.organisation(), c.service(), null, null, null, c.corrects(), e.recordedAt(), null);
        }
        ConcernDetails c = (ConcernDetails) event.details();
        return new Columns(null, null, null, null, null, c.about(), e.recordedAt(), null);
    }

    private record Columns(String organisation, String service, String purpose, String legalBasis,
                           String action, UUID refersTo, Instant happenedAt, java.time.LocalDate discloseAfter) {
    }
}
