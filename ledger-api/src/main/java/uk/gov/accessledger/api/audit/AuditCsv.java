package uk.gov.accessledger.api.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uk.gov.accessledger.bundle.EntryCsvRow;
import uk.gov.accessledger.chain.EntryKind;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.reference.LocalisedText;
import uk.gov.accessledger.reference.ReferenceData;

/**
 * The CSV row of an entry (docs/export-bundle.md), with plain-English text beside every code so
 * a regulator can read it in a spreadsheet. The format itself is ledger-format's
 * {@link EntryCsvRow}, shared with export bundles.
 *
 * <p>Every cell comes from the entry's canonical bytes, read as a stream of JSON tokens: an
 * export reads millions of entries, and a tree of each would cost more than the rest of the row.
 */
final class AuditCsv {

    private static final JsonFactory JSON = new JsonFactory();

    private final ReferenceData reference;

    AuditCsv(ReferenceData reference) {
        this.reference = reference;
    }

    /** The row of the entry whose canonical JSON is {@code canonical}. */
    EntryCsvRow row(byte[] canonical) {
        Fields f = new Fields();
        try (JsonParser json = JSON.createParser(canonical)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("a canonical entry is a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                f.read(json.currentName(), json);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant recordedAt = instant(f.recordedAt);
        // As the projection's happened_at column: when the access or decision happened, else when recorded.
        Optional<EntryKind> kind = EntryKind.of(f.kind);
        String happenedAt = kind.isEmpty() ? f.recordedAt : switch (kind.get()) {
            case ACCESS -> f.occurredAt;
            case SHARING_DECISION -> f.decidedAt;
            case CORRECTION, CONCERN -> f.recordedAt;
        };
        return new EntryCsvRow(f.id, f.kind, recordedAt, instant(happenedAt),
                f.organisation, label(f.organisation, c -> reference.organisation(c).map(o -> o.name())),
                f.service, label(f.service, c -> reference.service(c).map(s -> s.name())),
                f.staffRole,
                f.action, label(f.action, c -> reference.action(c).map(a -> a.pastTense())),
                f.purpose, label(f.purpose, c -> reference.purpose(c).map(p -> p.description())),
                f.legalBasis, label(f.legalBasis, c -> reference.legalBasis(c).map(l -> l.label())),
                f.dataCategories, f.emergency, f.policyExceptions, f.subject, f.seq);
    }

    private static Instant instant(String text) {
        return text == null ? null : EntryInstants.parse(text);
    }

    private static String label(String code, Function<String, Optional<LocalisedText>> lookup) {
        return code == null ? null : lookup.apply(code).map(LocalisedText::en).orElse(null);
    }

    /** The top-level fields a row needs; any other field, and any value of an unexpected type, is skipped. */
    private static final class Fields {
        String id;
        String kind;
        String recordedAt;
        String occurredAt;
        String decidedAt;
        String organisation;
        String service;
        String staffRole;
        String action;
        String purpose;
        String legalBasis;
        List<String> dataCategories;
        Boolean emergency;
        List<String> policyExceptions;
        String subject;
        long seq = -1;

        void read(String field, JsonParser json) throws IOException {
            JsonToken value = json.nextToken();
            switch (field) {
                case "id" -> id = text(json);
                case "kind" -> kind = text(json);
                case "recordedAt" -> recordedAt = text(json);
                case "occurredAt" -> occurredAt = text(json);
                case "decidedAt" -> decidedAt = text(json);
                case "organisation" -> organisation = text(json);
                case "service" -> service = text(json);
                case "staffRole" -> staffRole = text(json);
                case "action" -> action = text(json);
                case "purpose" -> purpose = text(json);
                case "legalBasis" -> legalBasis = text(json);
                case "subject" -> subject = text(json);
                case "dataCategories" -> dataCategories = strings(json);
                case "policyExceptions" -> policyExceptions = strings(json);
                case "emergency" -> emergency = value.isBoolean() ? value == JsonToken.VALUE_TRUE : null;
                case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? json.getLongValue() : -1;
                default -> json.skipChildren();
            }
        }

        private static String text(JsonParser json) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_STRING) {
                return json.getText();
            }
            json.skipChildren();
            return null;
        }

        private static List<String> strings(JsonParser json) throws IOException {
            List<String> values = new ArrayList<>();
            if (json.currentToken() != JsonToken.START_ARRAY) {
                json.skipChildren();
                return values;
            }
            while (json.nextToken() != JsonToken.END_ARRAY) {
                values.add(json.getText());
                json.skipChildren();
            }
            return values;
        }
    }
}
