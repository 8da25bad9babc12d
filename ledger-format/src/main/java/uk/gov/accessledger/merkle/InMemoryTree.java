package uk.gov.accessledger.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 6962 tree small enough to hold every perfect subtree's hash in memory (the receipts of
 * one request, say), with its root and the inclusion proof of each leaf. Proofs are read from the
 * stored nodes as {@link ProofNodes} describes, exactly as the log's own proofs are.
 *
 * <p>Immutable; hash arrays are copied on the way in and out.
 */
public final class InMemoryTree {

    private final Rfc6962Hasher hasher;
    private final int size;
    private final byte[] root;
    /** {@code nodes.get(level).get(index)} is the hash of node (level, index); level 0 the leaves. */
    private final List<List<byte[]>> nodes;

    private InMemoryTree(Rfc6962Hasher hasher, int size, byte[] root, List<List<byte[]>> nodes) {
        this.hasher = hasher;
        this.size = size;
        this.root = root;
        this.nodes = nodes;
    }

    /**
     * Builds the tree whose leaves have the given RFC 6962 leaf hashes, in order.
     *
     * @param hasher requires non-null
     * @param leafHashes requires non-null hashes of {@link Rfc6962Hasher#HASH_SIZE} bytes each
     */
    public static InMemoryTree of(Rfc6962Hasher hasher, List<byte[]> leafHashes) {
        Objects.requireNonNull(hasher, "requires a hasher");
        List<List<byte[]>> nodes = new ArrayList<>();
        nodes.add(new ArrayList<>(leafHashes.size()));
        CompactRange range = CompactRange.empty(hasher, 0);
        for (byte[] leaf : leafHashes) {
            range.append(leaf, (id, hash) -> {
                if (nodes.size() == id.level()) {
                    nodes.add(new ArrayList<>());
                }
                // A level's nodes are completed left to right, so each arrives at its index.
                nodes.get(id.level()).add(hash);
            });
            nodes.get(0).add(leaf.clone());
        }
        return new InMemoryTree(hasher, leafHashes.size(), range.root(), nodes);
    }

    /** Returns the number of leaves. */
    public int size() {
        return size;
    }

    /** Returns the RFC 6962 root hash (the hash of the empty string for no leaves). */
    public byte[] root() {
        return root.clone();
    }

    /**
     * Returns the RFC 6962 inclusion proof (audit path) of the leaf at {@code index}.
     *
     * @param index requires {@code 0 <= index < size()}
     */
    public List<byte[]> inclusionProof(int index) {
        return inclusionProof(index, new HashMap<>());
    }

    /** Returns the inclusion proof of every leaf, in leaf order. */
    public List<List<byte[]>> inclusionProofs() {
        // Proofs of many leaves share the few ephemeral nodes on the right border; fold each once.
        Map<NodeId, byte[]> ephemeral = new HashMap<>();
        List<List<byte[]>> proofs = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            proofs.add(inclusionProof(i, ephemeral));
        }
        return proofs;
    }

    private List<byte[]> inclusionProof(int index, Map<NodeId, byte[]> ephemeral) {
        ProofNodes proof = ProofNodes.inclusion(index, size);
        List<byte[]> hashes = new ArrayList<>(proof.ids().size());
        for (NodeId id : proof.ids()) {
            hashes.add(nodes.get(id.level()).get(Math.toIntExact(id.index())));
        }
        int begin = proof.ephemeralBegin();
        int end = proof.ephemeralEnd();
        if (end - begin < 2) {
            return proof.rehash(hashes, hasher);
        }
        byte[] folded = ephemeral.get(proof.ephemeral().orElseThrow());
        if (folded == null) {
            List<byte[]> rehashed = proof.rehash(hashes, hasher);
            ephemeral.put(proof.ephemeral().orElseThrow(), rehashed.get(begin));
            return rehashed;
        }
        List<byte[]> rehashed = new ArrayList<>(hashes.subList(0, begin));
        rehashed.add(folded);
        rehashed.addAll(hashes.subList(end, hashes.size()));
        return rehashed.stream().map(byte[]::clone).toList();
    }
}
