package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.testonly.ReferenceTree;

/**
 * Cross-checks the fast implementation (compact ranges, proofs built from stored nodes, the
 * verifiers) against {@link ReferenceTree}, the RFC 6962 definitions, on random trees with
 * fixed seeds: every size up to 300 exhaustively, and sampled sizes and indices up to 5,000.
 */
class ReferenceCrossCheckTest {

    private static final int EXHAUSTIVE_MAX = 300;
    private static final int SAMPLED_MAX = 5_000;

    private final Rfc6962Hasher hasher = Rfc6962Hasher.DEFAULT;

    /** A random tree: the reference, the leaf hashes and a node store filled by appending. */
    private record Tree(ReferenceTree reference, List<byte[]> leafHashes, InMemoryNodeStore store, List<byte[]> roots) {
    }

    private Tree randomTree(int size, long seed) {
        Random random = new Random(seed);
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte[] leaf = new byte[random.nextInt(65)];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        List<byte[]> leafHashes = leaves.stream().map(hasher::hashLeaf).toList();
        CompactRange range = CompactRange.empty(hasher, 0);
        InMemoryNodeStore store = new InMemoryNodeStore();
        List<byte[]> roots = new ArrayList<>(size + 1);
        roots.add(range.root());
        for (byte[] leafHash : leafHashes) {
            store.putLeaf(range.end(), leafHash);
            range.append(leafHash, store);
            roots.add(range.root());
        }
        return new Tree(ReferenceTree.ofLeaves(leaves), leafHashes, store, roots);
    }

    @Test
    void compactRangeRootIsTheMerkleTreeHashAtEverySize() {
        Tree tree = randomTree(SAMPLED_MAX, 1);
        for (int n = 0; n <= SAMPLED_MAX; n++) {
            assertThat(tree.roots().get(n)).as("root of size %d", n).isEqualTo(tree.reference().root(n));
        }
    }

    @Test
    void appendReportsEveryPerfectSubtreeExactlyOnceWithItsHash() {
        Tree tree = randomTree(SAMPLED_MAX, 2);
        Map<NodeId, byte[]> stored = tree.store().all();
        int expected = 0;
        for (int level = 0; (SAMPLED_MAX >> level) > 0; level++) {
            for (long index = 0; index < (SAMPLED_MAX >> level); index++) {
                NodeId id = new NodeId(level, index);
                assertThat(stored.get(id)).as("node %s", id).isEqualTo(
                        tree.reference().mth((int) id.coverageBegin(), (int) id.coverageEnd()));
                expected++;
            }
        }
        assertThat(stored).hasSize(expected);
    }

    @Test
    void inclusionProofsMatchTheReferenceAndVerifyForEverySizeUpTo300() throws Exception {
        Tree tree = randomTree(EXHAUSTIVE_MAX, 3);
        for (int size = 1; size <= EXHAUSTIVE_MAX; size++) {
            for (int index = 0; index < size; index++) {
                checkInclusion(tree, index, size);
            }
        }
    }

    @Test
    void consistencyProofsMatchTheReferenceAndVerifyForEveryPairUpTo300() throws Exception {
        Tree tree = randomTree(EXHAUSTIVE_MAX, 4);
        for (int size2 = 1; size2 <= EXHAUSTIVE_MAX; size2++) {
            for (int size1 = 1; size1 <= size2; size1++) {
                checkConsistency(tree, size1, size2);
            }
        }
    }

    @Test
    void proofsMatchTheReferenceAndVerifyOnRandomSizesUpTo5000() throws Exception {
        Tree tree = randomTree(SAMPLED_MAX, 5);
        Random random = new Random(6962);
        Set<Integer> sizes = new TreeSet<>(List.of(511, 512, 513, 1023, 1024, 1025, 2047, 2048, 2049,
                4095, 4096, 4097, SAMPLED_MAX));
        while (sizes.size() < 60) {
            sizes.add(1 + random.nextInt(SAMPLED_MAX));
        }
        for (int size : sizes) {
            checkInclusion(tree, 0, size);
            checkInclusion(tree, size - 1, size);
            checkConsistency(tree, 1, size);
            checkConsistency(tree, size, size);
            if (size > 1) {
                checkConsistency(tree, size - 1, size);
            }
            for (int i = 0; i < 40; i++) {
                checkInclusion(tree, random.nextInt(size), size);
                checkConsistency(tree, 1 + random.nextInt(size), size);
            }
        }
    }

