package uk.gov.accessledger.api.log;

/**
 * The stored log does not match itself (a node is missing, or the tree rebuilt from stored nodes
 * has another root than the last checkpoint), or does not extend a checkpoint already published
 * ({@link LogRollbackException}). This stops the sequencer: signing on top of such a tree could
 * produce a checkpoint inconsistent with an earlier one.
 */
sealed class LogIntegrityException extends RuntimeException permits LogRollbackException {

    LogIntegrityException(String message) {
        super(message);
    }
}
