package uk.gov.accessledger.api.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.gov.accessledger.api.ingest.TextCharacters;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.projection.HistoryFilter;
import uk.gov.accessledger.api.web.WholeNumbers;
import uk.gov.accessledger.chain.EntryTimes;

/** Parses list query parameters, naming any that are wrong. */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final Set<String> FILTERS = Set.of("organisation", "purpose", "action", "kind", "from", "to");
    private static final Set<String> KNOWN = union(FILTERS, "cursor", "limit");
    private static final Set<String> KNOWN_FOR_STREAM = union(FILTERS, "after");

    record ListQuery(HistoryFilter filter, Long cursor, int limit) {
    }

    /** A stream's filter and where it starts: after {@code after}, or after the newest entry when null. */
    record StreamQuery(HistoryFilter filter, Long after) {
    }

    private QueryParameters() {
    }

    static ListQuery parse(Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        unknown(params, KNOWN, errors);
        HistoryFilter filter = filter(params, errors);
        int limit = DEFAULT_LIMIT;
        if (params.containsKey("limit")) {
            try {
                long asked = WholeNumbers.parse(params.get("limit"));
                limit = (int) Math.min(asked, Integer.MAX_VALUE);
                if (asked < 1 || asked > MAX_LIMIT) {
                    errors.add(FieldError.parameter("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                errors.add(FieldError.parameter("limit", "must be a whole number"));
            }
        }
        Long cursor = null;
        if (params.containsKey("cursor")) {
            try {
                cursor = decodeCursor(params.get("cursor"));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.parameter("cursor", "is not a cursor this API gave out"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ListQuery(filter, cursor, limit);
    }

    /**
     * The parameters of a stream: the list's filters, and {@code after}, the seq of the last entry
     * the client already has (-1 for "from the first"). {@code lastEventId}, the SSE
     * {@code Last-Event-ID} header a reconnecting client sends, wins over {@code after}.
     */
    static StreamQuery parseStream(Map<String, String> params, String lastEventId) {
        List<FieldError> errors = new ArrayList<>();
        unknown(params, KNOWN_FOR_STREAM, errors);
        HistoryFilter filter = filter(params, errors);
        Long after = seq(params.get("after"), FieldError.parameter("after",
                "must be the seq of an entry you have, or -1"), errors);
        Long lastEvent = seq(lastEventId, FieldError.parameter("Last-Event-ID",
                "header must be the id of an event this stream sent"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new StreamQuery(filter, lastEvent != null ? lastEvent : after);
    }

    private static Long seq(String value, FieldError ifInvalid, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.strip());
            if (seq >= -1) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(ifInvalid);
        return null;
    }

    private static void unknown(Map<String, String> params, Set<String> known, List<FieldError> errors) {
        params.keySet().stream().filter(k -> !known.contains(k)).sorted()
                .forEach(k -> errors.add(FieldError.parameter(k, "is not a known parameter")));
    }

    private static HistoryFilter filter(Map<String, String> params, List<FieldError> errors) {
        Instant from = day(params, "from", errors);
        Instant to = day(params, "to", errors);
        if (to != null) {
            to = to.plusSeconds(86_400); // "to" names the last day included
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(FieldError.parameter("to", "must not be before from"));
        }
        return HistoryFilter.of(text(params, "organisation", errors), text(params, "purpose", errors),
                text(params, "action", errors), text(params, "kind", errors), from, to);
    }

    /**
     * A text filter, null when absent or blank. No code holds a control character or an unpaired
     * surrogate, and PostgreSQL cannot even compare a text holding U+0000, so such a value is
     * refused rather than sent to the database.
     */
    private static String text(Map<String, String> params, String name, List<FieldError> errors) {
        String value = blankToNull(params.get(name));
        String problem = value == null ? null : TextCharacters.problem(value, false);
        if (problem != null) {
            errors.add(FieldError.parameter(name, problem));
            return null;
        }
        return value;
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static Instant day(Map<String, String> params, String name, List<FieldError> errors) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        Optional<LocalDate> day = EntryTimes.parseDate(value).filter(EntryTimes::inRange);
        if (day.isEmpty()) {
            errors.add(FieldError.parameter(name, "must be a date from " + EntryTimes.EARLIEST_DATE + " to "
                    + EntryTimes.LATEST_DATE + ", such as 2026-11-25"));
            return null;
        }
        return day.get().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Cursors are opaque to clients: base64url of "c1:" and a position. */
    static String encodeCursor(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("c1:" + position).getBytes(StandardCharsets.US_ASCII));
    }

    static long decodeCursor(String cursor) {
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        if (!decoded.startsWith("c1:")) {
            throw new IllegalArgumentException("not a cursor");
        }
        long position = WholeNumbers.parse(decoded.substring(3));
        if (position < 0) {
            throw new IllegalArgumentException("not a cursor");
        }
        return position;
    }
}
