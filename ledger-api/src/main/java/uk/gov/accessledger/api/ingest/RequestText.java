package uk.gov.accessledger.api.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.web.TextCharacters;

/**
 * The text of a request body: well-formed UTF-8 (RFC 8259 section 8.1; no overlong forms, no
 * encoded surrogates, nothing above U+10FFFF), decoded strictly, never by replacement; and, once
 * parsed, no string or name holding an unpaired surrogate (which a JSON escape such as
 * {@code \ud800} can make). Either is a 400 problem naming the field, or {@code /}.
 */
final class RequestText {

    private static final JsonFactory FACTORY = new JsonFactory();

    private RequestText() {
    }

    /** The body decoded as UTF-8; throws a malformed-json problem naming where it is not UTF-8. */
    static String decode(byte[] body) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = utf8.decode(in, out, true);
        if (!result.isError()) {
            result = utf8.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            String pointer = pointerAt(body, at);
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is not well-formed UTF-8"
                    + " at byte " + at, List.of(new FieldError(pointer, "is not well-formed UTF-8")));
        }
        return out.flip().toString();
    }

    /** Throws an invalid-request problem naming the first string or name with an unpaired surrogate. */
    static void requirePairedSurrogates(JsonNode root) {
        String pointer = firstUnpaired(root, "");
        if (pointer != null) {
            throw ProblemException.invalid(List.of(new FieldError(pointer,
                    "must not contain an unpaired surrogate (U+D800 to U+DFFF)")));
        }
    }

    /** The pointer of the first value (or, for a name, its object) with an unpaired surrogate, or null. */
    private static String firstUnpaired(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return TextCharacters.hasUnpairedSurrogate(node.textValue()) ? pointer : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstUnpaired(node.get(i), pointer + "/" + i);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (TextCharacters.hasUnpairedSurrogate(field.getKey())) {
                    return pointer; // the name cannot be written in a pointer, so its object is named
                }
                String found = firstUnpaired(field.getValue(), FieldError.pointer(pointer, field.getKey()));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * The JSON Pointer of the value holding byte {@code at}, found by parsing the well-formed
     * bytes before it: the string or field value it falls in, else the object or array it is in.
     */
    private static String pointerAt(byte[] body, int at) {
        String inside = null;
        JsonStreamContext context = null;
        try (JsonParser parser = FACTORY.createParser(body, 0, at)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                context = parser.getParsingContext();
                inside = context.pathAsPointer().toString();
                if (token == JsonToken.VALUE_STRING) {
                    parser.getText(); // reads to the closing quote: fails if the bad bytes are inside
                    inside = null;
                } else if (token != JsonToken.FIELD_NAME) {
                    inside = null;
                }
            }
        } catch (IOException endOfWellFormedBytes) {
            if (inside == null && context != null) {
                JsonStreamContext container = context.getParent();
                inside = container == null ? "" : container.pathAsPointer().toString();
            }
        }
        return inside == null ? FieldError.WHOLE_DOCUMENT : inside;
    }
}
