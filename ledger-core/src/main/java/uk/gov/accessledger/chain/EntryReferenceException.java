package uk.gov.accessledger.chain;

import java.util.UUID;

/**
 * A correction or concern names an entry that is not in this subject's chain, or (for a
 * correction) was recorded by another organisation. Both cases answer alike so that the answer
 * does not reveal whether another organisation's entry exists.
 */
public final class EntryReferenceException extends RuntimeException {

    private final String field;

    EntryReferenceException(String field, UUID entryId) {
        super("couldn't find entry " + entryId + " that you may refer to for this subject");
        this.field = field;
    }

    /** The request field that names the entry ({@code corrects} or {@code about}). */
    public String field() {
        return field;
    }
}
