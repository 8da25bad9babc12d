package uk.gov.accessledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.bundle.EntryCsvRow;
import uk.gov.accessledger.reference.LocalisedText;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * The CSV row of an entry (docs/export-bundle.md), with plain-English text beside every code so
 * a regulator can read it in a spreadsheet. The format itself is ledger-core's
 * {@link EntryCsvRow}, shared with export bundles.
 */
final class AuditCsv {

    private final ReferenceData reference;

    AuditCsv(ReferenceData reference) {
        this.reference = reference;
    }

    EntryCsvRow row(LedgerEntryRow row, JsonNode entry) {
        return new EntryCsvRow(row.entryId().toString(), row.kind(), row.recordedAt(), row.happenedAt(),
                text(entry, "organisation"),
                label(entry, "organisation", c -> reference.organisation(c).map(o -> o.name())),
                text(entry, "service"),
                label(entry, "service", c -> reference.service(c).map(s -> s.name())),
                text(entry, "staffRole"),
                text(entry, "action"),
                label(entry, "action", c -> reference.action(c).map(a -> a.pastTense())),
                text(entry, "purpose"),
                label(entry, "purpose", c -> reference.purpose(c).map(p -> p.description())),
                text(entry, "legalBasis"),
                label(entry, "legalBasis", c -> reference.legalBasis(c).map(l -> l.label())),
                strings(entry.path("dataCategories")),
                entry.has("emergency") ? entry.get("emergency").asBoolean() : null,
                strings(entry.path("policyExceptions")),
                row.subject(), row.seq());
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || !node.isTextual() ? null : node.textValue();
    }

    private static String label(JsonNode entry, String field, Function<String, Optional<LocalisedText>> lookup) {
        String code = text(entry, field);
        return code == null ? null : lookup.apply(code).map(LocalisedText::en).orElse(null);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
