package uk.gov.accessledger.api.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.chain.EntryTimes;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * The filters of an audit query; null means "any". {@code from} and {@code to} are days,
 * inclusive, compared with when the entry happened. {@link #asQuery()} gives the filters as
 * given, for export manifests.
 */
record AuditFilter(String organisation, String service, String purpose, String legalBasis, String action,
                   String kind, LocalDate from, LocalDate to, Boolean policyException) {

    static final Set<String> PARAMETERS = Set.of("organisation", "service", "purpose", "legalBasis", "action",
            "kind", "from", "to", "policyException");

    /** Parses the filters, naming every parameter that is unknown or wrong. */
    static AuditFilter parse(Map<String, String> params, Set<String> alsoAllowed, ReferenceData reference) {
        List<FieldError> errors = new ArrayList<>();
        params.keySet().stream().filter(k -> !PARAMETERS.contains(k) && !alsoAllowed.contains(k)).sorted()
                .forEach(k -> errors.add(FieldError.parameter(k, "is not a known parameter")));
        String organisation = code(params, "organisation", reference::organisation, errors);
        String service = code(params, "service", reference::service, errors);
        String purpose = code(params, "purpose", reference::purpose, errors);
        String legalBasis = code(params, "legalBasis", reference::legalBasis, errors);
        String action = code(params, "action", reference::action, errors);
        String kind = params.get("kind");
        if (kind != null && !List.of("access", "sharing-decision", "correction", "concern").contains(kind)) {
            errors.add(FieldError.parameter("kind", "must be access, sharing-decision, correction or concern"));
            kind = null;
        }
        LocalDate from = day(params, "from", errors);
        LocalDate to = day(params, "to", errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(FieldError.parameter("to", "must not be before from"));
        }
        Boolean policyException = null;
        String flag = params.get("policyException");
        if (flag != null) {
            if (!flag.equals("true") && !flag.equals("false")) {
                errors.add(FieldError.parameter("policyException", "must be true or false"));
            } else {
                policyException = Boolean.valueOf(flag);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new AuditFilter(organisation, service, purpose, legalBasis, action, kind, from, to, policyException);
    }

    Instant fromInstant() {
        return from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant toInstantExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The filters that were given, by parameter name, in a fixed order. */
    Map<String, String> asQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "organisation", organisation);
        put(query, "service", service);
        put(query, "purpose", purpose);
        put(query, "legalBasis", legalBasis);
        put(query, "action", action);
        put(query, "kind", kind);
        put(query, "from", from == null ? null : from.toString());
        put(query, "to", to == null ? null : to.toString());
        put(query, "policyException", policyException == null ? null : policyException.toString());
        return query;
    }

    private static void put(Map<String, String> query, String key, String value) {
        if (value != null) {
            query.put(key, value);
        }
    }

    private static String code(Map<String, String> params, String name, Function<String, Optional<?>> lookup,
                               List<FieldError> errors) {
        String value = params.get(name);
        if (value != null && lookup.apply(value).isEmpty()) {
            errors.add(FieldError.parameter(name, "is not a known code (see GET /api/v1/reference)"));
            return null;
        }
        return value;
    }

    private static LocalDate day(Map<String, String> params, String name, List<FieldError> errors) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        Optional<LocalDate> day = EntryTimes.parseDate(value).filter(EntryTimes::inRange);
        if (day.isEmpty()) {
            errors.add(FieldError.parameter(name, "must be a date from " + EntryTimes.EARLIEST_DATE + " to "
                    + EntryTimes.LATEST_DATE + ", such as 2026-11-25"));
            return null;
        }
        return day.get();
    }
}
