package uk.gov.accessledger.api.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import uk.gov.accessledger.api.problem.FieldError;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;

/**
 * Strict JSON parsing of request bodies: ill-formed UTF-8, unpaired surrogates, duplicate keys and
 * trailing content are errors.
 */
public final class RequestJson {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Words that would name the parser's code rather than the client's input. */
    private static final Pattern INTERNALS =
            Pattern.compile("[A-Za-z]+\\.[A-Za-z]+\\.[A-Z]|Exception|jackson|Feature|[a-z][A-Z][a-z]+\\(\\)");

    private RequestJson() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is empty",
                    List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "is required")));
        }
        try {
            JsonNode root = STRICT.readTree(RequestText.decode(body));
            if (root == null || root.isMissingNode()) {
                // RFC 8259 section 2: a JSON text is one value; white space alone is none.
                throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body holds no JSON value",
                        List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "is not valid JSON: it holds no value")));
            }
            RequestText.requirePairedSurrogates(root);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is not valid JSON" + where
                    + ": " + reason(e), List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "is not valid JSON" + where)));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body could not be read",
                    List.of(new FieldError(FieldError.WHOLE_DOCUMENT, "could not be read")));
        }
    }

    /**
     * Why the body is not JSON, in words for the client: the parser's own messages name its
     * classes and switches ("enable `JsonReadFeature...`", "bound as `...JsonNode`"), which
     * are no business of a client's and are never passed on.
     */
    static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException) {
            StreamReadConstraints limits = StreamReadConstraints.defaults();
            if (message.startsWith("Number value length")) {
                return "numbers of more than " + limits.getMaxNumberLength() + " digits are not accepted";
            }
            if (message.contains("nesting depth")) {
                return "values nested more than " + limits.getMaxNestingDepth() + " deep are not accepted";
            }
            return "a value is longer than the parser accepts";
        }
        if (message.startsWith("Trailing token")) {
            return "trailing data after the JSON value";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the body ends inside the JSON value";
        }
        int end = message.length();
        for (String internal : new String[] {"`", ": enable", "; enable", " (enable", "(bound as", "\n"}) {
            int at = message.indexOf(internal);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String plain = message.substring(0, end).strip();
        if (plain.isEmpty() || INTERNALS.matcher(plain).find()) {
            return "it is not a JSON document";
        }
        return Character.toLowerCase(plain.charAt(0)) + plain.substring(1);
    }
}
