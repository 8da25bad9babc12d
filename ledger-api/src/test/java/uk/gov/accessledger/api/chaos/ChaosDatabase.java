package uk.gov.accessledger.api.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import uk.gov.accessledger.api.support.PostgresDatabase;

/**
 * The database of one chaos run: the environment its nodes get, and a direct JDBC connection for
 * the checks. {@code adminUrl} is null for the embedded database, which only its one node may open
 * while it runs.
 */
record ChaosDatabase(String name, String checkUrl, String user, String password, Map<String, String> nodeEnvironment,
                     String adminUrl) {

    /** Connections per node: three nodes and other builds share one PostgreSQL's max_connections. */
    static final int POOL_SIZE = 6;

    /** A fresh PostgreSQL database of this run's own, dropped when the test JVM exits. */
    static ChaosDatabase postgres() {
        return postgres(POOL_SIZE);
    }

    /** As {@link #postgres()}, with {@code poolSize} connections per node. */
    static ChaosDatabase postgres(int poolSize) {
        String url = PostgresDatabase.create();
        String admin = System.getenv().getOrDefault("LEDGER_TEST_PG_URL", "");
        if (admin.isBlank()) {
            admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        }
        return new ChaosDatabase(url.substring(url.lastIndexOf('/') + 1), url, PostgresDatabase.user(),
                PostgresDatabase.password(), Map.of("LEDGER_DB_URL", url, "LEDGER_DB_USER", PostgresDatabase.user(),
                        "LEDGER_DB_PASSWORD", PostgresDatabase.password(),
                        "LEDGER_DB_POOL_SIZE", Integer.toString(poolSize)), admin);
    }

    /**
     * The embedded default, exactly as an operator gets it: no database setting at all, so the node
     * opens {@code ./data/ledger} under its working directory {@code nodeDir}.
     */
    static ChaosDatabase embedded(Path nodeDir) {
        return new ChaosDatabase("embedded H2 file", "jdbc:h2:file:" + nodeDir.toAbsolutePath().resolve("data/ledger")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", Map.of(), null);
    }

    boolean shared() {
        return adminUrl != null;
    }

    /** Requires the embedded database's node to be stopped: H2 locks its file. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(checkUrl, user, password);
    }

    /** Terminates every session on this PostgreSQL database (from outside it); answers how many. */
    int terminateConnections() throws SQLException {
        if (adminUrl == null) {
            throw new IllegalStateException("the embedded database has no connections to terminate");
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             PreparedStatement s = c.prepareStatement("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = ? AND pid <> pg_backend_pid()")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
