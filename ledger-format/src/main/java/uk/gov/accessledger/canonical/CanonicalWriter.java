package uk.gov.accessledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes a Jackson tree as RFC 8785 canonical UTF-8 (section 3.2): no whitespace, properties
 * sorted by the UTF-16 code units of their names at every level, arrays in order, strings with
 * the minimal escapes of section 3.2.2.2, numbers as ECMAScript prints them (section 3.2.2.3).
 */
final class CanonicalWriter {

    /** Deepest nesting of arrays and objects accepted, the same limit the strict reader applies. */
    static final int MAX_NESTING_DEPTH = 1000;

    /** Integers up to 2^53 in magnitude are exact doubles and print as themselves. */
    private static final long IEEE754_BINARY64_MAX_EXACT_INTEGER = 1L << 53;

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private byte[] out = new byte[256];
    private int size;

    private CanonicalWriter() {
    }

    /** Requires {@code root} non-null; throws {@link CanonicalizationFailure} for what has no canonical form. */
    static byte[] write(JsonNode root) {
        CanonicalWriter writer = new CanonicalWriter();
        writer.value(root, 0);
        return Arrays.copyOf(writer.out, writer.size);
    }

    private void value(JsonNode node, int depth) {
        switch (node.getNodeType()) {
            case OBJECT -> object(node, depth + 1);
            case ARRAY -> array(node, depth + 1);
            case STRING -> string(node.textValue(), "string");
            case NUMBER -> number(node);
            case BOOLEAN -> raw(node.booleanValue() ? TRUE : FALSE);
            case NULL -> raw(NULL);
            // BINARY, POJO, MISSING, and anything a later Jackson adds.
            default -> throw new CanonicalizationFailure("a " + node.getNodeType() + " node is not JSON data");
        }
    }

    private void object(JsonNode node, int depth) {
        requireDepth(depth);
        String[] names = new String[node.size()];
        int count = 0;
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            names[count++] = property.getKey();
        }
        // String.compareTo orders by UTF-16 code units, which is exactly RFC 8785 section 3.2.3.
        Arrays.sort(names);
        byteOut('{');
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                byteOut(',');
            }
            String name = names[i];
            try {
                string(name, "property name");
            } catch (CanonicalizationFailure failure) {
                throw failure.under(name);
            }
            byteOut(':');
            try {
                value(node.get(name), depth);
            } catch (CanonicalizationFailure failure) {
                throw failure.under(name);
            }
        }
        byteOut('}');
    }

    private void array(JsonNode node, int depth) {
        requireDepth(depth);
        byteOut('[');
        for (int i = 0; i < node.size(); i++) {
            if (i > 0) {
                byteOut(',');
            }
            try {
                value(node.get(i), depth);
            } catch (CanonicalizationFailure failure) {
                throw failure.under(i);
            }
        }
        byteOut(']');
    }

    private static void requireDepth(int depth) {
        if (depth > MAX_NESTING_DEPTH) {
            throw new CanonicalizationFailure("nesting deeper than " + MAX_NESTING_DEPTH + " arrays and objects");
        }
    }

    private void number(JsonNode node) {
        switch (node.numberType()) {
            case INT, LONG -> {
                long value = node.longValue();
                if (-IEEE754_BINARY64_MAX_EXACT_INTEGER <= value && value <= IEEE754_BINARY64_MAX_EXACT_INTEGER) {
                    ascii(Long.toString(value));
                } else {
                    // The cast rounds to nearest, ties to even (JLS 5.1.2), as parsing the digits would.
                    finiteDouble((double) value, node);
                }
            }
            // Both conversions round correctly to the nearest double; beyond the range they give infinity.
            case BIG_INTEGER -> finiteDouble(node.bigIntegerValue().doubleValue(), node);
            case BIG_DECIMAL -> finiteDouble(node.decimalValue().doubleValue(), node);
            case FLOAT, DOUBLE -> finiteDouble(node.doubleValue(), node);
            default -> throw new CanonicalizationFailure("a " + node.numberType() + " number is not supported");
        }
    }

    private void finiteDouble(double value, JsonNode source) {
        if (Double.isNaN(value)) {
            throw new CanonicalizationFailure("NaN is not a JSON number");
        }
        if (Double.isInfinite(value)) {
            throw new CanonicalizationFailure(source.isFloatingPointNumber() && !source.isBigDecimal()
                    ? (value > 0 ? "Infinity" : "-Infinity") + " is not a JSON number"
                    : "number " + source.asText() + " is beyond the IEEE 754 double range");
        }
        ascii(EcmaScriptNumber.toString(value));
    }

    /** RFC 8785 section 3.2.2.2: escape only '"', '\\' and C0 controls; everything else as UTF-8. */
    private void string(String s, String what) {
        int length = s.length();
        // Three bytes per UTF-16 unit covers all but escapes, which reserve again for the rest.
        ensure(length * 3L + 2);
        out[size++] = '"';
        for (int i = 0; i < length; i++) {
            char ch = s.charAt(i);
            if (ch < 0x80) {
                if (ch >= 0x20 && ch != '"' && ch != '\\') {
                    out[size++] = (byte) ch;
                } else {
                    ensure((length - i) * 3L + 4);
                    escape(ch);
                }
            } else if (ch < 0x800) {
                out[size++] = (byte) (0xC0 | ch >> 6);
                out[size++] = (byte) (0x80 | ch & 0x3F);
            } else if (!Character.isSurrogate(ch)) {
                out[size++] = (byte) (0xE0 | ch >> 12);
                out[size++] = (byte) (0x80 | ch >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(ch, s.charAt(++i));
                out[size++] = (byte) (0xF0 | codePoint >> 18);
                out[size++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[size++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[size++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                throw new CanonicalizationFailure(String.format(
                        "lone surrogate U+%04X at index %d of %s", (int) ch, i, what));
            }
        }
        out[size++] = '"';
    }

    private void escape(char ch) {
        out[size++] = '\\';
        switch (ch) {
            case '"' -> out[size++] = '"';
            case '\\' -> out[size++] = '\\';
            case '\b' -> out[size++] = 'b';
            case '\f' -> out[size++] = 'f';
            case '\n' -> out[size++] = 'n';
            case '\r' -> out[size++] = 'r';
            case '\t' -> out[size++] = 't';
            default -> {
                out[size++] = 'u';
                out[size++] = '0';
                out[size++] = '0';
                out[size++] = HEX_DIGITS[ch >> 4];
                out[size++] = HEX_DIGITS[ch & 0xF];
            }
        }
    }

    private void ascii(String s) {
        int length = s.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            out[size++] = (byte) s.charAt(i);
        }
    }

    private void raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private void byteOut(char ch) {
        ensure(1);
        out[size++] = (byte) ch;
    }

    private void ensure(long extra) {
        if (out.length - size < extra) {
            long wanted = Math.max((long) out.length * 2, size + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new CanonicalizationFailure("canonical form larger than 2 GiB");
            }
            out = Arrays.copyOf(out, (int) wanted);
        }
    }
}
