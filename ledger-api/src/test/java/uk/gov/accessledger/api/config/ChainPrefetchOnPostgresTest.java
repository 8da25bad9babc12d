package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.accessledger.api.support.ApiTestSupport;

/**
 * The chain prefetch of a batch looks each chain up by its index on PostgreSQL even when the event
 * table has no statistics (never analysed: autovacuum off, or not yet run), and the application's
 * connections run without JIT compilation.
 */
class ChainPrefetchOnPostgresTest extends ApiTestSupport {

    private static final int CHAINS = 5_000;
    private static final int EVENTS_PER_CHAIN = 4;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }

    @Autowired
    ChainEventStorageEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void applicationConnectionsRunWithoutJit() {
        assertThat(jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
    }

    @Test
    void applicationConnectionsSendBatchedInsertsAsMultiRowInserts() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // A statement-level trigger counts the INSERT statements the server executes.
                try (Statement ddl = c.createStatement()) {
                    ddl.execute("CREATE TEMPORARY TABLE batch_probe (n INT)");
                    ddl.execute("CREATE TEMPORARY TABLE batch_probe_statements (statements INT)");
                    ddl.execute("INSERT INTO batch_probe_statements VALUES (0)");
                    ddl.execute("CREATE FUNCTION pg_temp.count_statement() RETURNS trigger LANGUAGE plpgsql AS"
                            + " $$ BEGIN UPDATE batch_probe_statements SET statements = statements + 1; RETURN NULL;"
                            + " END $$");
                    ddl.execute("CREATE TRIGGER count_statement AFTER INSERT ON batch_probe FOR EACH STATEMENT"
                            + " EXECUTE FUNCTION pg_temp.count_statement()");
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch_probe (n) VALUES (?)")) {
                    // The driver rewrites in power-of-two sized chunks: 4 rows are one statement.
                    for (int n = 0; n < 4; n++) {
                        insert.setInt(1, n);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (Statement query = c.createStatement();
                     ResultSet counts = query.executeQuery("SELECT (SELECT count(*) FROM batch_probe),"
                             + " (SELECT statements FROM batch_probe_statements)")) {
                    counts.next();
                    assertThat(counts.getInt(1)).isEqualTo(4);
                    assertThat(counts.getInt(2)).as("INSERT statements executed for a batch of 4 rows").isEqualTo(1);
                }
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void prefetchLooksEachChainUpByIndexOnATableWithoutStatistics() throws Exception {
        // 20,000 events of 5,000 chains, in a table PostgreSQL has never analysed. Only the plan is
        // looked at (EXPLAIN), so the rows' content does not matter; the transaction is rolled back.
        String plan;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO domain_event_entry"
                        + " (aggregate_identifier, sequence_number, type, event_identifier, payload, payload_type,"
                        + " time_stamp) SELECT 'plan-' || (i / ?), i % ?, 'SubjectChain', 'plan-event-' || i,"
                        + " '\\x00'::bytea, 'x', 'x' FROM generate_series(0, ?) AS i")) {
                    insert.setInt(1, EVENTS_PER_CHAIN);
                    insert.setInt(2, EVENTS_PER_CHAIN);
                    insert.setInt(3, CHAINS * EVENTS_PER_CHAIN - 1);
                    assertThat(insert.executeUpdate()).isEqualTo(CHAINS * EVENTS_PER_CHAIN);
                }
                try (PreparedStatement stats = c.prepareStatement(
                        "SELECT COUNT(*) FROM pg_stats WHERE tablename = 'domain_event_entry'");
                     ResultSet rs = stats.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the table has no statistics").isZero();
                }
                List<String> chains = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    chains.add("plan-" + i * 17);
                }
                try (PreparedStatement explain = c.prepareStatement("EXPLAIN (FORMAT JSON) " + engine.prefetchSql(c))) {
                    explain.setArray(1, c.createArrayOf("varchar", chains.toArray()));
                    try (ResultSet rs = explain.executeQuery()) {
                        rs.next();
                        plan = rs.getString(1);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        assertThat(plan).as(plan).contains("\"Index Name\": \"domain_event_entry_chain_position\"")
                .doesNotContain("\"Node Type\": \"Seq Scan\"");
    }
}
