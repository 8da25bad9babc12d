package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.testonly.ReferenceTree;

class CompactRangeTest {

    private final Rfc6962Hasher hasher = Rfc6962Hasher.DEFAULT;

    private record Visit(NodeId id, byte[] hash) {
    }

    @Test
    void emptyTreeHasTheEmptyRoot() {
        assertThat(CompactRange.empty(hasher, 0).root()).isEqualTo(hasher.emptyRoot());
    }

    @Test
    void rootsOfThePublishedTestTreeMatchForEveryPrefix() {
        List<byte[]> leaves = TestTree.leaves();
        List<byte[]> roots = TestTree.roots();
        CompactRange range = CompactRange.empty(hasher, 0);
        for (int n = 1; n <= leaves.size(); n++) {
            range.append(hasher.hashLeaf(leaves.get(n - 1)));
            assertThat(range.root()).as("root of the first %d leaves", n).isEqualTo(roots.get(n - 1));
        }
    }

    @Test
    void appendReportsEachCompletedInteriorNodeLowestFirst() {
        List<byte[]> leafHashes = TestTree.leaves().stream().map(hasher::hashLeaf).toList();
        CompactRange range = CompactRange.empty(hasher, 0);
        List<List<NodeId>> reportedPerAppend = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        for (byte[] leafHash : leafHashes.subList(0, 4)) {
            List<NodeId> reported = new ArrayList<>();
            range.append(leafHash, (id, hash) -> {
                reported.add(id);
                visits.add(new Visit(id, hash));
            });
            reportedPerAppend.add(reported);
        }
        assertThat(reportedPerAppend).containsExactly(
                List.of(),
                List.of(new NodeId(1, 0)),
                List.of(),
                List.of(new NodeId(1, 1), new NodeId(2, 0)));
        ReferenceTree reference = ReferenceTree.ofLeaves(TestTree.leaves());
        for (Visit visit : visits) {
            assertThat(visit.hash()).isEqualTo(
                    reference.mth((int) visit.id().coverageBegin(), (int) visit.id().coverageEnd()));
        }
    }

    @Test
    void holdsOneHashPerSetBitOfTheSize() {
        CompactRange range = CompactRange.empty(hasher, 0);
        for (int i = 0; i < 13; i++) {
            range.append(hasher.hashLeaf(new byte[] {(byte) i}));
        }
        // 13 = 8 + 4 + 1
        assertThat(range.hashes()).hasSize(3);
        assertThat(CompactRange.rangeNodes(0, 13))
                .containsExactly(new NodeId(3, 0), new NodeId(2, 2), new NodeId(0, 12));
    }

    @Test
    void rangeNodesSplitsIntoTheFewestPerfectSubtrees() {
        // The example of transparency-dev/merkle compact.Decompose: [0b110, 0b11101) is
        // subtrees of sizes 2, 8, then 8, 4, 1.
        assertThat(CompactRange.rangeNodes(0b110, 0b11101)).containsExactly(
                new NodeId(1, 3), new NodeId(3, 1), new NodeId(3, 2), new NodeId(2, 6), new NodeId(0, 28));
        assertThat(CompactRange.rangeNodes(5, 5)).isEmpty();
        assertThat(CompactRange.rangeNodes(0, 0)).isEmpty();
    }

    @Test
    void rangeNodesCoverTheRangeContiguously() {
        for (long begin = 0; begin < 70; begin++) {
            for (long end = begin; end < 140; end++) {
                long pos = begin;
                for (NodeId id : CompactRange.rangeNodes(begin, end)) {
                    assertThat(id.coverageBegin()).as("[%d, %d)", begin, end).isEqualTo(pos);
                    pos = id.coverageEnd();
                }
                assertThat(pos).as("[%d, %d)", begin, end).isEqualTo(end);
            }
        }
    }

