package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.testonly.ReferenceTree;
import uk.gov.accessledger.testonly.TestVectors;

/**
 * The example of RFC 6962 section 2.1.3: a 7-leaf tree with named nodes, and the audit paths and
 * consistency proofs the RFC lists by those names (rfc6962-example.json). The RFC gives no
 * hashes, so the leaves are the first 7 of the published test tree.
 */
class Rfc6962ExampleTest {

    private static final TestVectors VECTORS = TestVectors.in("merkle");

    private final Rfc6962Hasher hasher = Rfc6962Hasher.DEFAULT;
    private JsonNode example;
    private int size;
    private ReferenceTree reference;
    private InMemoryNodeStore store;
    private Map<String, byte[]> named;

    @BeforeEach
    void buildTheExampleTree() {
        example = VECTORS.json("rfc6962-example.json");
        size = example.get("leafCount").asInt();
        List<byte[]> leaves = TestTree.leaves().subList(0, size);
        reference = ReferenceTree.ofLeaves(leaves);
        store = InMemoryNodeStore.buildTree(leaves.stream().map(hasher::hashLeaf).toList(), CompactRange.empty(hasher, 0));
        named = new HashMap<>();
        example.get("nodes").fields().forEachRemaining(e ->
                named.put(e.getKey(), reference.mth(e.getValue().get(0).asInt(), e.getValue().get(1).asInt())));
    }

    @Test
    void auditPathsAreTheNodesTheRfcNames() throws Exception {
        byte[] root = TestTree.roots().get(size - 1);
        for (JsonNode c : example.get("auditPaths")) {
            int index = c.get("index").asInt();
            List<byte[]> want = byName(c.get("path"));
            ProofNodes nodes = ProofNodes.inclusion(index, size);
            List<byte[]> proof = nodes.rehash(store.fetch(nodes.ids()), hasher);

            assertThat(proof).as(c.get("desc").asText()).containsExactlyElementsOf(want);
            assertThat(reference.path(index, size)).as(c.get("desc").asText()).containsExactlyElementsOf(want);
            ProofVerifier.verifyInclusion(hasher, index, size, reference.leafHash(index), proof, root);
        }
    }

    @Test
    void consistencyProofsAreTheNodesTheRfcNames() throws Exception {
        List<byte[]> roots = TestTree.roots();
        for (JsonNode c : example.get("consistencyProofs")) {
            int size1 = c.get("size1").asInt();
            List<byte[]> want = byName(c.get("proof"));
            ProofNodes nodes = ProofNodes.consistency(size1, size);
            List<byte[]> proof = nodes.rehash(store.fetch(nodes.ids()), hasher);

            assertThat(proof).as(c.get("desc").asText()).containsExactlyElementsOf(want);
            assertThat(reference.proof(size1, size)).as(c.get("desc").asText()).containsExactlyElementsOf(want);
            ProofVerifier.verifyConsistency(hasher, size1, size, proof, roots.get(size1 - 1), roots.get(size - 1));
        }
    }

    private List<byte[]> byName(JsonNode names) {
        List<byte[]> hashes = new ArrayList<>();
        names.forEach(n -> hashes.add(named.get(n.asText())));
        return hashes;
    }
}
