package uk.gov.accessledger.api.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One row of {@code ledger_entry}, with its leaf index in the log once it has one. */
public record LedgerEntryRow(
        long rowId,
        UUID entryId,
        String subject,
        long seq,
        String kind,
        String organisation,
        String service,
        String purpose,
        String legalBasis,
        String action,
        UUID refersTo,
        Instant happenedAt,
        Instant recordedAt,
        LocalDate discloseAfter,
        boolean policyException,
        byte[] prevHash,
        byte[] leafHash,
        byte[] requestHash,
        byte[] canonical,
        Long leafIndex) {

    /** Whether the subject may see this entry on {@code today} (disclose-after has passed). */
    public boolean visibleToSubjectOn(LocalDate today) {
        return discloseAfter == null || !discloseAfter.isAfter(today);
    }
}
