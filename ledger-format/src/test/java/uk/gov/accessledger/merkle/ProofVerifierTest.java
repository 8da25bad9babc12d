package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

class ProofVerifierTest {

    private static final TestVectors VECTORS = TestVectors.in("merkle");

    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;

    static Stream<Arguments> inclusionProbes() {
        return probes("inclusion.json");
    }

    static Stream<Arguments> consistencyProbes() {
        return probes("consistency.json");
    }

    private static Stream<Arguments> probes(String file) {
        List<Arguments> cases = new ArrayList<>();
        VECTORS.json(file).get("probes").forEach(p -> cases.add(Arguments.of(
                (p.get("wantErr").asBoolean() ? "rejects " : "accepts ") + p.get("desc").asText(), p)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionProbes")
    void verifiesPublishedInclusionProbe(String name, JsonNode p) throws Exception {
        long index = p.get("leafIndex").asLong();
        long size = p.get("treeSize").asLong();
        byte[] leafHash = TestVectors.hex(p.get("leafHash"));
        List<byte[]> proof = TestVectors.hexList(p.get("proof"));
        byte[] root = TestVectors.hex(p.get("root"));
        if (p.get("wantErr").asBoolean()) {
            assertThatThrownBy(() -> ProofVerifier.verifyInclusion(HASHER, index, size, leafHash, proof, root))
                    .isInstanceOfAny(ProofVerificationException.class, IllegalArgumentException.class);
        } else {
            assertThat(ProofVerifier.rootFromInclusionProof(HASHER, index, size, leafHash, proof)).isEqualTo(root);
            assertThatCode(() -> ProofVerifier.verifyInclusion(HASHER, index, size, leafHash, proof, root))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyProbes")
    void verifiesPublishedConsistencyProbe(String name, JsonNode p) {
        long size1 = p.get("size1").asLong();
        long size2 = p.get("size2").asLong();
        List<byte[]> proof = TestVectors.hexList(p.get("proof"));
        byte[] root1 = TestVectors.hex(p.get("root1"));
        byte[] root2 = TestVectors.hex(p.get("root2"));
        if (p.get("wantErr").asBoolean()) {
            assertThatThrownBy(() -> ProofVerifier.verifyConsistency(HASHER, size1, size2, proof, root1, root2))
                    .isInstanceOfAny(ProofVerificationException.class, IllegalArgumentException.class);
        } else {
            assertThatCode(() -> ProofVerifier.verifyConsistency(HASHER, size1, size2, proof, root1, root2))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void vectorFilesHoldHappyPathsAndEveryMutation() {
        // 5 happy paths with 12 fixed mutations each, plus per-hash bit flips and removals
        // (transparency-dev/merkle cmd/proofgen), plus 12 static and 4 single-entry probes.
        assertThat(VECTORS.json("inclusion.json").get("probes")).hasSize(98);
        // 5 happy paths, 16 fixed mutations and per-hash flips for the 4 non-empty ones, 14 static.
        assertThat(VECTORS.json("consistency.json").get("probes")).hasSize(98);
    }

    @Test
    void reportsTheExpectedAndCalculatedRootOnMismatch() {
        List<byte[]> roots = TestTree.roots();
        byte[] leafHash = HASHER.hashLeaf(TestTree.leaves().get(0));
        List<byte[]> proof = List.of(HASHER.hashLeaf(TestTree.leaves().get(1)));
        byte[] wrongRoot = roots.get(2);

        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(HASHER, 0, 2, leafHash, proof, wrongRoot))
                .isInstanceOfSatisfying(RootMismatchException.class, e -> {
                    assertThat(e.treeSize()).isEqualTo(2);
                    assertThat(e.expected()).isEqualTo(wrongRoot);
                    assertThat(e.calculated()).isEqualTo(roots.get(1));
                    assertThat(e).hasMessage("couldn't verify proof: root of tree size 2 mismatched: got "
                            + Hex.toHexString(roots.get(1)) + ", want " + Hex.toHexString(wrongRoot));
                });
    }

    @Test
    void reportsTheProofSizeItGotAndWanted() {
        byte[] leafHash = HASHER.hashLeaf(new byte[0]);
        List<byte[]> proof = List.of(leafHash, leafHash, leafHash, leafHash);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(HASHER, 0, 8, leafHash, proof, leafHash))
                .isInstanceOfSatisfying(WrongProofSizeException.class, e -> {
                    assertThat(e.got()).isEqualTo(4);
                    assertThat(e.want()).isEqualTo(3);
                    assertThat(e).hasMessage("couldn't verify proof: got 4 proof hashes, want 3");
                });
    }

    @Test
    void consistencyReportsWhichRootMismatched() {
        List<byte[]> roots = TestTree.roots();
        // sizes 6 to 8 of the test tree (transparency-dev/merkle proof/verify_test.go).
        List<byte[]> proof = List.of(
                Hex.decode("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                Hex.decode("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                Hex.decode("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(HASHER, 6, 8, proof, roots.get(4), roots.get(7)))
                .isInstanceOfSatisfying(RootMismatchException.class, e -> assertThat(e.treeSize()).isEqualTo(6));
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(HASHER, 6, 8, proof, roots.get(5), roots.get(6)))
                .isInstanceOfSatisfying(RootMismatchException.class, e -> assertThat(e.treeSize()).isEqualTo(8));
    }

    @Test
    void consistencyOfEqualSizesNeedsAnEmptyProofAndEqualRoots() throws Exception {
        byte[] root = TestTree.roots().get(4);
        ProofVerifier.verifyConsistency(HASHER, 5, 5, List.of(), root, root.clone());
        assertThat(ProofVerifier.rootFromConsistencyProof(HASHER, 5, 5, List.of(), root)).isEqualTo(root);
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(HASHER, 5, 5, List.of(root), root, root))
                .isInstanceOfSatisfying(WrongProofSizeException.class, e -> assertThat(e.want()).isZero());
    }

    @Test
    void rejectsArgumentsOutsideThePreconditions() {
        byte[] hash = HASHER.hashLeaf(new byte[0]);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(HASHER, 3, 3, hash, List.of(), hash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires 0 <= index < size, got index 3, size 3");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(HASHER, -1, 3, hash, List.of(), hash))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(HASHER, 0, 1, new byte[9], List.of(), hash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires a 32-byte leaf hash, got 9 bytes");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(HASHER, 4, 3, List.of(), hash, hash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires 0 < size1 <= size2, got size1 4, size2 3");
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(HASHER, 0, 3, List.of(), hash, hash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requires 0 < size1 <= size2, got size1 0, size2 3: a proof from the empty tree is meaningless");
        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(HASHER, 0, 2, hash, Arrays.asList((byte[]) null), hash))
                .isInstanceOf(NullPointerException.class);
    }
}
