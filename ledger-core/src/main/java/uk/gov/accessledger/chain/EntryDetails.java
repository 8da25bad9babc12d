package uk.gov.accessledger.chain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The kind-specific part of an entry. Each kind writes its own fields into the canonical form. */
public sealed interface EntryDetails
        permits AccessDetails, SharingDecisionDetails, CorrectionDetails, ConcernDetails {

    /** The entry kind as it appears in the canonical form, e.g. {@code access}. */
    String kind();

    /** The organisation that recorded the entry; empty for entries the subject raised. */
    Optional<String> recordingOrganisation();

    /** Writes this kind's fields into {@code entry}; absent optional fields are omitted. */
    void writeTo(ObjectNode entry);
}
