package uk.gov.accessledger.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for this test JVM, created on the server at
 * {@code LEDGER_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user
 * {@code LEDGER_TEST_PG_USER}, default postgres) and dropped at exit. Never shared with a demo.
 * Under CI ({@code CI=true}) an unreachable server fails the tests; elsewhere they are skipped
 * with a message saying why.
 */
public final class PostgresDatabase {

    /** How long a drop at exit waits for the test contexts to close their connections. */
    private static final Duration DROP_PATIENCE = Duration.ofSeconds(15);
    /** PostgreSQL's "object_in_use": the database has other sessions. */
    private static final String OBJECT_IN_USE = "55006";

    private static String url;

    private PostgresDatabase() {
    }

    /**
     * The database shared by tests that do not care who else writes to it. Tests that check the
     * whole log use {@link #create()}: every application context runs a sequencer, and two
     * contexts with different signing keys must not share one log.
     */
    public static synchronized String url() {
        if (url == null) {
            url = create();
        }
        return url;
    }

    /** A new, empty database, dropped when the test JVM exits. */
    public static synchronized String create() {
        String admin = env("LEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, user(), password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("couldn't create a PostgreSQL test database at " + admin
                        + " (CI=true, so PostgreSQL tests may not be skipped): " + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + admin + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(admin, name)));
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }

    public static String user() {
        return env("LEDGER_TEST_PG_USER", "postgres");
    }

    public static String password() {
        return env("LEDGER_TEST_PG_PASSWORD", "");
    }

    /**
     * Drops the database once nothing uses it. Spring closes its cached test contexts in shutdown
     * hooks that run beside this one; dropping their database under them would leave each context's
     * log sequencer retrying against a database that is gone, and its stop waiting for that (10 s a
     * context, long enough for Surefire to kill the fork). So it waits for them a while, then forces.
     */
    private static void drop(String admin, String name) {
        Instant forceAt = Instant.now().plus(DROP_PATIENCE);
        try (Connection c = DriverManager.getConnection(admin, user(), password());
             Statement s = c.createStatement()) {
            while (true) {
                boolean force = Instant.now().isAfter(forceAt);
                try {
                    s.execute("DROP DATABASE IF EXISTS " + name + (force ? " WITH (FORCE)" : ""));
                    return;
                } catch (SQLException e) {
                    if (force || !OBJECT_IN_USE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            System.err.println("couldn't drop test database " + name + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
