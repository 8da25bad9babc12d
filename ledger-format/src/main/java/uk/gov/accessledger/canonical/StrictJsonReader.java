package uk.gov.accessledger.canonical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Parses UTF-8 JSON text (RFC 8259) into a Jackson tree, refusing what RFC 8785 cannot
 * canonicalize or what would make two readers see different values: ill-formed UTF-8, a byte
 * order mark, duplicate property names (I-JSON, RFC 7493 section 2.3), NaN and Infinity, numbers
 * beyond the double range, and anything after the value. Numbers become the nearest double as
 * RFC 8785 section 3.2.2.3 requires. Lone surrogates written as escapes are left for
 * {@link CanonicalWriter}, which refuses them wherever the tree came from.
 */
final class StrictJsonReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // Jackson's defaults already refuse comments, single quotes, leading zeros and raw control
    // characters in strings, and cap numbers at 1000 characters and strings at 20 million. NaN
    // and Infinity are let through the tokenizer so that decimal() can refuse them by name and
    // path. Interning is off because the keys come from outside.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(CanonicalWriter.MAX_NESTING_DEPTH)
                    .build())
            .build();

    private StrictJsonReader() {
    }

    /**
     * Requires {@code utf8} non-null. Throws {@link CanonicalJsonException} for malformed input
     * and {@link CanonicalizationFailure} for well-formed JSON that breaks a rule at a path.
     */
    static JsonNode read(byte[] utf8) {
        requireWellFormedText(utf8);
        try (JsonParser parser = JSON.createParser(utf8)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw malformed("no JSON value in the input");
            }
            JsonNode root = value(parser, first);
            requireNothingAfter(parser);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw malformed("invalid JSON" + (where == null ? "" : " at byte " + where.getByteOffset())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            // A byte array source fails only through JsonProcessingException.
            throw new UncheckedIOException(e);
        }
    }

    private static void requireNothingAfter(JsonParser parser) throws IOException {
        long end = parser.currentLocation().getByteOffset();
        JsonToken after;
        try {
            after = parser.nextToken();
        } catch (JsonProcessingException e) {
            after = JsonToken.NOT_AVAILABLE;
        }
        if (after != null) {
            throw malformed("trailing content after the JSON value at byte " + end);
        }
    }

    /**
     * Rejects ill-formed UTF-8, and also a byte order mark or a NUL byte: neither is ever valid
     * JSON from a canonicalizer's point of view, and Jackson would otherwise take them as hints
     * that the text is UTF-16 or UTF-32.
     */
    private static void requireWellFormedText(byte[] utf8) {
        int illFormed = WellFormedUtf8.firstIllFormed(utf8);
        if (illFormed >= 0) {
            throw malformed("invalid UTF-8 at byte " + illFormed);
        }
        if (utf8.length >= 3 && (utf8[0] & 0xFF) == 0xEF && (utf8[1] & 0xFF) == 0xBB && (utf8[2] & 0xFF) == 0xBF) {
            throw malformed("byte order mark at byte 0");
        }
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == 0) {
                throw malformed("NUL byte at byte " + i);
            }
        }
    }

    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> decimal(parser);
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw malformed("unexpected " + token + " at byte "
                    + parser.currentTokenLocation().getByteOffset());
        };
    }

    private static ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            if (object.has(name)) {
                throw new CanonicalizationFailure("duplicate key " + CanonicalizationFailure.quoted(name));
            }
            try {
                object.set(name, value(parser, parser.nextToken()));
            } catch (CanonicalizationFailure failure) {
                throw failure.under(name);
            }
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            try {
                array.add(value(parser, token));
            } catch (CanonicalizationFailure failure) {
                throw failure.under(array.size());
            }
        }
        return array;
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT, LONG -> NODES.numberNode(parser.getLongValue());
            // Parsing the digits rounds to the nearest double, as ECMAScript's JSON.parse does.
            default -> NODES.numberNode(finite(parser.getText()));
        };
    }

    private static JsonNode decimal(JsonParser parser) throws IOException {
        String literal = parser.getText();
        // A JSON number ends in a digit; NaN, Infinity and INF, which the factory lets through
        // only to be refused here with their path, do not.
        char last = literal.charAt(literal.length() - 1);
        if (last < '0' || last > '9') {
            throw new CanonicalizationFailure(literal + " is not a JSON number");
        }
        return NODES.numberNode(finite(literal));
    }

    private static double finite(String literal) {
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw new CanonicalizationFailure("number " + literal + " is beyond the IEEE 754 double range");
        }
        return value;
    }

    private static CanonicalJsonException malformed(String problem) {
        return new CanonicalJsonException(problem, null, "");
    }
}
