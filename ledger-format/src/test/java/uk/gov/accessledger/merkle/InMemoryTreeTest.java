package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.testonly.ReferenceTree;

class InMemoryTreeTest {

    private static final Rfc6962Hasher H = Rfc6962Hasher.DEFAULT;

    @Test
    void rootAndEveryProofEqualTheRecursiveReferenceForEverySizeUpTo70() throws Exception {
        for (int size = 1; size <= 70; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaves.add(("receipt " + size + "/" + i).getBytes(StandardCharsets.UTF_8));
            }
            ReferenceTree reference = ReferenceTree.ofLeaves(leaves);
            InMemoryTree tree = InMemoryTree.of(H, leaves.stream().map(H::hashLeaf).toList());

            assertThat(tree.size()).isEqualTo(size);
            assertThat(tree.root()).as("root of %d", size).isEqualTo(reference.root(size));
            List<List<byte[]>> all = tree.inclusionProofs();
            assertThat(all).hasSize(size);
            for (int i = 0; i < size; i++) {
                List<byte[]> proof = tree.inclusionProof(i);
                assertThat(all.get(i)).usingElementComparator(Arrays::compare).containsExactlyElementsOf(proof);
                assertThat(proof).as("proof of %d in %d", i, size).usingElementComparator(Arrays::compare)
                        .containsExactlyElementsOf(reference.path(i, size));
                ProofVerifier.verifyInclusion(H, i, size, H.hashLeaf(leaves.get(i)), proof, tree.root());
            }
        }
    }

    @Test
    void theEmptyTreeHasTheEmptyRootAndNoProofs() {
        InMemoryTree tree = InMemoryTree.of(H, List.of());

        assertThat(tree.root()).isEqualTo(H.emptyRoot());
        assertThatThrownBy(() -> tree.inclusionProof(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 0, size 0");
    }

    @Test
    void refusesAHashOfTheWrongSize() {
        assertThatThrownBy(() -> InMemoryTree.of(H, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
