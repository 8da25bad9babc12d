package uk.gov.accessledger.api.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.web.TextCharacters;
import uk.gov.accessledger.chain.EntryIds;
import uk.gov.accessledger.chain.EntryTimes;

/**
 * Reads the fields of one JSON object, recording a {@link FieldError} (with its JSON Pointer) for
 * every field that is missing, of the wrong type or out of bounds, and for every unknown field.
 * Getters return null after recording an error, so one pass reports every problem at once.
 */
final class JsonFields {

    private final JsonNode object;
    private final String pointer;
    private final List<FieldError> errors;
    private final Set<String> read = new LinkedHashSet<>();

    JsonFields(JsonNode object, String pointer, List<FieldError> errors) {
        this.object = object;
        this.pointer = pointer;
        this.errors = errors;
    }

    String pointer(String field) {
        return pointer + "/" + field;
    }

    void error(String field, String detail) {
        errors.add(new FieldError(pointer(field), detail));
    }

    private JsonNode node(String field, boolean required) {
        read.add(field);
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        return node;
    }

    /** A single-line string: no control characters at all. */
    String text(String field, boolean required, int maxLength) {
        return string(field, required, maxLength, false);
    }

    /** Free text that may run over lines: line feed (U+000A) is its only control character. */
    String prose(String field, boolean required, int maxLength) {
        return string(field, required, maxLength, true);
    }

    private String string(String field, boolean required, int maxLength, boolean lines) {
        JsonNode node = node(field, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            error(field, "must be a string");
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            error(field, "must not be blank");
            return null;
        }
        if (value.length() > maxLength) {
            error(field, "must be at most " + maxLength + " characters");
            return null;
        }
        String wrong = TextCharacters.problem(value, lines);
        if (wrong != null) {
            error(field, wrong);
            return null;
        }
        return value;
    }

    String oneOf(String field, boolean required, List<String> allowed) {
        String value = text(field, required, 64);
        if (value != null && !allowed.contains(value)) {
            error(field, "must be one of " + String.join(", ", allowed));
            return null;
        }
        return value;
    }

    /** A UUID in the 8-4-4-4-12 form ({@link EntryIds#parse}); required unless {@code required} is false. */
    UUID uuid(String field, boolean required) {
        String value = text(field, required, 36);
        if (value == null) {
            return null;
        }
        Optional<UUID> uuid = EntryIds.parse(value);
        if (uuid.isEmpty()) {
            error(field, "must be a UUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301");
            return null;
        }
        return uuid.get();
    }

    UUID uuid(String field) {
        return uuid(field, true);
    }

    /**
     * An instant in the one form of {@link EntryTimes#parseInstant}, in [{@code earliest},
     * {@code latest}].
     */
    Instant instant(String field, boolean required, Instant earliest, Instant latest) {
        String value = text(field, required, 40);
        if (value == null) {
            return null;
        }
        Optional<Instant> instant = EntryTimes.parseInstant(value);
        if (instant.isEmpty()) {
            error(field, "must be an RFC 3339 UTC timestamp such as 2026-11-25T09:30:00Z");
            return null;
        }
        if (instant.get().isBefore(earliest)) {
            error(field, "must not be before " + earliest);
            return null;
        }
        if (instant.get().isAfter(latest)) {
            error(field, "must not be in the future (after " + latest + ")");
            return null;
        }
        return instant.get();
    }

    /** An optional date in the one form of {@link EntryTimes#parseDate}, within {@link EntryTimes#inRange}. */
    LocalDate date(String field) {
        String value = text(field, false, 10);
        if (value == null) {
            return null;
        }
        Optional<LocalDate> date = EntryTimes.parseDate(value);
        if (date.isEmpty()) {
            error(field, "must be a date such as 2027-01-31");
            return null;
        }
        if (!EntryTimes.inRange(date.get())) {
            error(field, "must be from " + EntryTimes.EARLIEST_DATE + " to " + EntryTimes.LATEST_DATE);
            return null;
        }
        return date.get();
    }

    boolean bool(String field) {
        JsonNode node = node(field, false);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            error(field, "must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    List<String> texts(String field, int maxItems) {
        JsonNode node = node(field, true);
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            error(field, "must be a non-empty array of strings");
            return null;
        }
        if (node.size() > maxItems) {
            error(field, "must have at most " + maxItems + " items");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                errors.add(new FieldError(pointer(field) + "/" + i, "must be a non-blank string"));
                return null;
            }
            String wrong = TextCharacters.problem(item.textValue(), false);
            if (wrong != null) {
                errors.add(new FieldError(pointer(field) + "/" + i, wrong));
                return null;
            }
            if (values.contains(item.textValue())) {
                errors.add(new FieldError(pointer(field) + "/" + i, "repeats " + item.textValue()));
                return null;
            }
            values.add(item.textValue());
        }
        return values;
    }

    JsonFields object(String field) {
        JsonNode node = node(field, true);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            error(field, "must be an object");
            return null;
        }
        return new JsonFields(node, pointer(field), errors);
    }

    /** Records an error for every field that was present but never read. Call last. */
    void rejectUnknown() {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                errors.add(new FieldError(FieldError.pointer(pointer, name), "is not a known field"));
            }
        }
    }
}
