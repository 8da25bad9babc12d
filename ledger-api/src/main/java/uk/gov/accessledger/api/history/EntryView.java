package uk.gov.accessledger.api.history;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An entry as served: {@code canonical} is the base64 of the exact bytes that were hashed
 * (verify from these, never from {@code entry}, which is a parsed copy for convenience), and
 * {@code labels} explains every code in the entry in plain English. {@code leafIndex} is the
 * entry's position in the transparency log, absent until it is sequenced.
 */
public record EntryView(
        UUID id,
        String kind,
        long seq,
        String leafHash,
        String prev,
        Instant recordedAt,
        Instant happenedAt,
        boolean policyException,
        Long leafIndex,
        JsonNode entry,
        String canonical,
        Map<String, Label> labels) {

    /** Plain-English text for a code; {@code url} links to the law for legal bases. */
    public record Label(String label, String description, String url) {
    }
}
