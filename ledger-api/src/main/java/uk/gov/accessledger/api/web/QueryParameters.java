package uk.gov.accessledger.api.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.chain.EntryTimes;

/**
 * The one parser of query parameters (docs/api.md): read each parameter with the method for its
 * type, then {@link #check()}, which throws one 400 {@code invalid-request} problem naming every
 * parameter that is unknown or wrong. Each method answers null (or -1) for a parameter it named.
 * Not thread-safe: one per request.
 */
public final class QueryParameters {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** The parameters of a paged list: {@link #limit()} and {@link #cursor()}. */
    public static final Set<String> PAGE = Set.of("limit", "cursor");

    private final Map<String, String> params;
    private final List<FieldError> errors = new ArrayList<>();

    private QueryParameters(Map<String, String> params) {
        this.params = new HashMap<>(params);
    }

    /** Parameters that may hold any others: nothing is named for being unknown. */
    public static QueryParameters of(Map<String, String> params) {
        return new QueryParameters(params);
    }

    /** Names every parameter that none of {@code known} holds as "is not a known parameter". */
    @SafeVarargs
    public static QueryParameters of(Map<String, String> params, Set<String>... known) {
        Set<String> all = new HashSet<>();
        for (Set<String> names : known) {
            all.addAll(names);
        }
        QueryParameters parsed = new QueryParameters(params);
        params.keySet().stream().filter(k -> !all.contains(k)).sorted()
                .forEach(k -> parsed.reject(k, "is not a known parameter"));
        return parsed;
    }

    /**
     * Counts a blank value of any of {@code names} as left out, as a form sends a field left empty.
     * Call before reading them.
     */
    public QueryParameters blankAsAbsent(Set<String> names) {
        names.forEach(name -> {
            String value = params.get(name);
            if (value != null && value.isBlank()) {
                params.remove(name);
            }
        });
        return this;
    }

    /**
     * A free-text filter, null when absent. No code holds a control character or an unpaired
     * surrogate, and PostgreSQL cannot even compare a text holding U+0000, so such a value is
     * refused rather than sent to the database.
     */
    public String text(String name) {
        String value = params.get(name);
        String problem = value == null ? null : TextCharacters.problem(value, false);
        if (problem != null) {
            reject(name, problem);
            return null;
        }
        return value;
    }

    /** A code that {@code lookup} finds in the reference data, null when absent. */
    public String code(String name, Function<String, Optional<?>> lookup) {
        String value = params.get(name);
        if (value != null && lookup.apply(value).isEmpty()) {
            reject(name, "is not a known code (see GET /api/v1/reference)");
            return null;
        }
        return value;
    }

    /** One of {@code allowed}, null when absent; {@code problem} names the choices. */
    public String oneOf(String name, List<String> allowed, String problem) {
        String value = params.get(name);
        if (value != null && !allowed.contains(value)) {
            reject(name, problem);
            return null;
        }
        return value;
    }

    /** {@code true} or {@code false}, null when absent. */
    public Boolean flag(String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            reject(name, "must be true or false");
            return null;
        }
        return Boolean.valueOf(value);
    }

    /** A day within {@link EntryTimes}' bounds (docs/api.md, "Times and dates"), null when absent. */
    public LocalDate day(String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        Optional<LocalDate> day = EntryTimes.parseDate(value).filter(EntryTimes::inRange);
        if (day.isEmpty()) {
            reject(name, "must be a date from " + EntryTimes.EARLIEST_DATE + " to " + EntryTimes.LATEST_DATE
                    + ", such as 2026-11-25");
            return null;
        }
        return day.get();
    }

    /** The days {@code from} to {@code to}, inclusive: names {@code to} when it is before {@code from}. */
    public void dayRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            reject("to", "must not be before from");
        }
    }

    /** A required whole number ({@link WholeNumbers}); -1 when absent or not one. */
    public long wholeNumber(String name) {
        String value = params.get(name);
        if (value == null) {
            reject(name, "is required");
            return -1;
        }
        try {
            return WholeNumbers.parse(value);
        } catch (NumberFormatException e) {
            reject(name, "must be a whole number");
            return -1;
        }
    }

    /** How many entries a page holds: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    public int limit() {
        String value = params.get("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            long asked = WholeNumbers.parse(value);
            if (asked >= 1 && asked <= MAX_LIMIT) {
                return (int) asked;
            }
            reject("limit", "must be between 1 and " + MAX_LIMIT);
        } catch (NumberFormatException e) {
            reject("limit", "must be a whole number");
        }
        return DEFAULT_LIMIT;
    }

    /** The position of a {@link PageCursor} this API gave out, null when absent. */
    public Long cursor() {
        String value = params.get("cursor");
        if (value == null) {
            return null;
        }
        try {
            return PageCursor.decode(value);
        } catch (IllegalArgumentException e) {
            reject("cursor", "is not a cursor this API gave out");
            return null;
        }
    }

    /** Names {@code name} with {@code problem}; {@link #check()} then throws. */
    public void reject(String name, String problem) {
        errors.add(FieldError.parameter(name, problem));
    }

    /** Whether nothing has been named so far. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** Throws a 400 {@code invalid-request} problem naming every parameter named so far, if any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
