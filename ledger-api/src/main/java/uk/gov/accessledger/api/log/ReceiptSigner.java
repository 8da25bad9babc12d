package uk.gov.accessledger.api.log;

import java.util.List;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.chain.EntryReceipt;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.ReceiptNote;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Signs receipts: the log's promise to include entries, like a Certificate Transparency signed
 * certificate timestamp, but one signature for all the entries of a request rather than one each
 * ({@link ReceiptNote}). One signature per request keeps Ed25519 signing off the per-entry cost
 * of a batch, where a signature per entry would cost more than all the entry's other work.
 */
@Component
public class ReceiptSigner {

    private final Ed25519NoteSigner signer;
    private final LogProperties properties;

    ReceiptSigner(Ed25519NoteSigner signer, LogProperties properties) {
        this.signer = signer;
        this.properties = properties;
    }

    /** Signs one receipt for all of {@code entries} and returns each one's share, in order; requires one or more. */
    public List<ReceiptNote.Issued> sign(List<EntryReceipt> entries) {
        List<byte[]> lines = entries.stream()
                .map(e -> ReceiptNote.line(e.entryId(), e.leafHash(), EntryInstants.format(e.recordedAt())))
                .toList();
        return ReceiptNote.issue(properties.origin(), lines, signer, Rfc6962Hasher.DEFAULT);
    }
}
