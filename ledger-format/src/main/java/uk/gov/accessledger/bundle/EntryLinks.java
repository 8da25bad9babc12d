package uk.gov.accessledger.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.util.HexFormat;

/**
 * The fields of an entry's canonical bytes that bundle verification needs: {@code id} to name
 * it, and {@code subject}, {@code seq} and {@code prev} to check its subject chain
 * (entry-format.md). Read from the bytes with a strict streaming parser that refuses duplicate
 * keys, so no other reader can see different values in the same bytes.
 *
 * @param id the entry id, or {@code null} if missing or not a string
 * @param subject the subject pseudonym, or {@code null} if missing or not a string
 * @param seq the position in the subject's chain, or -1 if missing or not a non-negative integer
 * @param prev the previous entry's leaf hash, or {@code null} if absent
 * @param problem what is malformed, or {@code null} when the fields are all usable
 */
record EntryLinks(String id, String subject, long seq, byte[] prev, String problem) {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Whether the subject chain can be checked with these fields. */
    boolean chainable() {
        return problem == null;
    }

    static EntryLinks parse(byte[] canonical) {
        String id = null;
        String subject = null;
        long seq = -1;
        byte[] prev = null;
        try (JsonParser parser = JSON.createParser(canonical)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new EntryLinks(null, null, -1, null, "the canonical entry is not a JSON object");
            }
            String problem = null;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token == null) {
                    return new EntryLinks(id, subject, seq, prev, "the canonical entry is not a complete JSON object");
                }
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = value == JsonToken.VALUE_STRING ? Finding.shorten(parser.getText()) : null;
                    case "subject" -> subject = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "seq" -> {
                        if (value == JsonToken.VALUE_NUMBER_INT) {
                            seq = Math.max(-1, parser.getLongValue());
                        } else if (value == JsonToken.VALUE_NUMBER_FLOAT && isWholeNonNegative(parser.getDoubleValue())) {
                            seq = (long) parser.getDoubleValue();
                        }
                    }
                    case "prev" -> {
                        if (value == JsonToken.VALUE_STRING && isHashHex(parser.getText())) {
                            prev = HexFormat.of().parseHex(parser.getText());
                        } else if (problem == null) {
                            problem = "\"prev\" is not 64 lowercase hex digits";
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                problem = "text after the canonical entry's JSON object";
            }
            if (problem == null) {
                problem = id == null ? "\"id\" is missing or not a string"
                        : subject == null ? "\"subject\" is missing or not a string"
                        : seq < 0 ? "\"seq\" is missing or not a non-negative integer"
                        : null;
            }
            return new EntryLinks(id, subject, seq, prev, problem);
        } catch (InputCoercionException e) {
            return new EntryLinks(id, subject, -1, prev, "\"seq\" is out of range");
        } catch (IOException e) {
            return new EntryLinks(id, subject, seq, prev, "the canonical entry is not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** 64 lowercase hex digits, the form of hashes in entries. */
    private static boolean isHashHex(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWholeNonNegative(double d) {
        return d >= 0 && d <= (1L << 53) && d == Math.rint(d);
    }
}
