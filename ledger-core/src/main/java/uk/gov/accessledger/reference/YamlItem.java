package uk.gov.accessledger.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One YAML mapping being read into a record: reads typed fields, reports each problem with the
 * file and the item's name, and remembers which fields were read so it can reject unknown ones
 * (a misspelt {@code valid_to} must not silently make an agreement open-ended).
 *
 * <p>Every reader method returns null (or empty) when the field has a problem; callers build the
 * record only when {@link #finish()} says the item had none.
 */
final class YamlItem {

    private final ReferenceFile file;
    private final JsonNode node;
    private final ReferenceFileErrors problems;
    private final YamlItem root;
    private final String path;
    private final Set<String> readFields = new HashSet<>();
    private final List<YamlItem> children = new ArrayList<>();
    private String label;
    private int problemCount;

    private YamlItem(ReferenceFile file, JsonNode node, ReferenceFileErrors problems, YamlItem root, String path,
                     String label) {
        this.file = file;
        this.node = node;
        this.problems = problems;
        this.root = root == null ? this : root;
        this.path = path;
        this.label = label;
    }

    /** An item of a list, named by position until its code is read. */
    static YamlItem listItem(ReferenceFile file, int position, JsonNode node, ReferenceFileErrors problems) {
        return new YamlItem(file, node, problems, null, "", file.itemNoun() + " #" + position);
    }

    /** A whole file's top-level mapping; messages name only the file. */
    static YamlItem document(ReferenceFile file, JsonNode node, ReferenceFileErrors problems) {
        return new YamlItem(file, node, problems, null, "", null);
    }

    /** Reads the item's code; from here on messages name the item by it. */
    String code(CodePatterns.Shape shape) {
        String code = text("code");
        if (code != null) {
            root.label = file.itemNoun() + " '" + code + "'";
            if (!shape.matches(code)) {
                report("has a malformed code, want " + shape.want());
            }
        }
        return code;
    }

    /** A required, non-blank text field. */
    String text(String field) {
        JsonNode value = read(field);
        if (value == null) {
            report("is missing '" + path + field + "'");
            return null;
        }
        return textOf(field, value);
    }

    /** An optional, non-blank text field. */
    Optional<String> optionalText(String field) {
        JsonNode value = read(field);
        return value == null ? Optional.empty() : Optional.ofNullable(textOf(field, value));
    }

    /** A required text field holding a code of the given shape, such as a reference to another item. */
    String code(String field, CodePatterns.Shape shape) {
        String code = text(field);
        if (code != null && !shape.matches(code)) {
            report("has malformed '" + path + field + "' '" + code + "', want " + shape.want());
            return null;
        }
        return code;
    }

    /** Required text for people: a plain string (English) or a mapping with {@code en} and optional {@code cy}. */
    LocalisedText localised(String field) {
        JsonNode value = read(field);
        if (value == null) {
            report("is missing '" + path + field + "'");
            return null;
        }
        if (value.isObject()) {
            YamlItem text = child(field, value);
            String en = text.text("en");
            Optional<String> cy = text.optionalText(LocalisedText.WELSH);
            return en == null ? null : new LocalisedText(en, cy);
        }
        String en = textOf(field, value);
        return en == null ? null : LocalisedText.english(en);
    }

    /** A required, non-empty list of distinct codes of the given shape. */
    List<String> codes(String field, CodePatterns.Shape shape) {
        JsonNode value = read(field);
        if (value == null) {
            report("is missing '" + path + field + "'");
            return null;
        }
        if (!value.isArray()) {
            report("has '" + path + field + "' of type " + typeOf(value) + ", want a list");
            return null;
        }
        if (value.isEmpty()) {
            report("has an empty '" + path + field + "' list, want at least one entry");
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        boolean clean = true;
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                report("has an entry of type " + typeOf(element) + " in '" + path + field + "', want text");
                clean = false;
            } else if (!shape.matches(element.asText())) {
                report("has malformed '" + element.asText() + "' in '" + path + field + "', want " + shape.want());
                clean = false;
            } else if (!codes.add(element.asText())) {
                report("lists '" + element.asText() + "' more than once in '" + path + field + "'");
                clean = false;
            }
        }
        return clean ? List.copyOf(codes) : null;
    }

    /** A required ISO-8601 calendar date. */
    LocalDate date(String field) {
        return parseDate(field, text(field));
    }

    /** An optional ISO-8601 calendar date. */
    Optional<LocalDate> optionalDate(String field) {
        return optionalText(field).map(text -> parseDate(field, text));
    }

    /** A required {@code true} or {@code false}. */
    Boolean bool(String field) {
        JsonNode value = read(field);
        if (value == null) {
            report("is missing '" + path + field + "'");
            return null;
        }
        if (!value.isBoolean()) {
            report("has '" + path + field + "' of type " + typeOf(value) + ", want true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** A required https URL. */
    URI httpsUrl(String field) {
        return parseHttpsUrl(field, text(field));
    }

    /** An optional https URL. */
    Optional<URI> optionalHttpsUrl(String field) {
        return optionalText(field).map(text -> parseHttpsUrl(field, text));
    }

    /** A required code naming one value of an enum, looked up with {@code fromCode}. */
    <E> E choice(String field, Function<String, Optional<E>> fromCode, List<String> allowed) {
        String code = text(field);
        if (code == null) {
            return null;
        }
        Optional<E> value = fromCode.apply(code);
        if (value.isEmpty()) {
            report("has '" + path + field + "' '" + code + "', want one of: " + String.join(", ", allowed));
        }
        return value.orElse(null);
    }

    /** A required nested mapping, read field by field like this one. */
    YamlItem object(String field) {
        JsonNode value = read(field);
        if (value == null) {
            report("is missing '" + path + field + "'");
            return null;
        }
        if (!value.isObject()) {
            report("has '" + path + field + "' of type " + typeOf(value) + ", want a mapping");
            return null;
        }
        return child(field, value);
    }

    /** Reports a problem with this item. */
    void report(String message) {
        String name = root.label;
        problems.add(file, name == null ? message : name + " " + message);
        root.problemCount++;
    }

    /** Reports fields nobody read, here and in nested mappings; returns whether the item had no problems. */
    boolean finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!readFields.contains(name)) {
                report("has unknown field '" + path + name + "'");
            }
        }
        children.forEach(YamlItem::finish);
        return root.problemCount == 0;
    }

    static String typeOf(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "text";
            case NUMBER -> "number";
            case BOOLEAN -> "true/false";
            case ARRAY -> "list";
            case OBJECT -> "mapping";
            case NULL, MISSING -> "nothing";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private JsonNode read(String field) {
        readFields.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private YamlItem child(String field, JsonNode value) {
        YamlItem child = new YamlItem(file, value, problems, root, path + field + ".", null);
        children.add(child);
        return child;
    }

    private String textOf(String field, JsonNode value) {
        if (!value.isTextual()) {
            report("has '" + path + field + "' of type " + typeOf(value) + ", want text");
            return null;
        }
        if (value.asText().isBlank()) {
            report("has a blank '" + path + field + "'");
            return null;
        }
        return value.asText();
    }

    private LocalDate parseDate(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            report("has '" + path + field + "' '" + text + "', want a date like 2024-04-01");
            return null;
        }
    }

    private URI parseHttpsUrl(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            URI url = new URI(text);
            if ("https".equals(url.getScheme()) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL that is not https
        }
        report("has '" + path + field + "' '" + text + "', want an https URL");
        return null;
    }
}
