package uk.gov.accessledger.portal.ledger;

import java.util.List;

/** A page of a citizen's entries, newest first; {@code next} is the following page's cursor or null. */
public record EntryPage(List<EntryView> entries, String next) {
}
