package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.gov.accessledger.entryformat.EntryInstants;

/**
 * A decision on a request from {@code requestingOrganisation} to {@code holdingOrganisation} to
 * share the subject's data. The recording organisation is one of the two.
 */
public record SharingDecisionDetails(
        String organisation,
        String service,
        String requestingOrganisation,
        String holdingOrganisation,
        List<String> dataCategories,
        String purpose,
        String legalBasis,
        String agreement,
        String decision,
        String decidedByRole,
        Instant decidedAt,
        LocalDate reviewBy) implements EntryDetails {

    /** The decisions a sharing request can receive. */
    public static final List<String> DECISIONS = List.of("approved", "refused", "revoked");

    public SharingDecisionDetails {
        dataCategories = List.copyOf(dataCategories);
    }

    @Override
    public EntryKind entryKind() {
        return EntryKind.SHARING_DECISION;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.sharingDecision(this);
    }

    @Override
    public Optional<String> recordingOrganisation() {
        return Optional.of(organisation);
    }

    @Override
    public void writeTo(ObjectNode entry) {
        entry.put("organisation", organisation);
        entry.put("service", service);
        entry.put("requestingOrganisation", requestingOrganisation);
        entry.put("holdingOrganisation", holdingOrganisation);
        CanonicalEntry.putStrings(entry, "dataCategories", dataCategories);
        entry.put("purpose", purpose);
        entry.put("legalBasis", legalBasis);
        CanonicalEntry.putIfPresent(entry, "agreement", agreement);
        entry.put("decision", decision);
        entry.put("decidedByRole", decidedByRole);
        entry.put("decidedAt", EntryInstants.format(decidedAt));
        if (reviewBy != null) {
            entry.put("reviewBy", reviewBy.toString());
        }
    }
}
