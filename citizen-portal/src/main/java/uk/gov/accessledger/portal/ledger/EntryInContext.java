package uk.gov.accessledger.portal.ledger;

import java.util.List;
import java.util.UUID;

/**
 * One entry with its chain neighbours (either may be null) and the entries that refer to it, as
 * ledger-api serves it.
 */
public record EntryInContext(EntryView entry, Neighbour previous, Neighbour next, List<EntryView> referredBy) {

    /** A neighbour in the subject's chain; a withheld one shows only its link fields. */
    public record Neighbour(long seq, String leafHash, String prev, UUID id, boolean withheld) {
    }
}
