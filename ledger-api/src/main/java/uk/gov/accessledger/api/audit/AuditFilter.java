package uk.gov.accessledger.api.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import uk.gov.accessledger.api.web.QueryParameters;
import uk.gov.accessledger.chain.EntryKind;
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

    /** "must be access, sharing-decision, correction or concern". */
    private static final String KIND_PROBLEM = "must be "
            + String.join(", ", EntryKind.CODES.subList(0, EntryKind.CODES.size() - 1)) + " or "
            + EntryKind.CODES.get(EntryKind.CODES.size() - 1);

    /**
     * Reads the filters from {@code query}, which names every one that is wrong; the caller
     * {@linkplain QueryParameters#check() checks} it once it has read any other parameters.
     */
    static AuditFilter read(QueryParameters query, ReferenceData reference) {
        String organisation = query.code("organisation", reference::organisation);
        String service = query.code("service", reference::service);
        String purpose = query.code("purpose", reference::purpose);
        String legalBasis = query.code("legalBasis", reference::legalBasis);
        String action = query.code("action", reference::action);
        String kind = query.oneOf("kind", EntryKind.CODES, KIND_PROBLEM);
        LocalDate from = query.day("from");
        LocalDate to = query.day("to");
        query.dayRange(from, to);
        Boolean policyException = query.flag("policyException");
        return new AuditFilter(organisation, service, purpose, legalBasis, action, kind, from, to, policyException);
    }

    /** Parses a query that holds only the filters, naming every parameter that is unknown or wrong. */
    static AuditFilter parse(Map<String, String> params, ReferenceData reference) {
        QueryParameters query = QueryParameters.of(params, PARAMETERS);
        AuditFilter filter = read(query, reference);
        query.check();
        return filter;
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
}
