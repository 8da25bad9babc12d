package uk.gov.accessledger.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored nodes make up an inclusion or consistency proof, and how to turn their hashes
 * into the proof. Port of transparency-dev/merkle {@code proof.Nodes}, {@code proof.Inclusion}
 * and {@code proof.Consistency}.
 *
 * <p>Every ID in {@link #ids()} is a perfect subtree inside the tree, so its hash can be read
 * from storage (hash tiles) without recomputation. A proof against a tree whose size is not a
 * power of two may need one <em>ephemeral</em> node: the root of a not-yet-perfect subtree on
 * the tree's right border. It is not stored; instead the IDs in
 * {@code [ephemeralBegin(), ephemeralEnd())} are the perfect subtrees covering it, lowest level
 * first, and {@link #rehash} folds their hashes into the ephemeral node's hash.
 *
 * <p>Instances are immutable.
 */
public final class ProofNodes {

    private final List<NodeId> ids;
    private final int ephemeralBegin;
    private final int ephemeralEnd;
    private final NodeId ephemeral;

    private ProofNodes(List<NodeId> ids, int ephemeralBegin, int ephemeralEnd, NodeId ephemeral) {
        this.ids = Collections.unmodifiableList(ids);
        this.ephemeralBegin = ephemeralBegin;
        this.ephemeralEnd = ephemeralEnd;
        this.ephemeral = ephemeral;
    }

    /**
     * Returns the nodes of the inclusion proof (RFC 6962 section 2.1.1 audit path) for the leaf
     * at {@code index} in the tree of {@code size} leaves.
     *
     * @param index requires {@code 0 <= index < size}
     * @param size requires {@code 0 <= index < size}
     */
    public static ProofNodes inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException(
                    "requires 0 <= index < size, got index " + index + ", size " + size);
        }
        return nodes(index, 0, size).skipFirst();
    }

    /**
     * Returns the nodes of the consistency proof (RFC 6962 section 2.1.2) between the trees of
     * {@code size1} and {@code size2} leaves. The proof is empty when the sizes are equal. A
     * proof from the empty tree is meaningless and rejected, as in transparency-dev/merkle.
     *
     * @param size1 requires {@code 0 < size1 <= size2}
     * @param size2 requires {@code 0 < size1 <= size2}
     */
    public static ProofNodes consistency(long size1, long size2) {
        if (size1 <= 0 || size1 > size2) {
            throw new IllegalArgumentException("requires 0 < size1 <= size2, got size1 " + size1
                    + ", size2 " + size2 + (size1 == 0 ? ": a proof from the empty tree is meaningless" : ""));
        }
        if (size1 == size2) {
            return new ProofNodes(new ArrayList<>(), 0, 0, null);
        }
        // The root of the biggest perfect subtree ending at size1.
        int level = Long.numberOfTrailingZeros(size1);
        long index = (size1 - 1) >>> level;
        // The proof is that node followed by its inclusion proof in the tree of size2, except
        // when size1 is a power of two: then the node is the old root, which the verifier
        // already has from its checkpoint.
        ProofNodes nodes = nodes(index, level, size2);
        return Long.bitCount(size1) == 1 ? nodes.skipFirst() : nodes;
    }

    /**
     * Returns the IDs of the node at (level, index) followed by the nodes proving its inclusion
     * in the tree of the given size.
     */
    private static ProofNodes nodes(long index, int level, long size) {
        // The fork is where the path from the root to (level, index) leaves the path to leaf
        // size. Its sibling is the ephemeral node, the root of the incomplete subtree that only
        // non-ephemeral nodes covering the same leaves can stand in for. The fork and the
        // ephemeral node are inner levels above (level, index).
        int inner = Bits.len(index ^ (size >>> level)) - 1;
        NodeId fork = new NodeId(level + inner, index >>> inner);

        long forkBegin = fork.coverageBegin();
        long forkEnd = fork.coverageEnd();
        int left = CompactRange.rangeSize(0, forkBegin);
        int right = CompactRange.rangeSize(forkEnd, size);

        NodeId node = new NodeId(level, index);
        List<NodeId> ids = new ArrayList<>(1 + inner + right + left);
        ids.add(node);
        // Siblings along the path up to the fork.
        for (; node.level() < fork.level(); node = node.parent()) {
            ids.add(node.sibling());
        }
        // The nodes covering the leaves right of the fork: they stand in for the ephemeral
        // node, reversed so that rehash folds them from the lowest level up.
        int rehashBegin = ids.size();
        CompactRange.appendRangeNodes(forkEnd, size, ids);
        Collections.reverse(ids.subList(ids.size() - right, ids.size()));
        int rehashEnd = ids.size();
        // The nodes covering the leaves left of the fork, ordered by increasing level.
        CompactRange.appendRangeNodes(0, forkBegin, ids);
        Collections.reverse(ids.subList(ids.size() - left, ids.size()));

        if (rehashBegin >= rehashEnd) {
            rehashBegin = 0;
            rehashEnd = 0;
        }
        return new ProofNodes(ids, rehashBegin, rehashEnd, fork.sibling());
    }

    /** Drops the first ID, the node the proof is for, which the verifier already knows. */
    private ProofNodes skipFirst() {
        List<NodeId> rest = new ArrayList<>(ids.subList(1, ids.size()));
        if (ephemeralBegin < ephemeralEnd) {
            return new ProofNodes(rest, ephemeralBegin - 1, ephemeralEnd - 1, ephemeral);
        }
        return new ProofNodes(rest, ephemeralBegin, ephemeralEnd, ephemeral);
    }

    /** Returns the IDs of the stored nodes whose hashes {@link #rehash} needs, in that order. */
    public List<NodeId> ids() {
        return ids;
    }

    /**
     * Returns the ephemeral node: the sibling of the node where the proven node's path meets the
     * tree's right border. The IDs in {@code [ephemeralBegin(), ephemeralEnd())} stand in for
     * it; that span may hold a single node, whose hash is then the ephemeral node's hash. When
     * the span is empty the node is computed but unused: it is the sibling of a perfect tree's
     * root, or lies wholly outside the tree. Empty only for the empty consistency proof between
     * equal sizes, which has no path at all.
     */
    public Optional<NodeId> ephemeral() {
        return Optional.ofNullable(ephemeral);
    }

    /** Returns the index in {@link #ids()} of the first node folded into the ephemeral node. */
    public int ephemeralBegin() {
        return ephemeralBegin;
    }

    /** Returns the index in {@link #ids()} just past the last node folded into the ephemeral node. */
    public int ephemeralEnd() {
        return ephemeralEnd;
    }

    /**
     * Returns the proof: the fetched hashes with those in {@code [ephemeralBegin(),
     * ephemeralEnd())} replaced by the ephemeral node's hash. The input list is not modified.
     *
     * @param fetchedHashes the hashes of the nodes {@link #ids()}, in the same order; requires
     *     exactly one non-null hash per ID
     * @param hasher the tree hasher; requires non-null
     */
    public List<byte[]> rehash(List<byte[]> fetchedHashes, Rfc6962Hasher hasher) {
        Objects.requireNonNull(fetchedHashes, "requires fetched hashes");
        Objects.requireNonNull(hasher, "requires a hasher");
        if (fetchedHashes.size() != ids.size()) {
            throw new IllegalArgumentException(
                    "requires one hash per node: got " + fetchedHashes.size() + " hashes, want " + ids.size());
        }
        List<byte[]> proof = new ArrayList<>(ids.size());
        for (int i = 0; i < fetchedHashes.size(); i++) {
            byte[] hash = Objects.requireNonNull(fetchedHashes.get(i), "requires non-null hashes");
            if (i == ephemeralBegin && ephemeralBegin < ephemeralEnd) {
                // Each further node is a higher-level subtree to the left of those folded so far.
                for (i++; i < ephemeralEnd; i++) {
                    hash = hasher.hashChildren(fetchedHashes.get(i), hash);
                }
                i--;
            }
            proof.add(hash.clone());
        }
        return Collections.unmodifiableList(proof);
    }

    @Override
    public String toString() {
        return "ProofNodes" + ids + (ephemeralBegin < ephemeralEnd
                ? " rehashing [" + ephemeralBegin + ", " + ephemeralEnd + ") into " + ephemeral
                : "");
    }
}
