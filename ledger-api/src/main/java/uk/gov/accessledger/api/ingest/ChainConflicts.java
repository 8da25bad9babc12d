package uk.gov.accessledger.api.ingest;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import uk.gov.accessledger.api.config.UniqueKeyViolations;
import uk.gov.accessledger.chain.DuplicateEntryException;

/**
 * Recognises a write that lost a race with another writer, on this node or on another node of the
 * same database, and so can be retried once the chains are read again:
 * <ul>
 * <li>the event store's unique (chain, position) key: Axon's {@link ConcurrencyException}, or
 * {@link AggregateStreamCreationException} when both writers started a new chain;</li>
 * <li>the read model's unique keys (entry id, chain position), from the projection's JDBC
 * batch;</li>
 * <li>a chain that already holds the entry id ({@link DuplicateEntryException}): the other writer
 * recorded the same entry, and the retry answers with its receipt or a 409;</li>
 * <li>a row lock that timed out or a deadlock ({@link PessimisticLockingFailureException}, SQLState
 * class 40): on H2 a second insert of the same key waits for the first writer's transaction.</li>
 * </ul>
 */
final class ChainConflicts {

    /** The longest pause before a retry, so that eight attempts take well under a second. */
    private static final int MAX_BACK_OFF_MILLIS = 64;

    private ChainConflicts() {
    }

    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || t instanceof DuplicateEntryException || t instanceof DuplicateKeyException
                    || t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
        }
        return UniqueKeyViolations.causedByUniqueViolation(e);
    }

    /**
     * Waits a random time that grows with the attempt (1 ms, up to 3 ms, up to 7 ms, ...), so
     * that writers that collided do not collide again in step.
     */
    static void backOff(int attempt) {
        int bound = Math.min(MAX_BACK_OFF_MILLIS, (1 << attempt) - 1);
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextInt(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
