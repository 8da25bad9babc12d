package uk.gov.accessledger.api.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import uk.gov.accessledger.logformat.TlogProof;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.NodeId;
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
    private final AtomicReference<SignedCheckpoint> seen = new AtomicReference<>();

    LogProofs(LogStore store) {
        this.store = store;
    }

    public Optional<SignedCheckpoint> latestCheckpoint() {
        return store.latestCheckpoint();
    }

    /** Requires {@code 0 <= index < size <= the latest checkpoint's size}. */
    public List<byte[]> inclusionProof(long index, long size) {
        return inclusion(index, size);
    }

    /** Requires {@code 0 <= index < size <= the latest checkpoint's size}. */
    List<byte[]> inclusion(long index, long size) {
        ProofNodes nodes = ProofNodes.inclusion(index, size);
        return nodes.rehash(store.nodes(nodes.ids()), HASHER);
    }

    /** A leaf's hash and its inclusion proof, read in one query. */
    record LeafProof(byte[] leafHash, List<byte[]> proof) {
    }

    /** As {@link #inclusion}, with the leaf hash from the same read. */
    LeafProof leafAndInclusion(long index, long size) {
        ProofNodes nodes = ProofNodes.inclusion(index, size);
        List<NodeId> ids = new ArrayList<>(nodes.ids());
        ids.add(new NodeId(0, index));
        List<byte[]> hashes = store.nodes(ids);
        byte[] leaf = hashes.get(hashes.size() - 1);
        return new LeafProof(leaf, nodes.rehash(hashes.subList(0, hashes.size() - 1), HASHER));
    }

    /**
     * A signed checkpoint of at least {@code size} leaves if there is one, else the latest (empty
     * before the first). Checkpoints are only ever added, so one seen earlier that covers
     * {@code size} serves as well as the newest, and saves a query per proof.
     */
    Optional<SignedCheckpoint> covering(long size) {
        SignedCheckpoint seen = this.seen.get();
        if (seen != null && seen.size() >= size) {
            return Optional.of(seen);
        }
        Optional<SignedCheckpoint> latest = store.latestCheckpoint();
        latest.ifPresent(c -> this.seen.accumulateAndGet(c, (a, b) -> a == null || b.size() > a.size() ? b : a));
        return latest;
    }

    /**
     * The root of the tree of the first {@code size} leaves: the signed root when {@code checkpoint}
     * has that size, else recomputed from the stored nodes.
     */
    byte[] root(long size, SignedCheckpoint checkpoint) {
        return checkpoint.size() == size ? checkpoint.rootHash().clone() : root(size);
    }

    /** Requires {@code 0 < from <= to <= the latest checkpoint's size}. */
    List<byte[]> consistency(long from, long to) {
        ProofNodes nodes = ProofNodes.consistency(from, to);
        return nodes.rehash(store.nodes(nodes.ids()), HASHER);
    }

    /** The root of the tree of the first {@code size} leaves; requires size <= the tree size. */
    byte[] root(long size) {
        return CompactRange.of(HASHER, 0, size, store.nodes(CompactRange.rangeNodes(0, size))).root();
    }

    /**
     * The C2SP tlog-proof of an entry against the latest checkpoint, or empty while the entry is
     * not yet in a signed checkpoint.
     */
    public Optional<TlogProof> tlogProof(UUID entryId) {
        return store.leafIndexOf(entryId).flatMap(this::tlogProof);
    }

    /** As {@link #tlogProof(UUID)}, for the entry at leaf {@code index}. */
    public Optional<TlogProof> tlogProof(long index) {
        Optional<SignedCheckpoint> checkpoint = store.latestCheckpoint();
        if (checkpoint.isEmpty() || checkpoint.get().size() <= index) {
            return Optional.empty();
        }
        return Optional.of(new TlogProof(index, inclusion(index, checkpoint.get().size()), checkpoint.get().note()));
    }
}
