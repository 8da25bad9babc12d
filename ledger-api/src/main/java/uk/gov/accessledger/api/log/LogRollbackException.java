package uk.gov.accessledger.api.log;

/**
 * The database's tree does not extend the newest checkpoint this node has seen committed (kept in
 * its {@link LastCheckpointFile}): the database was restored from an old backup or rolled back.
 * Signing on top of it would contradict a checkpoint clients may hold; a person must decide
 * (docs/operations.md, "Recovery when a node refuses to sign").
 */
final class LogRollbackException extends LogIntegrityException {

    private final LastCheckpointFile.Mark published;
    private final long databaseSize;

    LogRollbackException(LastCheckpointFile.Mark published, long databaseSize, String message) {
        super(message);
        this.published = published;
        this.databaseSize = databaseSize;
    }

    /** The checkpoint this node saw committed, which the database's tree should extend. */
    LastCheckpointFile.Mark published() {
        return published;
    }

    /** The size of the database's tree. */
    long databaseSize() {
        return databaseSize;
    }
}
