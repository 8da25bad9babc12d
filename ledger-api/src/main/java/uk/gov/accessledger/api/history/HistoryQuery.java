package uk.gov.accessledger.api.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import uk.gov.accessledger.api.projection.HistoryFilter;
import uk.gov.accessledger.api.web.QueryParameters;

/**
 * The queries of the entry lists and the citizen's stream, read with the shared
 * {@link QueryParameters}. Their filters are free text, and a filter left blank counts as left out.
 */
final class HistoryQuery {

    private static final Set<String> FILTERS = Set.of("organisation", "purpose", "action", "kind", "from", "to");
    private static final Set<String> STREAM = Set.of("after");

    record ListQuery(HistoryFilter filter, Long cursor, int limit) {
    }

    /** A stream's filter and where it starts: after {@code after}, or after the newest entry when null. */
    record StreamQuery(HistoryFilter filter, Long after) {
    }

    private HistoryQuery() {
    }

    static ListQuery parse(Map<String, String> params) {
        QueryParameters query = QueryParameters.of(params, FILTERS, QueryParameters.PAGE).blankAsAbsent(FILTERS);
        HistoryFilter filter = filter(query);
        int limit = query.limit();
        Long cursor = query.cursor();
        query.check();
        return new ListQuery(filter, cursor, limit);
    }

    /**
     * The parameters of a stream: the list's filters, and {@code after}, the seq of the last entry
     * the client already has (-1 for "from the first"). {@code lastEventId}, the SSE
     * {@code Last-Event-ID} header a reconnecting client sends, wins over {@code after}.
     */
    static StreamQuery parseStream(Map<String, String> params, String lastEventId) {
        QueryParameters query = QueryParameters.of(params, FILTERS, STREAM).blankAsAbsent(FILTERS);
        HistoryFilter filter = filter(query);
        Long after = seq(params.get("after"), query, "after", "must be the seq of an entry you have, or -1");
        Long lastEvent = seq(lastEventId, query, "Last-Event-ID", "header must be the id of an event this stream sent");
        query.check();
        return new StreamQuery(filter, lastEvent != null ? lastEvent : after);
    }

    /** A position in the subject's chain, -1 or more; null when absent or blank. */
    private static Long seq(String value, QueryParameters query, String name, String problem) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.strip());
            if (seq >= -1) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        query.reject(name, problem);
        return null;
    }

    private static HistoryFilter filter(QueryParameters query) {
        LocalDate from = query.day("from");
        LocalDate to = query.day("to");
        query.dayRange(from, to);
        return HistoryFilter.of(query.text("organisation"), query.text("purpose"), query.text("action"),
                query.text("kind"), startOf(from), to == null ? null : startOf(to.plusDays(1)));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}
