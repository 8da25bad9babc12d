package uk.gov.accessledger.chain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the ledger adds to every entry before it is chained: the client-supplied id, the time the
 * ledger recorded it, the policy exceptions found when it was checked against the reference data,
 * and which version of the reference data did the checking.
 */
public record EntryProposal(
        UUID entryId, Instant recordedAt, List<String> policyExceptions, String referenceDataVersion) {

    public EntryProposal {
        policyExceptions = List.copyOf(policyExceptions);
    }
}
