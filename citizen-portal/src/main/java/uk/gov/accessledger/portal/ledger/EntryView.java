package uk.gov.accessledger.portal.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An entry as ledger-api serves it. {@code canonical} is the base64 of the exact hashed bytes;
 * {@code entry} is a parsed copy, {@code labels} the plain-English text of its codes.
 */
public record EntryView(UUID id, String kind, long seq, String leafHash, String prev, Instant recordedAt,
                          Instant happenedAt, boolean policyException, JsonNode entry, String canonical,
                          Map<String, Label> labels) {

    /** Plain-English text of a code; {@code url} links to the law for a legal basis. */
    public record Label(String label, String description, String url) {
    }

    /** The label of {@code code}, or the code itself when ledger-api gave none. */
    public String label(String code) {
        Label label = labels == null ? null : labels.get(code);
        return label == null || label.label() == null ? code : label.label();
    }

    public Label labelOf(String code) {
        return labels == null ? null : labels.get(code);
    }

    /** A text field of the entry, or null. */
    public String text(String field) {
        JsonNode node = entry == null ? null : entry.get(field);
        return node != null && node.isString() ? node.stringValue() : null;
    }

    public boolean flag(String field) {
        return entry != null && entry.path(field).asBoolean(false);
    }
}