    @Test
    void rebuildsFromStoredNodesAndContinuesAsIfNeverStopped() {
        List<byte[]> leafHashes = TestTree.leaves().stream().map(hasher::hashLeaf).toList();
        CompactRange live = CompactRange.empty(hasher, 0);
        InMemoryNodeStore store = InMemoryNodeStore.buildTree(leafHashes.subList(0, 7), live);

        CompactRange restored = CompactRange.of(hasher, 0, 7, store.fetch(CompactRange.rangeNodes(0, 7)));
        assertThat(restored).isEqualTo(live);

        live.append(leafHashes.get(7));
        restored.append(leafHashes.get(7));
        assertThat(restored.root()).isEqualTo(live.root()).isEqualTo(TestTree.roots().get(7));
    }

    @Test
    void appendRangeMergesAdjacentRanges() {
        List<byte[]> leafHashes = TestTree.leaves().stream().map(hasher::hashLeaf).toList();
        CompactRange left = CompactRange.empty(hasher, 0);
        CompactRange right = CompactRange.empty(hasher, 3);
        leafHashes.subList(0, 3).forEach(left::append);
        leafHashes.subList(3, 8).forEach(right::append);
        CompactRange rightBefore = CompactRange.of(hasher, right.begin(), right.end(), right.hashes());

        List<NodeId> reported = new ArrayList<>();
        left.appendRange(right, (id, hash) -> reported.add(id));

        assertThat(left.begin()).isZero();
        assertThat(left.end()).isEqualTo(8);
        assertThat(left.root()).isEqualTo(TestTree.roots().get(7));
        assertThat(reported).containsExactly(new NodeId(1, 1), new NodeId(2, 0), new NodeId(3, 0));
        assertThat(right).isEqualTo(rightBefore);
    }

    @Test
    void appendingAnEmptyRangeChangesNothing() {
        CompactRange range = CompactRange.empty(hasher, 0);
        range.append(hasher.hashLeaf(new byte[] {1}));
        byte[] root = range.root();
        range.appendRange(CompactRange.empty(hasher, 1));
        assertThat(range.end()).isEqualTo(1);
        assertThat(range.root()).isEqualTo(root);
    }

    @Test
    void callersCannotChangeARangeThroughArraysTheyPassedOrReceived() {
        byte[] leafHash = hasher.hashLeaf(new byte[] {1});
        CompactRange range = CompactRange.empty(hasher, 0);
        range.append(leafHash);
        byte[] root = range.root();

        leafHash[0] ^= 1;
        range.hashes().get(0)[0] ^= 1;
        range.root()[0] ^= 1;

        assertThat(range.root()).isEqualTo(root);
    }

    @Test
    void rejectsAppendingARangeThatIsNotAdjacent() {
        CompactRange range = CompactRange.empty(hasher, 0);
        range.append(hasher.hashLeaf(new byte[] {1}));
        CompactRange gap = CompactRange.empty(hasher, 2);
        gap.append(hasher.hashLeaf(new byte[] {2}));
        assertThatThrownBy(() -> range.appendRange(gap))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires adjacent ranges: got other.begin 2, want 1");
    }

    @Test
    void rejectsHashesThatDoNotMatchTheRange() {
        byte[] hash = hasher.hashLeaf(new byte[0]);
        assertThatThrownBy(() -> CompactRange.of(hasher, 0, 3, List.of(hash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires one hash per subtree: got 1 hashes, want 2");
        assertThatThrownBy(() -> CompactRange.of(hasher, 0, 1, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires a 32-byte hash, got 31 bytes");
        assertThatThrownBy(() -> CompactRange.of(hasher, 4, 3, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires 0 <= begin <= end, got begin 4, end 3");
    }

    @Test
    void rejectsALeafHashOfTheWrongSize() {
        CompactRange range = CompactRange.empty(hasher, 0);
        assertThatThrownBy(() -> range.append(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires a 32-byte hash, got 3 bytes");
        assertThat(range.end()).isZero();
    }

    @Test
    void hasNoTreeRootUnlessItStartsAtZero() {
        CompactRange range = CompactRange.empty(hasher, 4);
        range.append(hasher.hashLeaf(new byte[] {1}));
        assertThatThrownBy(range::root)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("requires begin 0 for a tree root, got begin 4");
    }

    @Test
    void rejectsANegativeBegin() {
        assertThatThrownBy(() -> CompactRange.empty(hasher, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires begin >= 0, got begin -1");
    }
}
