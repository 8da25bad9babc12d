package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The kind-specific part of an entry. Each kind writes its own fields into the canonical form. */
public sealed interface EntryDetails
        permits AccessDetails, SharingDecisionDetails, CorrectionDetails, ConcernDetails {

    /** The entry kind as it appears in the canonical form, e.g. {@code access}. */
    default String kind() {
        return entryKind().code();
    }

    EntryKind entryKind();

    /** The organisation that recorded the entry; empty for entries the subject raised. */
    Optional<String> recordingOrganisation();

    /** Writes this kind's fields into {@code entry}; absent optional fields are omitted. */
    void writeTo(ObjectNode entry);

    /**
     * Calls the method of {@code visitor} for this kind. Java 17 has no pattern switch: a new kind
     * must implement this, and then every visitor fails to compile until it handles the kind.
     */
    <R> R accept(Visitor<R> visitor);

    /** One method per kind of entry; see {@link #accept}. */
    interface Visitor<R> {
        R access(AccessDetails details);

        R sharingDecision(SharingDecisionDetails details);

        R correction(CorrectionDetails details);

        R concern(ConcernDetails details);
    }
}
