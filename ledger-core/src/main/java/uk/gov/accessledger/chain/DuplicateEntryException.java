package uk.gov.accessledger.chain;

import java.util.UUID;

/** The subject's chain already holds an entry with this id. */
public final class DuplicateEntryException extends RuntimeException {

    private final UUID entryId;

    DuplicateEntryException(UUID entryId) {
        super("couldn't record entry " + entryId + ": the subject's chain already holds it");
        this.entryId = entryId;
    }

    public UUID entryId() {
        return entryId;
    }
}
