package uk.gov.accessledger.api.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
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

    private RequestJson() {
    }

    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is empty",
                    List.of(new FieldError("/", "is required")));
        }
        try {
            JsonNode root = STRICT.readTree(RequestText.decode(body));
            RequestText.requirePairedSurrogates(root);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body is not valid JSON" + where
                    + ": " + e.getOriginalMessage(), List.of(new FieldError("/", "is not valid JSON" + where)));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "the request body could not be read",
                    List.of(new FieldError("/", "could not be read")));
        }
    }
}
