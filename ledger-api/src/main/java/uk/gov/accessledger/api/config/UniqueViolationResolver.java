package uk.gov.accessledger.api.config;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append failed on a unique key, so that it reports a chain conflict
 * (ConcurrencyException, or AggregateStreamCreationException for a chain's first event) instead
 * of a plain EventStoreException. Axon's JdbcSQLErrorCodesResolver only recognises
 * SQLIntegrityConstraintViolationException in the cause chain; a batched append fails with a
 * BatchUpdateException (PostgreSQL and H2 alike) that carries the violation as its next
 * exception, SQLSTATE 23505.
 */
final class UniqueViolationResolver implements PersistenceExceptionResolver {

    /** SQL:2016 / PostgreSQL / H2: unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && uniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean uniqueViolation(SQLException first) {
        for (SQLException e = first; e != null; e = e.getNextException()) {
            if (e instanceof SQLIntegrityConstraintViolationException || UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
            if (e.getNextException() == e) {
                return false;
            }
        }
        return false;
    }
}
