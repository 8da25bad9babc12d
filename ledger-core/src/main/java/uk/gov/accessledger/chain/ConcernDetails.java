package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/** The subject disputes or asks about one of their entries. */
public record ConcernDetails(UUID about, String message) implements EntryDetails {

    @Override
    public EntryKind entryKind() {
        return EntryKind.CONCERN;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.concern(this);
    }

    @Override
    public Optional<String> recordingOrganisation() {
        return Optional.empty();
    }

    @Override
    public void writeTo(ObjectNode entry) {
        entry.put("about", about.toString());
        entry.put("message", message);
    }
}
