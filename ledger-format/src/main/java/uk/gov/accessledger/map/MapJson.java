package uk.gov.accessledger.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Strict reading of the map's JSON objects: exact member sets, integers within JSON's safe range,
 * hashes in canonical base64 (tree hashes, as in the log's proofs) or lowercase hex (subjects and
 * entry leaf hashes, as in entries). Each failure is an {@link IllegalArgumentException} naming
 * the member, got and want.
 */
final class MapJson {

    /** The greatest integer every JSON reader holds exactly (2^53 - 1, ECMAScript's safe range). */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private MapJson() {
    }

    static void requireMembers(JsonNode node, String what, Set<String> members) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " got " + type(node) + ", want an object");
        }
        Set<String> got = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            got.add(names.next());
        }
        if (!got.equals(new TreeSet<>(members))) {
            throw new IllegalArgumentException(what + " members got " + got + ", want " + new TreeSet<>(members));
        }
    }

    static long integer(JsonNode node, String member, long min, long max) {
        JsonNode value = node.get(member);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            throw new IllegalArgumentException(member + " got " + value + ", want an integer from " + min + " to " + max);
        }
        return value.longValue();
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException(member + " got " + type(value) + ", want a string");
        }
        return value.textValue();
    }

    /** Returns the 32 bytes of a hash written in canonical standard base64 (44 characters). */
    static byte[] base64Hash(JsonNode node, String member) {
        String text = text(node, member);
        byte[] decoded = null;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (decoded == null || decoded.length != MapHasher.HASH_SIZE
                || !Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new IllegalArgumentException(member + " got \"" + abbreviate(text)
                    + "\", want 32 bytes in canonical base64");
        }
        return decoded;
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Returns the 32 bytes of a hash written as 64 lowercase hex digits. */
    static byte[] hexHash(JsonNode node, String member) {
        String text = text(node, member);
        try {
            return SubjectKey.fromHex(text).bytes();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(member + " got \"" + abbreviate(text) + "\", want 64 lowercase hex digits");
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    private static String type(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().toString().toLowerCase();
    }
}
