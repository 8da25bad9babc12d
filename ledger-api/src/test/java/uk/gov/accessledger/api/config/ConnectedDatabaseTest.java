package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.Driver;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import uk.gov.accessledger.api.support.PostgresDatabase;

/** What real databases report through their drivers, and which of them count as embedded H2. */
class ConnectedDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void anH2DatabaseInMemoryOrInAFileOfThisProcessIsEmbedded() {
        String memory = "jdbc:h2:mem:embedded-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
        String file = "jdbc:h2:file:" + temp.resolve("ledger") + ";MODE=PostgreSQL";

        assertThat(connect(memory).remote()).isFalse();
        assertThat(connect(memory).isEmbeddedH2(memory)).isTrue();
        assertThat(connect(file).isEmbeddedH2(file)).isTrue();
        assertThat(connect(file).toString()).isEqualTo("H2 at jdbc:h2:file:" + temp.resolve("ledger"));
    }

    @Test
    void anH2ServerIsNotEmbeddedThoughItsUrlStartsWithJdbcH2() throws SQLException {
        // Loopback only: without -tcpAllowOthers the server refuses any other address.
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/mem:served-" + UUID.randomUUID();
            ConnectedDatabase database = connect(url);

            assertThat(database.productName()).isEqualTo("H2");
            assertThat(database.remote()).isTrue();
            assertThat(database.isEmbeddedH2(url)).isFalse();
            // A server that reports a file URL (as AUTO_SERVER's second process sees it) is still remote.
            assertThat(new ConnectedDatabase("H2", "jdbc:h2:file:./data/ledger", true).isEmbeddedH2(null)).isFalse();
        } finally {
            server.stop();
        }
    }

    @Test
    void anH2FileThatServesOtherProcessesIsNotEmbedded() {
        String url = "jdbc:h2:file:" + temp.resolve("shared") + ";AUTO_SERVER=TRUE";
        ConnectedDatabase database = connect(url);

        assertThat(database.url()).as("H2 reports the URL without its settings").doesNotContain("AUTO_SERVER");
        assertThat(database.isEmbeddedH2(url)).isFalse();
        assertThat(database.isEmbeddedH2(url.replace(";AUTO_SERVER=TRUE", ";auto_server = true"))).isFalse();
    }

    @Test
    void anH2FileServedByAnotherProcessIsRemoteThoughItsUrlSaysFile() throws Exception {
        String url = "jdbc:h2:file:" + temp.resolve("held") + ";AUTO_SERVER=TRUE";
        String h2 = Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        // Another process opens the file first and serves it, on loopback only (h2.bindAddress).
        Process holder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-Dh2.bindAddress=127.0.0.1", "-cp", h2, "org.h2.tools.Shell", "-url", url, "-user", "sa",
                "-password", "").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            while (line != null && !line.contains("Welcome")) { // the shell greets once it is connected
                line = out.readLine();
            }
            assertThat(line).as("the holder's greeting").isNotNull();

            ConnectedDatabase database = connect(url);

            assertThat(database.url()).startsWith("jdbc:h2:file:");
            assertThat(database.remote()).isTrue();
            assertThat(database.isEmbeddedH2(url.replace(";AUTO_SERVER=TRUE", ""))).isFalse();
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }

    @Test
    void postgreSqlIsNotEmbeddedEvenWhenTheConfiguredUrlClaimsToBeH2() {
        DriverManagerDataSource postgres = new DriverManagerDataSource(PostgresDatabase.url(), PostgresDatabase.user(),
                PostgresDatabase.password());
        ConnectedDatabase database = ConnectedDatabase.of(postgres);

        assertThat(database.productName()).isEqualTo("PostgreSQL");
        assertThat(database.isEmbeddedH2("jdbc:h2:mem:demo")).isFalse();
    }

    @Test
    void describesADatabaseWithoutItsCredentialsOrParameters() {
        assertThat(new ConnectedDatabase("PostgreSQL", "jdbc:postgresql://ledger:secret@db:5432/ledger?password=x", false))
                .hasToString("PostgreSQL at jdbc:postgresql://***@db:5432/ledger");
    }

    private static ConnectedDatabase connect(String url) {
        return ConnectedDatabase.of(new DriverManagerDataSource(url, "sa", ""));
    }
}
