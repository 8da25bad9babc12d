package uk.gov.accessledger.api.config;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon which failed appends were a unique-key violation, so that another writer taking a
 * chain position becomes Axon's {@code ConcurrencyException} rather than an
 * {@code EventStoreException}. Axon's own {@code JdbcSQLErrorCodesResolver} looks only for
 * {@link SQLIntegrityConstraintViolationException}, which H2 throws and PostgreSQL's driver does
 * not: PostgreSQL reports SQLState 23505 on a plain {@code PSQLException}, and on a JDBC batch on
 * the {@code BatchUpdateException}'s next exception.
 */
public final class UniqueKeyViolations implements PersistenceExceptionResolver {

    /** SQL:2011 SQLState "unique_violation", used by PostgreSQL and H2 alike. */
    static final String SQLSTATE_UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return causedByUniqueViolation(exception);
    }

    /** Whether {@code e}, its causes or their chained SQL exceptions report a unique-key violation. */
    public static boolean causedByUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (SQLSTATE_UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
