package uk.gov.accessledger.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.bench.shared.EntryGenerator;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.NodeId;
import uk.gov.accessledger.merkle.ProofNodes;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * The benchmarks' own tree code must compute exactly what ledger-core computes, or their figures
 * would describe different work: cross-checked here against CompactRange and ProofVerifier.
 */
class MerkleStructuresTest {

    @Test
    void jdkHasherAgreesWithLedgerCore() {
        JdkTreeHasher jdk = new JdkTreeHasher();
        byte[] entry = new EntryGenerator(1).next(new EntryGenerator(2).nextSubject(), 0, null).encode();
        assertThat(jdk.hashLeaf(entry)).isEqualTo(CanonicalEntry.leafHash(entry));
        byte[] left = jdk.hashLeaf(new byte[] {1});
        byte[] right = jdk.hashLeaf(new byte[] {2});
        assertThat(jdk.hashChildren(left, right)).isEqualTo(Rfc6962Hasher.DEFAULT.hashChildren(left, right));
    }

    @Test
    void builtTreeHoldsTheNodesCompactRangeReports() {
        for (int size : new int[] {1, 2, 3, 1000, 1024, 1025}) {
            FlatTree built = FlatTree.buildSynthetic(size);
            FlatTree appended = new FlatTree();
            CompactRange range = CompactRange.empty(Rfc6962Hasher.DEFAULT, 0);
            for (int i = 0; i < size; i++) {
                byte[] leaf = FlatTree.syntheticLeaf(i);
                appended.put(0, i, leaf);
                range.append(leaf, appended::put);
            }
            for (int level = 0; level < 64; level++) {
                assertThat(built.count(level)).as("size %d level %d", size, level).isEqualTo(appended.count(level));
                for (long index = 0; index < built.count(level); index++) {
                    NodeId id = new NodeId(level, index);
                    assertThat(built.get(id)).as("%s", id).isEqualTo(appended.get(id));
                }
            }
        }
    }

    @Test
    void proofsFromTheBuiltTreeVerify() throws Exception {
        int size = 1000;
        FlatTree tree = FlatTree.buildSynthetic(size);
        byte[][] roots = new byte[size + 1][];
        CompactRange range = CompactRange.empty(Rfc6962Hasher.DEFAULT, 0);
        for (int i = 0; i < size; i++) {
            range.append(FlatTree.syntheticLeaf(i));
            roots[i + 1] = range.root();
        }
        for (int index = 0; index < size; index++) {
            ProofNodes nodes = ProofNodes.inclusion(index, size);
            ProofVerifier.verifyInclusion(Rfc6962Hasher.DEFAULT, index, size, FlatTree.syntheticLeaf(index),
                    nodes.rehash(fetch(tree, nodes), Rfc6962Hasher.DEFAULT), roots[size]);
        }
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            int size1 = 1 + random.nextInt(size);
            ProofNodes nodes = ProofNodes.consistency(size1, size);
            ProofVerifier.verifyConsistency(Rfc6962Hasher.DEFAULT, size1, size,
                    nodes.rehash(fetch(tree, nodes), Rfc6962Hasher.DEFAULT), roots[size1], roots[size]);
        }
    }

    @Test
    void proofBenchmarkSetupChecksItsRoot() throws Exception {
        ProofBenchmark benchmark = new ProofBenchmark();
        benchmark.leaves = 1025;
        benchmark.build();
        CompactRange range = CompactRange.empty(Rfc6962Hasher.DEFAULT, 0);
        for (int i = 0; i < 1025; i++) {
            range.append(FlatTree.syntheticLeaf(i));
        }
        assertThat(benchmark.root()).isEqualTo(range.root());
    }

    @Test
    void storeRejectsNodesOutOfOrderAndReadsOfMissingNodes() {
        FlatTree tree = new FlatTree();
        tree.put(0, 0, new byte[32]);
        assertThatThrownBy(() -> tree.put(0, 2, new byte[32])).hasMessageContaining("requires nodes in order");
        assertThatThrownBy(() -> tree.get(new NodeId(0, 1))).hasMessageContaining("level 0 has 1 nodes");
    }

    private static List<byte[]> fetch(FlatTree tree, ProofNodes nodes) {
        List<byte[]> fetched = new ArrayList<>();
        for (NodeId id : nodes.ids()) {
            fetched.add(tree.get(id));
        }
        return fetched;
    }
}
