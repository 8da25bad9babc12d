package uk.gov.accessledger.api.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.List;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure that says the database is away or dropped the connection, not that the
 * request or the code is wrong: the request can succeed later, so the client is told to retry
 * (503 with Retry-After) rather than given a 500. Nothing is acknowledged for such a request, as a
 * receipt is signed only after its transaction committed; if the connection was lost during the
 * commit, the client's retry with the same ids finds what was committed and gets its receipt.
 */
public final class DatabaseFaults {

    /** How long a client waits before retrying: long enough for Hikari to open new connections. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private DatabaseFaults() {
    }

    /**
     * Whether {@code e} or one of its causes is a lost or refused database connection, or a
     * transaction the database could not commit or roll back.
     */
    public static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && lostConnection(sql.getSQLState())) {
                return true;
            }
            // The database could not complete a commit or rollback: the commit on a terminated
            // connection failed, then the rollback found the pooled connection closed (no SQLState),
            // and Spring threw the latter, having only logged the former. Whether it committed is
            // unknown; a retry with the same ids finds out.
            if (t instanceof TransactionSystemException) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem for such a failure. */
    public static ProblemException problem() {
        return new ProblemException(ProblemType.DATABASE_UNAVAILABLE,
                "the ledger's database is unavailable; no receipt was given: retry with the same entry ids", List.of(),
                RETRY_AFTER);
    }

    /**
     * SQLState class 08 "connection exception"; PostgreSQL's 57P01 admin_shutdown (a terminated
     * backend), 57P02 crash_shutdown and 57P03 cannot_connect_now; H2's 90067 "connection broken",
     * 90098 "database closed" and 90121 "database called at shutdown".
     */
    private static boolean lostConnection(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0")
                || sqlState.equals("90067") || sqlState.equals("90098") || sqlState.equals("90121"));
    }
}
