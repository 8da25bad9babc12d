package uk.gov.accessledger.api.history;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.projection.HistoryFilter;

/** Parses list query parameters, naming any that are wrong. */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private static final Set<String> KNOWN = Set.of("organisation", "purpose", "action", "kind", "from", "to",
            "cursor", "limit");

    record ListQuery(HistoryFilter filter, Long cursor, int limit) {
    }

    private QueryParameters() {
    }

    static ListQuery parse(Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        params.keySet().stream().filter(k -> !KNOWN.contains(k)).sorted()
                .forEach(k -> errors.add(FieldError.parameter(k, "is not a known parameter")));
        Instant from = day(params, "from", errors);
        Instant to = day(params, "to", errors);
        if (to != null) {
            to = to.plusSeconds(86_400); // "to" names the last day included
        }
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(FieldError.parameter("to", "must not be before from"));
        }
        int limit = DEFAULT_LIMIT;
        if (params.containsKey("limit")) {
            try {
                limit = Integer.parseInt(params.get("limit"));
                if (limit < 1 || limit > MAX_LIMIT) {
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
        HistoryFilter filter = HistoryFilter.of(blankToNull(params.get("organisation")),
                blankToNull(params.get("purpose")), blankToNull(params.get("action")),
                blankToNull(params.get("kind")), from, to);
        return new ListQuery(filter, cursor, limit);
    }

    private static Instant day(Map<String, String> params, String name, List<FieldError> errors) {
        String value = blankToNull(params.get(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.parameter(name, "must be a date such as 2026-11-25"));
            return null;
        }
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
        long position = Long.parseLong(decoded.substring(3));
        if (position < 0) {
            throw new IllegalArgumentException("not a cursor");
        }
        return position;
    }
}
