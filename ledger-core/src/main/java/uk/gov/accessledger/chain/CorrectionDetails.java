package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Annotates or supersedes an earlier entry of the same subject, recorded by the same
 * organisation. The earlier entry is never changed: readers see both.
 */
public record CorrectionDetails(
        String organisation,
        String service,
        UUID corrects,
        String mode,
        String reason) implements EntryDetails {

    /** {@code annotate} adds information; {@code supersede} says the earlier entry was wrong. */
    public static final List<String> MODES = List.of("annotate", "supersede");

    @Override
    public EntryKind entryKind() {
        return EntryKind.CORRECTION;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.correction(this);
    }

    @Override
    public Optional<String> recordingOrganisation() {
        return Optional.of(organisation);
    }

    @Override
    public void writeTo(ObjectNode entry) {
        entry.put("organisation", organisation);
        entry.put("service", service);
        entry.put("corrects", corrects.toString());
        entry.put("mode", mode);
        entry.put("reason", reason);
    }
}
