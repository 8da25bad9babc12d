package uk.gov.accessledger.bench.load;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import uk.gov.accessledger.bench.shared.EntryGenerator;
import uk.gov.accessledger.bench.shared.Latencies;
import uk.gov.accessledger.bench.shared.PerformanceTarget;
import uk.gov.accessledger.chain.AccessDetails;
import uk.gov.accessledger.chain.CanonicalEntry;

/**
 * The ingest baseline: a plain JDBC batch INSERT of the same kind of rows the ledger stores (the
 * columns of {@code ledger_entry}, genuine canonical bytes and hashes) into a bare table with no
 * index or constraint, in the same PostgreSQL, one transaction per batch, from as many clients as
 * batched ingest has. The ledger does more per entry (event store, chain, log queue);
 * {@link PerformanceTarget#BATCHED_INGEST} sets a least share of this rate.
 */
final class PlainInsertBaseline {

    static final String TABLE = "bench_plain_entry";

    private static final String CREATE = "CREATE TABLE " + TABLE + " (entry_id UUID NOT NULL, subject CHAR(64) NOT NULL,"
            + " seq BIGINT NOT NULL, kind VARCHAR(32) NOT NULL, organisation VARCHAR(64), service VARCHAR(64),"
            + " purpose VARCHAR(128), legal_basis VARCHAR(64), action VARCHAR(64), happened_at TIMESTAMPTZ NOT NULL,"
            + " recorded_at TIMESTAMPTZ NOT NULL, policy_exception BOOLEAN NOT NULL, prev_hash BYTEA,"
            + " leaf_hash BYTEA NOT NULL, request_hash BYTEA NOT NULL, canonical BYTEA NOT NULL)";
    private static final String INSERT = "INSERT INTO " + TABLE + " (entry_id, subject, seq, kind, organisation,"
            + " service, purpose, legal_basis, action, happened_at, recorded_at, policy_exception, prev_hash,"
            + " leaf_hash, request_hash, canonical) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private PlainInsertBaseline() {
    }

    /** One measured run: rows per second over {@code batches} batches of {@code batchSize}. */
    record Result(int rows, double seconds, Latencies batchLatencies) {

        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * Inserts {@code batches * batchSize} generated rows from {@code clients} connections into a
     * freshly created bare table, which is dropped afterwards; the rows are generated before the
     * clock starts.
     */
    static Result run(String url, String user, String password, int clients, int batchSize, int batches, long seed)
            throws Exception {
        Object[][] rows = rows(batchSize * batches, seed);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute(CREATE);
        }
        JdbcClients.Result run = JdbcClients.run(url, user, password, clients, batches, c -> {
            PreparedStatement insert = c.prepareStatement(INSERT);
            return new JdbcClients.Client() {
                @Override
                public void batch(int b) throws SQLException {
                    for (int i = b * batchSize; i < (b + 1) * batchSize; i++) {
                        Object[] row = rows[i];
                        for (int col = 0; col < row.length; col++) {
                            insert.setObject(col + 1, row[col]);
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                }

                @Override
                public void close() throws SQLException {
                    insert.close();
                }
            };
        });
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE " + TABLE);
        }
        return new Result(rows.length, run.seconds(), run.batchLatencies());
    }

    private static Object[][] rows(int count, long seed) throws Exception {
        Object[][] rows = new Object[count][];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        int[] next = {0};
        new EntryGenerator(seed).chained(count, Math.max(1, count / 4), (input, canonical) -> {
            AccessDetails d = input.details();
            Instant recordedAt = input.proposal().recordedAt();
            rows[next[0]++] = new Object[] {
                input.proposal().entryId(), input.subject(), input.seq(), d.kind(), d.organisation(), d.service(),
                d.purpose(), d.legalBasis(), d.action(), Timestamp.from(d.occurredAt()), Timestamp.from(recordedAt),
                !input.proposal().policyExceptions().isEmpty(), input.prev(), CanonicalEntry.leafHash(canonical),
                sha256.digest(canonical), canonical};
        });
        return rows;
    }
}
