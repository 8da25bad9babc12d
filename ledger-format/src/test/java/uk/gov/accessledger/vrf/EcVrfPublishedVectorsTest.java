package uk.gov.accessledger.vrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

/** RFC 9381 Appendix B.3, every value it lists, through the code that computes it. */
class EcVrfPublishedVectorsTest {

    private static final TestVectors VECTORS = TestVectors.in("vrf");

    static Stream<Arguments> examples() {
        return VECTORS.blocks("rfc9381-b3-edwards25519-sha512-tai.txt").stream()
                .map(vector -> Arguments.of(vector.get("description"), vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void derivesThePublishedKeyAndSecretScalarFromTheSeed(String description, Map<String, String> vector) {
        VrfSecretKey key = VrfSecretKey.fromSeed(hex(vector.get("SK")));
        assertThat(key.publicKey()).isEqualTo(hex(vector.get("PK")));
        assertThat(key.scalar()).isEqualTo(hex(vector.get("x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void provesWithEveryPublishedIntermediate(String description, Map<String, String> vector) {
        VrfSecretKey key = VrfSecretKey.fromSeed(hex(vector.get("SK")));
        ProofSteps steps = ProofSteps.prove(key, hex(vector.get("alpha")));
        assertThat(steps.ctr()).isEqualTo(Integer.parseInt(vector.get("ctr")));
        assertThat(hexOf(steps.hString())).isEqualTo(vector.get("H"));
        assertThat(hexOf(steps.kString())).isEqualTo(vector.get("k_string"));
        assertThat(hexOf(steps.k())).isEqualTo(vector.get("k"));
        assertThat(hexOf(steps.u())).isEqualTo(vector.get("U"));
        assertThat(hexOf(steps.v())).isEqualTo(vector.get("V"));
        assertThat(hexOf(steps.pi())).isEqualTo(vector.get("pi"));
        assertThat(EcVrf.prove(key, hex(vector.get("alpha")))).isEqualTo(hex(vector.get("pi")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void encodesAlphaToThePublishedPointOnThePublishedCounter(String description, Map<String, String> vector) {
        EncodeToCurve.Result h = EncodeToCurve.tryAndIncrement(hex(vector.get("PK")), hex(vector.get("alpha")));
        assertThat(h.ctr()).isEqualTo(Integer.parseInt(vector.get("ctr")));
        assertThat(hexOf(h.h().encode())).isEqualTo(vector.get("H"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void hashesThePublishedProofToThePublishedOutput(String description, Map<String, String> vector) {
        assertThat(hexOf(EcVrf.proofToHash(hex(vector.get("pi"))))).isEqualTo(vector.get("beta"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theProoflessHashGivesThePublishedOutput(String description, Map<String, String> vector) {
        VrfSecretKey key = VrfSecretKey.fromSeed(hex(vector.get("SK")));
        assertThat(hexOf(EcVrf.hash(key, hex(vector.get("alpha"))))).isEqualTo(vector.get("beta"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void verifiesThePublishedProofAndReturnsThePublishedOutput(String description, Map<String, String> vector)
            throws VrfVerificationException {
        byte[] beta = EcVrf.verify(hex(vector.get("PK")), hex(vector.get("alpha")), hex(vector.get("pi")));
        assertThat(hexOf(beta)).isEqualTo(vector.get("beta"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theReferenceImplementationAgreesOnEveryExample(String description, Map<String, String> vector) {
        byte[] seed = hex(vector.get("SK"));
        byte[] alpha = hex(vector.get("alpha"));
        assertThat(ReferenceEcVrf.publicKey(seed)).isEqualTo(hex(vector.get("PK")));
        assertThat(ReferenceEcVrf.prove(seed, alpha)).isEqualTo(hex(vector.get("pi")));
        assertThat(ReferenceEcVrf.verify(hex(vector.get("PK")), alpha, hex(vector.get("pi"))))
                .isEqualTo(hex(vector.get("beta")));
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
