package uk.gov.accessledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;
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
            assertThat(database.isEmbeddedH2(url)).isFalse();
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
    void postgreSqlIsNotEmbeddedEvenWhenTheConfiguredUrlClaimsToBeH2() {
        DriverManagerDataSource postgres = new DriverManagerDataSource(PostgresDatabase.url(), PostgresDatabase.user(),
                PostgresDatabase.password());
        ConnectedDatabase database = ConnectedDatabase.of(postgres);

        assertThat(database.productName()).isEqualTo("PostgreSQL");
        assertThat(database.isEmbeddedH2("jdbc:h2:mem:demo")).isFalse();
    }

    @Test
    void describesADatabaseWithoutItsCredentialsOrParameters() {
        assertThat(new ConnectedDatabase("PostgreSQL", "jdbc:postgresql://ledger:secret@db:5432/ledger?password=x"))
                .hasToString("PostgreSQL at jdbc:postgresql://***@db:5432/ledger");
    }

    private static ConnectedDatabase connect(String url) {
        return ConnectedDatabase.of(new DriverManagerDataSource(url, "sa", ""));
    }
}
