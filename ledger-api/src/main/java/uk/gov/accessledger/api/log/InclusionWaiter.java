package uk.gov.accessledger.api.log;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.gov.accessledger.logformat.TlogProof;

/**
 * Waits until an entry is in a signed checkpoint, by polling the store: the sequencer may be on
 * another node. Blocking: call from a worker thread.
 */
@Component
public class InclusionWaiter {

    /** The sequencer signs every 100 ms by default; polling faster would only load the database. */
    private static final long POLL_MILLIS = 25;

    private final LogProofs proofs;

    InclusionWaiter(LogProofs proofs) {
        this.proofs = proofs;
    }

    /** The entry's tlog-proof, or empty if it was not included within {@code timeout}. */
    public Optional<TlogProof> await(UUID entryId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TlogProof> proof = proofs.tlogProof(entryId);
            if (proof.isPresent() || System.nanoTime() > deadline) {
                return proof;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
