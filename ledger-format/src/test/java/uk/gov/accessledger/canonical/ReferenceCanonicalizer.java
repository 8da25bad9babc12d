package uk.gov.accessledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plain recursive RFC 8785 writer used only by tests: builds a String with a TreeMap for the
 * property order and {@link ReferenceNumberFormatter} for numbers, written straight from the
 * RFC's rules without any of the production code's buffering.
 */
final class ReferenceCanonicalizer {

    private ReferenceCanonicalizer() {
    }

    static String canonicalize(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(property -> sorted.put(property.getKey(), property.getValue()));
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> property : sorted.entrySet()) {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(string(property.getKey())).append(':').append(canonicalize(property.getValue()));
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < node.size(); i++) {
                out.append(i > 0 ? "," : "").append(canonicalize(node.get(i)));
            }
            return out.append(']').toString();
        }
        if (node.isTextual()) {
            return string(node.textValue());
        }
        if (node.isNumber()) {
            return ReferenceNumberFormatter.format(
                    node.isBigDecimal() || node.isBigInteger() ? Double.parseDouble(node.asText()) : node.doubleValue());
        }
        if (node.isBoolean() || node.isNull()) {
            return node.asText();
        }
        throw new IllegalArgumentException("requires JSON data, got " + node.getNodeType());
    }

    /** RFC 8785 section 3.2.2.2. */
    private static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return out.append('"').toString();
    }
}