    @Test
    void rangesBuiltInPiecesMergeIntoTheSameRangeAndReportEachNodeOnce() {
        Random random = new Random(9162);
        for (int round = 0; round < 40; round++) {
            int size = 1 + random.nextInt(SAMPLED_MAX / 4);
            Tree tree = randomTree(size, 100 + round);
            CompactRange appended = CompactRange.of(hasher, 0, size,
                    tree.store().fetch(CompactRange.rangeNodes(0, size)));

            InMemoryNodeStore store = new InMemoryNodeStore();
            List<CompactRange> pieces = new ArrayList<>();
            for (int begin = 0; begin < size; ) {
                int end = Math.min(size, begin + 1 + random.nextInt(size / 3 + 1));
                CompactRange piece = CompactRange.empty(hasher, begin);
                for (int i = begin; i < end; i++) {
                    store.putLeaf(i, tree.leafHashes().get(i));
                    piece.append(tree.leafHashes().get(i), store);
                }
                pieces.add(piece);
                begin = end;
            }
            // Merge neighbours pairwise, as a parallel builder would, until one range is left.
            while (pieces.size() > 1) {
                List<CompactRange> merged = new ArrayList<>();
                for (int i = 0; i < pieces.size(); i += 2) {
                    CompactRange left = pieces.get(i);
                    if (i + 1 < pieces.size()) {
                        left.appendRange(pieces.get(i + 1), store);
                    }
                    merged.add(left);
                }
                pieces = merged;
            }

            assertThat(pieces.get(0)).as("size %d", size).isEqualTo(appended);
            assertThat(pieces.get(0).root()).isEqualTo(tree.reference().root(size));
            assertThat(store.all().keySet()).isEqualTo(tree.store().all().keySet());
        }
    }

    @Test
    void rangesRebuiltFromStoredNodesEqualTheRangesThatWereBuilt() {
        Tree tree = randomTree(SAMPLED_MAX / 4, 7);
        Random random = new Random(2024);
        for (int round = 0; round < 300; round++) {
            int a = random.nextInt(SAMPLED_MAX / 4 + 1);
            int b = random.nextInt(SAMPLED_MAX / 4 + 1);
            int begin = Math.min(a, b);
            int end = Math.max(a, b);
            CompactRange built = CompactRange.empty(hasher, begin);
            tree.leafHashes().subList(begin, end).forEach(built::append);
            CompactRange rebuilt = CompactRange.of(hasher, begin, end,
                    tree.store().fetch(CompactRange.rangeNodes(begin, end)));
            assertThat(rebuilt).as("[%d, %d)", begin, end).isEqualTo(built);
        }
    }

    private void checkInclusion(Tree tree, int index, int size) throws ProofVerificationException {
        ProofNodes nodes = ProofNodes.inclusion(index, size);
        assertStoredAndInside(nodes, size);
        List<byte[]> proof = nodes.rehash(tree.store().fetch(nodes.ids()), hasher);
        assertThat(proof).as("inclusion of %d in %d", index, size)
                .containsExactlyElementsOf(tree.reference().path(index, size));
        assertEphemeralHash(tree, nodes, proof, size);
        byte[] root = tree.roots().get(size);
        ProofVerifier.verifyInclusion(hasher, index, size, tree.leafHashes().get(index), proof, root);
    }

    private void checkConsistency(Tree tree, int size1, int size2) throws ProofVerificationException {
        ProofNodes nodes = ProofNodes.consistency(size1, size2);
        assertStoredAndInside(nodes, size2);
        List<byte[]> proof = nodes.rehash(tree.store().fetch(nodes.ids()), hasher);
        assertThat(proof).as("consistency of %d and %d", size1, size2)
                .containsExactlyElementsOf(tree.reference().proof(size1, size2));
        assertEphemeralHash(tree, nodes, proof, size2);
        ProofVerifier.verifyConsistency(hasher, size1, size2, proof, tree.roots().get(size1), tree.roots().get(size2));
    }

    /** Every node a proof needs must be a perfect subtree of the tree, hence stored. */
    private static void assertStoredAndInside(ProofNodes nodes, long size) {
        Set<NodeId> distinct = new HashSet<>(nodes.ids());
        assertThat(distinct).hasSameSizeAs(nodes.ids());
        for (NodeId id : nodes.ids()) {
            assertThat(id.coverageEnd()).as("%s in tree of size %d", id, size).isLessThanOrEqualTo(size);
        }
    }

    /** The rehashed span's hash is the MTH of the ephemeral node's leaves that exist. */
    private static void assertEphemeralHash(Tree tree, ProofNodes nodes, List<byte[]> proof, int size) {
        if (nodes.ephemeralBegin() == nodes.ephemeralEnd()) {
            return;
        }
        NodeId ephemeral = nodes.ephemeral().orElseThrow();
        int begin = (int) ephemeral.coverageBegin();
        int end = (int) Math.min(ephemeral.coverageEnd(), size);
        assertThat(proof.get(nodes.ephemeralBegin())).as("ephemeral %s at size %d", ephemeral, size)
                .isEqualTo(tree.reference().mth(begin, end));
    }
}
