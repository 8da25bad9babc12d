package uk.gov.accessledger.api.config;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.engine.SessionRemote;
import org.h2.jdbc.JdbcConnection;

/**
 * The database a {@link DataSource} actually connects to, as its JDBC driver reports it: what
 * the start-up checks that keep demo credentials and the public demo pseudonym key away from real
 * data look at, rather than the configured URL's first characters.
 *
 * @param productName the driver's {@link DatabaseMetaData#getDatabaseProductName()}
 * @param url the driver's {@link DatabaseMetaData#getURL()}; H2 reports it without its settings
 * @param remote whether the connection is an H2 session with a server in another process (which
 *     a {@code jdbc:h2:file:} URL with {@code AUTO_SERVER} gives when another process has the file)
 */
public record ConnectedDatabase(String productName, String url, boolean remote) {

    /** Opens one connection of {@code dataSource} and reads what it is connected to. */
    public static ConnectedDatabase of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            boolean remote = connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionRemote;
            return new ConnectedDatabase(String.valueOf(metaData.getDatabaseProductName()),
                    String.valueOf(metaData.getURL()), remote);
        } catch (SQLException e) {
            throw new IllegalStateException("couldn't start: couldn't connect to the database: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the database is H2 inside this process (an H2 session that is not {@link #remote}),
     * in a file ({@code jdbc:h2:file:}) or in memory ({@code jdbc:h2:mem:}), which nothing outside
     * the process can reach: not an H2 server ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}), and
     * not one opened with {@code AUTO_SERVER}, which serves the file to other processes over TCP.
     * {@code configuredUrl} is the URL the application was given (null if none), read only for
     * its settings, since H2 does not report them.
     */
    public boolean isEmbeddedH2(String configuredUrl) {
        String settings = configuredUrl == null ? "" : configuredUrl.toUpperCase(Locale.ROOT).replace(" ", "");
        return "H2".equals(productName) && !remote
                && (url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:"))
                && !settings.contains(";AUTO_SERVER=TRUE");
    }

    /** The product and the URL up to its parameters, with any user name and password masked. */
    @Override
    public String toString() {
        String shown = url.replaceAll("//[^/@]*@", "//***@");
        int parameters = shown.indexOf('?');
        if (parameters >= 0) {
            shown = shown.substring(0, parameters);
        }
        int settings = shown.indexOf(';');
        return productName + " at " + (settings >= 0 ? shown.substring(0, settings) : shown);
    }
}
