package uk.gov.accessledger.chain;

import java.time.Instant;
import java.util.UUID;

/** What the chain answers when it has accepted an entry. */
public record EntryReceipt(UUID entryId, String kind, long seq, byte[] leafHash, Instant recordedAt) {

    static EntryReceipt of(SubjectChainEvent event) {
        ChainedEntry e = event.entry();
        return new EntryReceipt(e.entryId(), event.details().kind(), e.seq(), e.leafHash(), e.recordedAt());
    }
}
