package uk.gov.accessledger.api.ingest;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import uk.gov.accessledger.api.log.ReceiptSigner;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.chain.EntryReceipt;

/**
 * The receipt for a recorded entry; the same entry always gets the same receipt.
 * {@code signedNote} is the log's signed promise of inclusion; {@code leafIndex} and
 * {@code tlogProof} are filled only when the caller waited for inclusion.
 */
public record Receipt(UUID id, String kind, long seq, String leafHash, Instant recordedAt, String signedNote,
                      Long leafIndex, String tlogProof) {

    static Receipt of(EntryReceipt r, ReceiptSigner signer) {
        return new Receipt(r.entryId(), r.kind(), r.seq(), HexFormat.of().formatHex(r.leafHash()), r.recordedAt(),
                signer.sign(r.entryId(), r.leafHash(), r.recordedAt()), null, null);
    }

    static Receipt of(LedgerEntryRow row, ReceiptSigner signer) {
        return new Receipt(row.entryId(), row.kind(), row.seq(), HexFormat.of().formatHex(row.leafHash()),
                row.recordedAt(), signer.sign(row.entryId(), row.leafHash(), row.recordedAt()), null, null);
    }

    Receipt withInclusion(long index, String proof) {
        return new Receipt(id, kind, seq, leafHash, recordedAt, signedNote, index, proof);
    }
}
