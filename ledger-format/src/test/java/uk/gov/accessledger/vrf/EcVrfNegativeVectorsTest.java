package uk.gov.accessledger.vrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;
import uk.gov.accessledger.vrf.VrfVerificationException.Reason;

/** The mutated proofs of verify-negatives.txt, each refused for the reason it names. */
class EcVrfNegativeVectorsTest {

    private static final TestVectors VECTORS = TestVectors.in("vrf");

    static Stream<Arguments> negatives() {
        return VECTORS.blocks("verify-negatives.txt").stream()
                .map(vector -> Arguments.of(vector.get("description"), vector));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void refusesTheMutatedProofForTheNamedReason(String description, Map<String, String> vector) {
        byte[] pk = hex(vector.get("pk"));
        byte[] alpha = hex(vector.get("alpha"));
        byte[] pi = hex(vector.get("pi"));
        Reason want = Reason.valueOf(vector.get("want").substring("reject:".length()));

        VrfVerificationException e =
                catchThrowableOfType(() -> EcVrf.verify(pk, alpha, pi), VrfVerificationException.class);

        assertThat(e).as(description).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(want);
        assertThat(e.getMessage()).startsWith("couldn't verify VRF proof: ");
        assertThat(ReferenceEcVrf.verify(pk, alpha, pi)).as("the reference verifier refuses it too").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void aChallengeMismatchSaysWhatWasComputedAndWhatTheProofHeld(String description, Map<String, String> vector) {
        if (!vector.get("want").equals("reject:CHALLENGE_MISMATCH")) {
            return;
        }
        byte[] pi = hex(vector.get("pi"));
        VrfVerificationException e = catchThrowableOfType(
                () -> EcVrf.verify(hex(vector.get("pk")), hex(vector.get("alpha")), pi),
                VrfVerificationException.class);
        assertThat(e.expected()).isEqualTo(vector.get("pi").substring(64, 96));
        assertThat(e.found()).hasSize(32).isNotEqualTo(e.expected());
        assertThat(e.getMessage()).contains("got c' = " + e.found() + ", want c = " + e.expected());
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
