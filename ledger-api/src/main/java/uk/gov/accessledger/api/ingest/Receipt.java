package uk.gov.accessledger.api.ingest;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.chain.EntryReceipt;

/** The receipt for a recorded entry; the same entry always gets the same receipt. */
public record Receipt(UUID id, String kind, long seq, String leafHash, Instant recordedAt) {

    static Receipt of(EntryReceipt r) {
        return new Receipt(r.entryId(), r.kind(), r.seq(), HexFormat.of().formatHex(r.leafHash()), r.recordedAt());
    }

    static Receipt of(LedgerEntryRow row) {
        return new Receipt(row.entryId(), row.kind(), row.seq(), HexFormat.of().formatHex(row.leafHash()),
                row.recordedAt());
    }
}
