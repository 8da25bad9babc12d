package uk.gov.accessledger.api.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An entry as served: {@code canonical} is the base64 of the exact bytes that were hashed
 * (verify from these, never from {@code entry}, which is a parsed copy for convenience), and
 * {@code labels} explains every code in the entry in plain English.
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
        JsonNode entry,
        String canonical,
        Map<String, Label> labels) {

    /** Plain-English text for a code; {@code url} links to the law for legal bases. */
    public record Label(String label, String description, String url) {
    }
}
