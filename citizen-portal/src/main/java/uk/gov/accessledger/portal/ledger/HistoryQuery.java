package uk.gov.accessledger.portal.ledger;

import java.time.LocalDate;

/** Filters of {@code GET /api/v1/me/entries}; null means "any". */
public record HistoryQuery(String organisation, String purpose, String kind, LocalDate from, LocalDate to,
                           String cursor, int limit) {
}
