package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/** The subject disputes or asks about one of their entries. */
public record ConcernDetails(UUID about, String message) implements EntryDetails {

    @Override
    public String kind() {
        return "concern";
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
