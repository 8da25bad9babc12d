package uk.gov.accessledger.entryformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.canonical.CanonicalJsonException;

/**
 * One JSON object of a stored format, read member by member: every fault becomes an
 * {@link EntryFormatException} naming the member's JSON Pointer. The formats of this package
 * allow one spelling of each value: {@link #read} refuses bytes that are not RFC 8785 canonical.
 */
final class StrictObject {

    /** I-JSON (RFC 7493 section 2.2): integers beyond 2^53 - 1 lose precision in a double. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HASH_HEX = Pattern.compile("[0-9a-f]{64}");

    private final String format;
    private final ObjectNode object;
    private final String pointer;

    private StrictObject(String format, ObjectNode object, String pointer) {
        this.format = format;
        this.object = object;
        this.pointer = pointer;
    }

    /**
     * The object {@code bytes} hold, which must be strict JSON (RFC 8785's parser: I-JSON, no
     * duplicate names) and exactly their own canonical form; {@code reader} checks and reads the
     * members. The canonical form is checked after the members, so that a misplaced member is
     * reported by name rather than as a misspelling.
     */
    static <T> T read(String format, byte[] bytes, Function<StrictObject, T> reader) {
        byte[] canonical = canonical(format, bytes);
        T read = reader.apply(of(format, readTree(canonical), ""));
        if (!Arrays.equals(canonical, bytes)) {
            throw new EntryFormatException(format, "not in RFC 8785 canonical form", "");
        }
        return read;
    }

    /** The JSON value of strict JSON {@code bytes} (RFC 8785's parser: I-JSON, no duplicate names). */
    static JsonNode tree(String format, byte[] bytes) {
        return readTree(canonical(format, bytes));
    }

    private static byte[] canonical(String format, byte[] bytes) {
        try {
            return CanonicalJson.canonicalize(bytes);
        } catch (CanonicalJsonException e) {
            throw new EntryFormatException(format, e.problem(), e.pointer().orElse(""));
        }
    }

    private static JsonNode readTree(byte[] canonical) {
        try {
            return JSON.readTree(canonical);
        } catch (IOException e) {
            throw new IllegalStateException("couldn't read back canonical JSON", e);
        }
    }

    static StrictObject of(String format, JsonNode node, String pointer) {
        if (!(node instanceof ObjectNode object)) {
            throw new EntryFormatException(format, "want a JSON object", pointer);
        }
        return new StrictObject(format, object, pointer);
    }

    /** Refuses the first member, in canonical order, whose name is not in {@code allowed}. */
    void onlyMembers(Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw fault(name, "unknown member");
            }
        }
    }

    /** Refuses the first member, in canonical order, whose name is in {@code forbidden}. */
    void noMembers(Set<String> forbidden, String problem) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (forbidden.contains(name)) {
                throw fault(name, problem);
            }
        }
    }

    boolean has(String name) {
        return object.has(name);
    }

    JsonNode required(String name) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw fault(name, "missing member");
        }
        return value;
    }

    String string(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw fault(name, "want a string");
        }
        return value.textValue();
    }

    /** A string matching {@code shape}; {@code what} names the shape in the message. */
    String string(String name, Pattern shape, String what) {
        String value = string(name);
        if (!shape.matcher(value).matches()) {
            throw fault(name, "want " + what);
        }
        return value;
    }

    /** The 32 bytes written as 64 lowercase hex digits, as hashes are in entries. */
    byte[] hash(String name) {
        return HexFormat.of().parseHex(string(name, HASH_HEX, "64 lowercase hex digits"));
    }

    /**
     * The chain link {@code prev} of the entry at {@code seq}: null at seq 0, where the member
     * must be absent, and the previous entry's leaf hash after it, where it is required.
     */
    byte[] prev(long seq) {
        if (seq > 0) {
            return hash("prev");
        }
        if (has("prev")) {
            throw fault("prev", "want no prev at seq 0");
        }
        return null;
    }

    /** An integer from 0 to 2^53 - 1 written without fraction or exponent. */
    long safeInteger(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < 0 || value.longValue() > MAX_SAFE_INTEGER) {
            throw fault(name, "want an integer from 0 to 2^53 - 1");
        }
        return value.longValue();
    }

    /** The number {@code want} exactly, as a format version is. */
    void exactly(String name, long want) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() != want) {
            throw fault(name, "want " + want);
        }
    }

    /** An instant written as {@link EntryInstants#format} writes years 0000 to 9999. */
    Instant instant(String name) {
        String text = string(name);
        Instant instant;
        try {
            instant = EntryInstants.parse(text);
        } catch (RuntimeException e) {
            throw fault(name, "want a UTC instant with milliseconds, YYYY-MM-DDTHH:MM:SS.sssZ");
        }
        if (text.length() != 24 || !EntryInstants.format(instant).equals(text)) {
            throw fault(name, "want a UTC instant with milliseconds, YYYY-MM-DDTHH:MM:SS.sssZ");
        }
        return instant;
    }

    /** The member {@code name} as an object of its own. */
    StrictObject object(String name) {
        return of(format, required(name), child(name));
    }

    /** The array {@code name}, each of whose elements is a string. */
    void strings(String name) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw fault(name, "want an array of strings");
        }
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isTextual()) {
                throw new EntryFormatException(format, "want a string", child(name) + "/" + i);
            }
        }
    }

    ObjectNode node() {
        return object;
    }

    EntryFormatException fault(String name, String problem) {
        return new EntryFormatException(format, problem, child(name));
    }

    private String child(String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
