package uk.gov.accessledger.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

/** Which database failures a client is told to retry (503) rather than given a 500. */
class DatabaseFaultsTest {

    @Test
    void anEmbeddedDatabaseClosingAtShutdownIsUnavailableNotAnInternalError() {
        // H2's 90121: a statement on a database its JVM shutdown hook is closing (what SIGTERM did).
        SQLException closing = new SQLException("Database is already closed", "90121", 90121);
        assertThat(DatabaseFaults.unavailable(new JdbcException("Failed to create a SQL statement", closing))).isTrue();
    }

    @Test
    void aCommitLostWithItsConnectionIsUnavailableThoughItsRollbackFailedToo() {
        // What pg_terminate_backend did to a group commit: the commit broke the pipe, then the
        // rollback found the pooled connection closed (no SQLState), and Spring threw the latter
        // (having only logged the commit's failure).
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseFaults.unavailable(rollbackFailed)).isTrue();
    }

    @Test
    void aConstraintViolationIsNotUnavailability() {
        assertThat(DatabaseFaults.unavailable(new SQLException("duplicate key", "23505"))).isFalse();
    }
}
