package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

class ProofNodesTest {

    private static final TestVectors VECTORS = TestVectors.in("merkle");

    private final Rfc6962Hasher hasher = Rfc6962Hasher.DEFAULT;

    static Stream<Arguments> section(String name) {
        List<Arguments> cases = new ArrayList<>();
        VECTORS.json("proof-nodes.json").get(name).forEach(c -> cases.add(Arguments.of(c.get("desc").asText(), c)));
        return cases.stream();
    }

    static Stream<Arguments> inclusionNodes() {
        return section("inclusion");
    }

    static Stream<Arguments> inclusionErrors() {
        return section("inclusionErrors");
    }

    static Stream<Arguments> consistencyNodes() {
        return section("consistency");
    }

    static Stream<Arguments> consistencyErrors() {
        return section("consistencyErrors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionNodes")
    void inclusionNeedsThePublishedNodes(String desc, JsonNode c) {
        ProofNodes nodes = ProofNodes.inclusion(c.get("index").asLong(), c.get("size").asLong());
        assertThat(nodes.ids()).containsExactlyElementsOf(nodeIds(c.get("ids")));
        assertThat(nodes.ephemeralBegin()).isEqualTo(c.get("rehashBegin").asInt());
        assertThat(nodes.ephemeralEnd()).isEqualTo(c.get("rehashEnd").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionErrors")
    void inclusionRejectsAnIndexOutsideTheTree(String desc, JsonNode c) {
        assertThatThrownBy(() -> ProofNodes.inclusion(c.get("index").asLong(), c.get("size").asLong()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requires 0 <= index < size");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyNodes")
    void consistencyNeedsThePublishedNodes(String desc, JsonNode c) {
        ProofNodes nodes = ProofNodes.consistency(c.get("size1").asLong(), c.get("size2").asLong());
        assertThat(nodes.ids()).containsExactlyElementsOf(nodeIds(c.get("ids")));
        assertThat(nodes.ephemeralBegin()).isEqualTo(c.get("rehashBegin").asInt());
        assertThat(nodes.ephemeralEnd()).isEqualTo(c.get("rehashEnd").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyErrors")
    void consistencyRejectsSizesOutOfOrderOrFromTheEmptyTree(String desc, JsonNode c) {
        assertThatThrownBy(() -> ProofNodes.consistency(c.get("size1").asLong(), c.get("size2").asLong()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("requires 0 < size1 <= size2");
    }

    @Test
    void consistencyBetweenEqualSizesIsEmpty() {
        ProofNodes nodes = ProofNodes.consistency(5, 5);
        assertThat(nodes.ids()).isEmpty();
        assertThat(nodes.ephemeralBegin()).isEqualTo(nodes.ephemeralEnd());
        assertThat(nodes.ephemeral()).isEmpty();
        assertThat(nodes.rehash(List.of(), hasher)).isEmpty();
    }

    static Stream<Arguments> ephemeralNodes() {
        return section("ephemeral");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ephemeralNodes")
    void namesThePublishedEphemeralNode(String desc, JsonNode c) {
        ProofNodes nodes = ProofNodes.inclusion(c.get("index").asLong(), c.get("size").asLong());
        assertThat(nodes.ephemeral()).contains(new NodeId(c.get("ephemeral").get(0).asInt(), c.get("ephemeral").get(1).asLong()));
    }

    @Test
    void theRehashedSpanStandsForTheEphemeralNode() {
        // Leaf 0 of 7: its path meets the right border at k = (2, 0). The sibling l = (2, 1) is
        // not a perfect subtree of a 7-leaf tree, so the stored j and i stand in for it.
        ProofNodes nodes = ProofNodes.inclusion(0, 7);
        assertThat(nodes.ephemeral()).contains(new NodeId(2, 1));
        assertThat(nodes.ids().subList(nodes.ephemeralBegin(), nodes.ephemeralEnd()))
                .containsExactly(new NodeId(0, 6), new NodeId(1, 2));
    }

    @Test
    void rehashLeavesHashesOutsideTheEphemeralSpanAlone() {
        // TestRehash "no-rehash" of transparency-dev/merkle proof/proof_test.go.
        List<byte[]> h = hashes(3);
        assertThat(ProofNodes.inclusion(3, 8).rehash(h, hasher)).containsExactlyElementsOf(h);
    }

    @Test
    void rehashFoldsTheEphemeralSpanInTheMiddle() {
        // TestRehash "rehash": inclusion(9, 15) folds hashes 2 and 3.
        List<byte[]> h = hashes(5);
        assertThat(ProofNodes.inclusion(9, 15).rehash(h, hasher)).containsExactly(
                h.get(0), h.get(1), hasher.hashChildren(h.get(3), h.get(2)), h.get(4));
    }

    @Test
    void rehashFoldsTheEphemeralSpanAtTheEnd() {
        // TestRehash "rehash-at-the-end": inclusion(2, 7) folds its last two hashes.
        List<byte[]> h = hashes(4);
        assertThat(ProofNodes.inclusion(2, 7).rehash(h, hasher)).containsExactly(
                h.get(0), h.get(1), hasher.hashChildren(h.get(3), h.get(2)));
    }

    @Test
    void rehashDoesNotModifyItsInput() {
        List<byte[]> h = new ArrayList<>(hashes(5));
        List<byte[]> before = List.copyOf(h);
        ProofNodes.inclusion(9, 15).rehash(h, hasher);
        assertThat(h).containsExactlyElementsOf(before);
    }

    @Test
    void rehashRejectsTheWrongNumberOfHashes() {
        assertThatThrownBy(() -> ProofNodes.inclusion(9, 15).rehash(hashes(4), hasher))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires one hash per node: got 4 hashes, want 5");
    }

    @Test
    void generatesThePublishedProofsOfTheTestTree() {
        List<byte[]> leaves = TestTree.leaves();
        InMemoryNodeStore store = InMemoryNodeStore.buildTree(
                leaves.stream().map(hasher::hashLeaf).toList(), CompactRange.empty(hasher, 0));
        int checked = 0;
        for (JsonNode p : VECTORS.json("inclusion.json").get("probes")) {
            if (!p.get("wantErr").asBoolean() && p.get("treeSize").asLong() <= leaves.size()
                    && p.get("desc").asText().contains("test tree")) {
                ProofNodes nodes = ProofNodes.inclusion(p.get("leafIndex").asLong(), p.get("treeSize").asLong());
                assertThat(nodes.rehash(store.fetch(nodes.ids()), hasher))
                        .as(p.get("desc").asText())
                        .containsExactlyElementsOf(TestVectors.hexList(p.get("proof")));
                checked++;
            }
        }
        for (JsonNode p : VECTORS.json("consistency.json").get("probes")) {
            if (!p.get("wantErr").asBoolean() && p.get("desc").asText().contains("test tree")) {
                ProofNodes nodes = ProofNodes.consistency(p.get("size1").asLong(), p.get("size2").asLong());
                assertThat(nodes.rehash(store.fetch(nodes.ids()), hasher))
                        .as(p.get("desc").asText())
                        .containsExactlyElementsOf(TestVectors.hexList(p.get("proof")));
                checked++;
            }
        }
        assertThat(checked).as("happy-path vectors checked").isEqualTo(10);
    }

    private List<byte[]> hashes(int n) {
        List<byte[]> h = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            h.add(hasher.hashLeaf(("Hash " + i).getBytes(StandardCharsets.US_ASCII)));
        }
        return h;
    }

    /** The node ids of a vector's {@code [level, index]} pairs. */
    private static List<NodeId> nodeIds(JsonNode pairs) {
        List<NodeId> out = new ArrayList<>();
        pairs.forEach(p -> out.add(new NodeId(p.get(0).asInt(), p.get(1).asLong())));
        return out;
    }
}
