package uk.gov.accessledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.reference.LocalisedText;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * One CSV row per entry, RFC 4180, with plain-English text beside every code so a regulator can
 * read it in a spreadsheet. The columns are those of docs/export-bundle.md.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("leaf_index", "entry_id", "kind", "recorded_at", "happened_at",
            "organisation", "organisation_name", "service", "service_name", "staff_role", "action",
            "action_description", "purpose", "purpose_description", "legal_basis", "legal_basis_description",
            "data_categories", "emergency", "policy_exceptions", "subject", "seq", "leaf_hash");

    private final ReferenceData reference;

    AuditCsv(ReferenceData reference) {
        this.reference = reference;
    }

    static String header() {
        return line(HEADER);
    }

    String row(LedgerEntryRow row, JsonNode entry) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add(row.leafIndex() == null ? "" : row.leafIndex().toString());
        cells.add(row.entryId().toString());
        cells.add(row.kind());
        cells.add(CanonicalEntry.instant(row.recordedAt()));
        cells.add(CanonicalEntry.instant(row.happenedAt()));
        cells.add(text(entry, "organisation"));
        cells.add(label(entry, "organisation", c -> reference.organisation(c).map(o -> o.name())));
        cells.add(text(entry, "service"));
        cells.add(label(entry, "service", c -> reference.service(c).map(s -> s.name())));
        cells.add(text(entry, "staffRole"));
        cells.add(text(entry, "action"));
        cells.add(label(entry, "action", c -> reference.action(c).map(a -> a.pastTense())));
        cells.add(text(entry, "purpose"));
        cells.add(label(entry, "purpose", c -> reference.purpose(c).map(p -> p.description())));
        cells.add(text(entry, "legalBasis"));
        cells.add(label(entry, "legalBasis", c -> reference.legalBasis(c).map(l -> l.label())));
        cells.add(joined(entry.path("dataCategories")));
        cells.add(entry.path("emergency").asBoolean(false) ? "yes" : "no");
        cells.add(joined(entry.path("policyExceptions")));
        cells.add(row.subject());
        cells.add(Long.toString(row.seq()));
        cells.add(HexFormat.of().formatHex(row.leafHash()));
        return line(cells);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || !node.isTextual() ? "" : node.textValue();
    }

    private static String label(JsonNode entry, String field, Function<String, Optional<LocalisedText>> lookup) {
        String code = text(entry, field);
        return code.isEmpty() ? "" : lookup.apply(code).map(LocalisedText::en).orElse("");
    }

    private static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join("; ", values);
    }

    /** A CSV record ending in CRLF; a field is quoted when it holds a comma, quote, CR or LF. */
    static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0) {
                line.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                line.append(cell);
            }
        }
        return line.append("\r\n").toString();
    }
}
