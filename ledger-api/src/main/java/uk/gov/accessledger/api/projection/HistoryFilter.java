package uk.gov.accessledger.api.projection;

import java.time.Instant;

/** Optional filters on a list of entries; null means "any". {@code to} is exclusive. */
public record HistoryFilter(String organisation, String purpose, String action, String kind,
                            Instant from, Instant to) {

    public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null, null);
}
