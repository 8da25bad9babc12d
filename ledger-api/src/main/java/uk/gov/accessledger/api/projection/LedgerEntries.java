package uk.gov.accessledger.api.projection;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Queries on {@code ledger_entry}. Blocking JDBC: call from a worker thread, never an event loop. */
@Repository
public class LedgerEntries {

    private static final List<String> ENTRY_COLUMNS = List.of("row_id", "entry_id", "subject", "seq", "kind",
            "organisation", "service", "purpose", "legal_basis", "action", "refers_to", "happened_at", "recorded_at",
            "disclose_after", "policy_exception", "prev_hash", "leaf_hash", "request_hash", "canonical");

    /** For a few rows: the leaf looked up by entry id. */
    private static final String COLUMNS = String.join(", ", ENTRY_COLUMNS)
            + ", (SELECT l.leaf_index FROM log_leaf l WHERE l.entry_id = ledger_entry.entry_id) AS leaf_index";

    /**
     * For exports, over {@code ledger_entry e} joined to {@code log_leaf l} on the entry's row id:
     * both follow insertion order, so millions of rows join reading both indexes nearly in
     * sequence, where a lookup by the random entry id reads its index at a random place per row.
     */
    private static final String JOINED_COLUMNS = "e." + String.join(", e.", ENTRY_COLUMNS) + ", l.leaf_index";

    private static final RowMapper<LedgerEntryRow> ROW = LedgerEntries::row;

    private static final int STREAM_FETCH_SIZE = 1000;

    /** pgjdbc: a negative prepare threshold asks for binary results from the first execution. */
    private static final int BINARY_FROM_THE_FIRST_EXECUTION = -1;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    LedgerEntries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public Optional<LedgerEntryRow> find(UUID entryId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE entry_id = ?", ROW, entryId)
                .stream().findFirst();
    }

