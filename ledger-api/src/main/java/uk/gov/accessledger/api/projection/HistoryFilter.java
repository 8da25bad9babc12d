package uk.gov.accessledger.api.projection;

import java.time.Instant;

/**
 * Optional filters on a list of entries; null means "any". {@code from} is inclusive and
 * {@code to} exclusive, both compared with when the entry happened.
 */
public record HistoryFilter(String organisation, String service, String purpose, String legalBasis, String action,
                            String kind, Instant from, Instant to, Boolean policyException) {

    public static final HistoryFilter NONE = new HistoryFilter(null, null, null, null, null, null, null, null, null);

    /** The filters a citizen or an organisation may use on its own entries. */
    public static HistoryFilter of(String organisation, String purpose, String action, String kind, Instant from,
                                   Instant to) {
        return new HistoryFilter(organisation, null, purpose, null, action, kind, from, to, null);
    }
}
