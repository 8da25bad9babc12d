package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.gov.accessledger.entryformat.EntryInstants;

/**
 * Who used the subject's data, how, and why. {@code staffReference} is pseudonymous (never a
 * name). {@code discloseAfter}, with its reason, hides the entry from the subject until that
 * date where the law allows (for example, an ongoing fraud investigation).
 */
public record AccessDetails(
        String organisation,
        String service,
        String staffRole,
        String staffReference,
        String action,
        List<String> dataCategories,
        String purpose,
        String legalBasis,
        String justification,
        String caseReference,
        Instant occurredAt,
        boolean emergency,
        boolean bulk,
        LocalDate discloseAfter,
        String discloseAfterReason) implements EntryDetails {

    public AccessDetails {
        dataCategories = List.copyOf(dataCategories);
    }

    @Override
    public EntryKind entryKind() {
        return EntryKind.ACCESS;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.access(this);
    }

    @Override
    public Optional<String> recordingOrganisation() {
        return Optional.of(organisation);
    }

    @Override
    public void writeTo(ObjectNode entry) {
        entry.put("organisation", organisation);
        entry.put("service", service);
        entry.put("staffRole", staffRole);
        CanonicalEntry.putIfPresent(entry, "staffReference", staffReference);
        entry.put("action", action);
        CanonicalEntry.putStrings(entry, "dataCategories", dataCategories);
        entry.put("purpose", purpose);
        entry.put("legalBasis", legalBasis);
        CanonicalEntry.putIfPresent(entry, "justification", justification);
        CanonicalEntry.putIfPresent(entry, "caseReference", caseReference);
        entry.put("occurredAt", EntryInstants.format(occurredAt));
        entry.put("emergency", emergency);
        entry.put("bulk", bulk);
        if (discloseAfter != null) {
            entry.put("discloseAfter", discloseAfter.toString());
            entry.put("discloseAfterReason", discloseAfterReason);
        }
    }
}
