package uk.gov.accessledger.api.history;

import java.util.List;

/** A page of entries, newest first; {@code next} is the cursor of the following page, or null. */
public record EntryPage(List<EntryView> entries, String next) {
}
