package uk.gov.accessledger.api.log;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.SignedNote;

/**
 * Signs receipts: the log's promise to include an entry, like a Certificate Transparency signed
 * certificate timestamp. A receipt is a C2SP signed note by the log key whose text is
 *
 * <pre>
 * access-ledger/receipt/v1
 * &lt;log origin&gt;
 * &lt;entry id&gt;
 * &lt;leaf hash, hex&gt;
 * &lt;recorded-at&gt;
 * </pre>
 *
 * Its second line is never a number, so a receipt can never be mistaken for a checkpoint.
 */
@Component
public class ReceiptSigner {

    public static final String RECEIPT_HEADER = "access-ledger/receipt/v1";

    private final Ed25519NoteSigner signer;
    private final LogProperties properties;

    ReceiptSigner(Ed25519NoteSigner signer, LogProperties properties) {
        this.signer = signer;
        this.properties = properties;
    }

    /** Deterministic: the same entry always gets the same signed receipt. */
    public String sign(UUID entryId, byte[] leafHash, Instant recordedAt) {
        String text = RECEIPT_HEADER + "\n" + properties.origin() + "\n" + entryId + "\n"
                + HexFormat.of().formatHex(leafHash) + "\n" + CanonicalEntry.instant(recordedAt) + "\n";
        return SignedNote.sign(text, signer);
    }
}
