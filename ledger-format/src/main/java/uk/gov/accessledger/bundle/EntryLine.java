package uk.gov.accessledger.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * One line of {@code entries.jsonl}, the RFC 8785 canonical object
 * {@code {"canonical":"<base64>","leafIndex":<n>,"proof":["<base64 hash>",...]}}.
 */
record EntryLine(byte[] canonical, long leafIndex, List<byte[]> proof) {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The line is not the object the spec describes; the message says what is wrong. */
    static final class MalformedLineException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedLineException(String problem) {
            super(problem);
        }
    }

    /** The line's bytes, ending in LF. Keys are already in RFC 8785 order; base64 needs no escapes. */
    static byte[] write(ExportedEntry entry) {
        Base64.Encoder base64 = Base64.getEncoder();
        StringBuilder line = new StringBuilder(entry.canonical().length * 4 / 3 + 64 + entry.inclusionProof().size() * 48);
        line.append("{\"canonical\":\"").append(base64.encodeToString(entry.canonical()))
                .append("\",\"leafIndex\":").append(entry.leafIndex())
                .append(",\"proof\":[");
        for (int i = 0; i < entry.inclusionProof().size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append('"').append(base64.encodeToString(entry.inclusionProof().get(i))).append('"');
        }
        return line.append("]}\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Parses a line (without its LF): exactly the three fields, {@code canonical} and every proof
     * hash in standard padded base64 with one spelling, proof hashes of 32 bytes.
     */
    static EntryLine parse(byte[] line) throws MalformedLineException {
        byte[] canonical = null;
        long leafIndex = -1;
        List<byte[]> proof = null;
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedLineException("not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token == null) {
                    throw new MalformedLineException("not a complete JSON object");
                }
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "canonical" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw new MalformedLineException("\"canonical\" is not a string");
                        }
                        canonical = strictBase64(parser.getText(), "\"canonical\"");
                    }
                    case "leafIndex" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT) {
                            throw new MalformedLineException("\"leafIndex\" is not an integer");
                        }
                        leafIndex = parser.getLongValue();
                        if (leafIndex < 0) {
                            throw new MalformedLineException("\"leafIndex\" is negative: " + leafIndex);
                        }
                    }
                    case "proof" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new MalformedLineException("\"proof\" is not an array");
                        }
                        proof = new ArrayList<>();
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            if (proof.size() == ExportedEntry.MAX_PROOF_HASHES) {
                                throw new MalformedLineException("\"proof\" has more than "
                                        + ExportedEntry.MAX_PROOF_HASHES + " hashes");
                            }
                            byte[] hash = strictBase64(parser.getText(), "\"proof\"/" + proof.size());
                            if (hash.length != Rfc6962Hasher.HASH_SIZE) {
                                throw new MalformedLineException("\"proof\"/" + proof.size() + " is "
                                        + hash.length + " bytes, want " + Rfc6962Hasher.HASH_SIZE);
                            }
                            proof.add(hash);
                        }
                        if (parser.currentToken() != JsonToken.END_ARRAY) {
                            throw new MalformedLineException("\"proof\"/" + proof.size() + " is not a string");
                        }
                    }
                    default -> throw new MalformedLineException("unexpected field \"" + Finding.shorten(field) + "\"");
                }
            }
            if (parser.nextToken() != null) {
                throw new MalformedLineException("text after the JSON object");
            }
        } catch (InputCoercionException e) {
            throw new MalformedLineException("\"leafIndex\" is out of range");
        } catch (IOException e) {
            throw new MalformedLineException("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (canonical == null) {
            throw new MalformedLineException("\"canonical\" is missing");
        }
        if (leafIndex < 0) {
            throw new MalformedLineException("\"leafIndex\" is missing");
        }
        if (proof == null) {
            throw new MalformedLineException("\"proof\" is missing");
        }
        return new EntryLine(canonical, leafIndex, proof);
    }

    private static byte[] strictBase64(String text, String what) throws MalformedLineException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedLineException(what + " is not base64");
        }
        // One spelling only: refuse missing padding and non-zero padding bits.
        if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
            throw new MalformedLineException(what + " is not standard padded base64");
        }
        return decoded;
    }
}