    public List<LedgerEntryRow> find(Collection<UUID> entryIds) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(entryIds.size(), "?"));
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE entry_id IN (" + marks + ")", ROW,
                entryIds.toArray());
    }

    /** The subject's entries visible on {@code today}, newest first, with seq below {@code beforeSeq}. */
    public List<LedgerEntryRow> history(String subject, HistoryFilter filter, Long beforeSeq, int limit,
                                        LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ledger_entry WHERE subject = ?"
                + " AND (disclose_after IS NULL OR disclose_after <= ?)");
        List<Object> args = new ArrayList<>(List.of(subject, Date.valueOf(today)));
        if (beforeSeq != null) {
            sql.append(" AND seq < ?");
            args.add(beforeSeq);
        }
        appendFilter(sql, args, filter);
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** The seq of the subject's newest entry, visible or not; -1 when the subject has none. */
    public long head(String subject) {
        Long head = jdbc.queryForObject("SELECT MAX(seq) FROM ledger_entry WHERE subject = ?", Long.class, subject);
        return head == null ? -1 : head;
    }

    /**
     * The subject's entries visible on {@code today} and matching {@code filter} with
     * {@code afterSeq < seq <= upToSeq}, oldest first, at most {@code limit}. Reads only the
     * subject's part of the (subject, seq) index.
     */
    public List<LedgerEntryRow> recordedAfter(String subject, long afterSeq, long upToSeq, HistoryFilter filter,
                                              int limit, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ledger_entry WHERE subject = ?"
                + " AND seq > ? AND seq <= ? AND (disclose_after IS NULL OR disclose_after <= ?)");
        List<Object> args = new ArrayList<>(List.of(subject, afterSeq, upToSeq, Date.valueOf(today)));
        appendFilter(sql, args, filter);
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** The entries at {@code seq - 1} and {@code seq + 1} of a subject's chain, where they exist. */
    public List<LedgerEntryRow> neighbours(String subject, long seq) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE subject = ? AND seq IN (?, ?)"
                + " ORDER BY seq", ROW, subject, seq - 1, seq + 1);
    }

    /** Corrections and concerns that refer to an entry, oldest first. */
    public List<LedgerEntryRow> referring(UUID entryId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE refers_to = ? ORDER BY seq", ROW, entryId);
    }

    /** An entry's canonical bytes, its leaf hash, and its leaf index (null before it has a leaf). */
    public interface CanonicalConsumer {
        void accept(byte[] canonical, byte[] leafHash, Long leafIndex);
    }

    /**
     * Every entry matching {@code filter}, oldest first, as its canonical bytes, leaf hash and leaf
     * index, handed to {@code each} one at a time: a database cursor (fetch size
     * {@value #STREAM_FETCH_SIZE}) keeps memory flat however many there are, and every cell of a
     * JSON Lines or CSV export comes from these three columns. Runs in a read-only transaction,
     * which PostgreSQL needs for a cursor.
     */
    public void streamCanonical(HistoryFilter filter, CanonicalConsumer each) {
        List<Object> args = new ArrayList<>();
        cursor(inRowOrder("e.canonical, e.leaf_hash, l.leaf_index", filter, args), args,
                rs -> each.accept(rs.getBytes(1), rs.getBytes(2), rs.getObject(3, Long.class)));
    }

    private static String inRowOrder(String columns, HistoryFilter filter, List<Object> args) {
        StringBuilder sql = new StringBuilder("SELECT " + columns + " FROM ledger_entry e"
                + " LEFT JOIN log_leaf l ON l.entry_row_id = e.row_id WHERE 1 = 1");
        appendFilter(sql, args, filter);
        return sql.append(" ORDER BY e.row_id").toString();
    }

    /**
     * Runs {@code sql} through a cursor in a read-only transaction, which PostgreSQL needs for one.
     * On PostgreSQL the rows come in binary form: in text form every bytea arrives as hex, which
     * the driver must decode for every row of an export.
     */
    private void cursor(String sql, List<Object> args, RowCallbackHandler each) {
        readOnly.executeWithoutResult(status -> streaming.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(BINARY_FROM_THE_FIRST_EXECUTION);
            }
            new ArgumentPreparedStatementSetter(args.toArray()).setValues(statement);
            return statement;
        }, each));
    }

    /**
     * Like {@link #streamCanonical}, but whole rows, and only entries with a leaf below
     * {@code treeSize}, in leaf order: what a checkpoint of that size covers.
     */
    public void streamLogged(HistoryFilter filter, long treeSize, Consumer<LedgerEntryRow> each) {
        StringBuilder sql = new StringBuilder("SELECT " + JOINED_COLUMNS + " FROM log_leaf l"
                + " JOIN ledger_entry e ON e.row_id = l.entry_row_id WHERE l.leaf_index < ?");
        List<Object> args = new ArrayList<>(List.of(treeSize));
        appendFilter(sql, args, filter);
        sql.append(" ORDER BY l.leaf_index");
        cursor(sql.toString(), args, rs -> each.accept(row(rs, 0)));
    }

    /** Entries matching {@code filter}, newest first, with row id below {@code beforeRow}. */
    public List<LedgerEntryRow> matching(HistoryFilter filter, Long beforeRow, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ledger_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (beforeRow != null) {
            sql.append(" AND row_id < ?");
            args.add(beforeRow);
        }
        appendFilter(sql, args, filter);
        sql.append(" ORDER BY row_id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** Counts of matching entries grouped by {@code column} (a fixed column name or expression). */
    public Map<String, Long> countBy(HistoryFilter filter, String column) {
        StringBuilder sql = new StringBuilder("SELECT " + column + " AS k, COUNT(*) AS n FROM ledger_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        appendFilter(sql, args, filter);
        sql.append(" GROUP BY ").append(column).append(" ORDER BY 1");
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql.toString(), (RowCallbackHandler) rs ->
                counts.put(String.valueOf(rs.getObject("k")), rs.getLong("n")), args.toArray());
        return counts;
    }

    private static void appendFilter(StringBuilder sql, List<Object> args, HistoryFilter filter) {
        equal(sql, args, "organisation", filter.organisation());
        equal(sql, args, "service", filter.service());
        equal(sql, args, "purpose", filter.purpose());
        equal(sql, args, "legal_basis", filter.legalBasis());
        equal(sql, args, "action", filter.action());
        equal(sql, args, "kind", filter.kind());
        if (filter.policyException() != null) {
            sql.append(" AND policy_exception = ?");
            args.add(filter.policyException());
        }
        if (filter.from() != null) {
            sql.append(" AND happened_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND happened_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** Reads the columns by position, in the order of {@link #COLUMNS}: exports map millions of rows. */
    private static LedgerEntryRow row(ResultSet rs, int n) throws SQLException {
        Date discloseAfter = rs.getDate(14);
        return new LedgerEntryRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getObject(11, UUID.class), rs.getTimestamp(12).toInstant(),
                rs.getTimestamp(13).toInstant(), discloseAfter == null ? null : discloseAfter.toLocalDate(),
                rs.getBoolean(15), rs.getBytes(16), rs.getBytes(17), rs.getBytes(18), rs.getBytes(19),
                rs.getObject(20, Long.class));
    }
}
