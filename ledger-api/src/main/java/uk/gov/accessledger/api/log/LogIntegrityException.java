package uk.gov.accessledger.api.log;

/**
 * The stored log does not match itself (a node is missing, or the tree rebuilt from stored nodes
 * has another root than the last checkpoint). This stops the sequencer: signing on top of a
 * damaged tree could produce a checkpoint inconsistent with an earlier one.
 */
final class LogIntegrityException extends RuntimeException {

    LogIntegrityException(String message) {
        super(message);
    }
}
