package uk.gov.accessledger.chain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An entry as written to its subject's chain: the exact canonical bytes, and the chain fields that
 * are also inside those bytes. {@code prev} is null for {@code seq} 0. {@code leafHash} is
 * {@code SHA-256(0x00 || canonical)}.
 */
public record ChainedEntry(
        UUID entryId,
        String subject,
        long seq,
        byte[] prev,
        byte[] leafHash,
        byte[] canonical,
        Instant recordedAt,
        List<String> policyExceptions) {

    public ChainedEntry {
        policyExceptions = List.copyOf(policyExceptions);
    }
}
