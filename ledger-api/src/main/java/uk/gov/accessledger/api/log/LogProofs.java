package uk.gov.accessledger.api.log;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.gov.accessledger.logformat.TlogProof;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.ProofNodes;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Proofs from the stored nodes: O(log n) node reads per proof, never a rehash of the tree.
 * Blocking JDBC: call from worker threads.
 */
@Service
public class LogProofs {

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;

    private final LogStore store;

    LogProofs(LogStore store) {
        this.store = store;
    }

    /** A signed checkpoint: its tree size and its signed-note text. */
    public record SignedCheckpoint(long size, String note) {
    }

    public Optional<SignedCheckpoint> latestCheckpoint() {
        return store.latestCheckpoint().map(c -> new SignedCheckpoint(c.size(), c.note()));
    }

    /** Requires {@code 0 <= index < size <= checkpointedSize()}. */
    public List<byte[]> inclusionProof(long index, long size) {
        return inclusion(index, size);
    }

    /** The latest signed checkpoint's size, 0 before the first. */
    public long checkpointedSize() {
        return store.latestCheckpoint().map(LogStore.StoredCheckpoint::size).orElse(0L);
    }

    /** Requires {@code 0 <= index < size <= checkpointedSize()}. */
    List<byte[]> inclusion(long index, long size) {
        ProofNodes nodes = ProofNodes.inclusion(index, size);
        return nodes.rehash(store.nodes(nodes.ids()), HASHER);
    }

    /** Requires {@code 0 < from <= to <= checkpointedSize()}. */
    List<byte[]> consistency(long from, long to) {
        ProofNodes nodes = ProofNodes.consistency(from, to);
        return nodes.rehash(store.nodes(nodes.ids()), HASHER);
    }

    /** The root of the tree of the first {@code size} leaves; requires size <= the tree size. */
    byte[] root(long size) {
        return CompactRange.of(HASHER, 0, size, store.nodes(CompactRange.rangeNodes(0, size))).root();
    }

    byte[] leafHash(long index) {
        return store.levelRange(0, index, 1).get(0);
    }

    public Optional<Long> leafIndexOf(UUID entryId) {
        return store.leafIndexOf(entryId);
    }

    /**
     * The C2SP tlog-proof of an entry against the latest checkpoint, or empty while the entry is
     * not yet in a signed checkpoint.
     */
    public Optional<TlogProof> tlogProof(UUID entryId) {
        Optional<Long> index = store.leafIndexOf(entryId);
        Optional<LogStore.StoredCheckpoint> checkpoint = store.latestCheckpoint();
        if (index.isEmpty() || checkpoint.isEmpty() || checkpoint.get().size() <= index.get()) {
            return Optional.empty();
        }
        return Optional.of(new TlogProof(index.get(), inclusion(index.get(), checkpoint.get().size()),
                checkpoint.get().note()));
    }
}
