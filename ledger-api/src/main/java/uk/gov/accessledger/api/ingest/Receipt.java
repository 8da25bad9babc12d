package uk.gov.accessledger.api.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import uk.gov.accessledger.api.log.ReceiptSigner;
import uk.gov.accessledger.chain.EntryReceipt;
import uk.gov.accessledger.logformat.ReceiptNote;

/**
 * The receipt for a recorded entry. {@code signedNote} is the log's signed promise to include
 * every entry of the request ({@link ReceiptNote}); {@code receiptIndex} and {@code receiptProof}
 * (base64 hashes) are this entry's place in it. {@code leafIndex} and {@code tlogProof} are filled
 * only when the caller waited for inclusion.
 */
public record Receipt(UUID id, String kind, long seq, String leafHash, Instant recordedAt, String signedNote,
                      int receiptIndex, List<String> receiptProof, Long leafIndex, String tlogProof) {

    /** The receipts of one request's entries, in order, under one signature; requires one or more. */
    static List<Receipt> signAll(List<EntryReceipt> entries, ReceiptSigner signer) {
        List<ReceiptNote.Issued> issued = signer.sign(entries);
        List<Receipt> receipts = new ArrayList<>(entries.size());
        Base64.Encoder base64 = Base64.getEncoder();
        for (int i = 0; i < entries.size(); i++) {
            EntryReceipt e = entries.get(i);
            ReceiptNote.Issued share = issued.get(i);
            receipts.add(new Receipt(e.entryId(), e.kind(), e.seq(), HexFormat.of().formatHex(e.leafHash()),
                    e.recordedAt(), share.signedNote(), share.index(),
                    share.proof().stream().map(base64::encodeToString).toList(), null, null));
        }
        return receipts;
    }

    Receipt withInclusion(long index, String proof) {
        return new Receipt(id, kind, seq, leafHash, recordedAt, signedNote, receiptIndex, receiptProof, index, proof);
    }
}
