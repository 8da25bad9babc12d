package uk.gov.accessledger.vrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VrfSubjectTest {

    /** The example key of docs/vrf.md: the seed is 32 bytes of ASCII "k". For examples only. */
    private static final VrfSecretKey EXAMPLE_KEY =
            VrfSecretKey.fromSeed("k".repeat(32).getBytes(StandardCharsets.US_ASCII));

    @Test
    void alphaIsTheStringTheHmacPseudonymiserKeys() {
        // ledger-core's SubjectPseudonymiserTest quotes the HMAC input b"nhs-number\x009434765919".
        assertThat(VrfSubject.alpha("nhs-number", "9434765919"))
                .isEqualTo("nhs-number\u00009434765919".getBytes(StandardCharsets.UTF_8));
        assertThat(VrfSubject.alpha("nino", "AB123456C")).containsExactly(
                'n', 'i', 'n', 'o', 0, 'A', 'B', '1', '2', '3', '4', '5', '6', 'C');
    }

    @Test
    void alphaRefusesSchemeCodesThatWouldMakeItAmbiguous() {
        assertThatThrownBy(() -> VrfSubject.alpha("nhs\u0000number", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without U+0000");
        assertThatThrownBy(() -> VrfSubject.alpha("", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VrfSubject.alpha("nino", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSubjectIsLowercaseHexOfTheFirst32BytesOfBeta() {
        // RFC 9381 Appendix B.3 Example 16's beta; its subject is the first 64 hex digits.
        byte[] beta = HexFormat.of().parseHex("90cf1df3b703cce59e2a35b925d411164068269d7b2d29f3301c03dd757876ff"
                + "66b71dda49d2de59d03450451af026798e8f81cd2e333de5cdf4f3e140fdd8ae");
        assertThat(VrfSubject.fromOutput(beta))
                .isEqualTo("90cf1df3b703cce59e2a35b925d411164068269d7b2d29f3301c03dd757876ff")
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theSubjectRefusesAnythingButA64ByteOutput() {
        assertThatThrownBy(() -> VrfSubject.fromOutput(new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 32");
        assertThatThrownBy(() -> VrfSubject.fromOutput(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWorkedExampleOfTheDocsIsWhatTheCodeComputes() throws VrfVerificationException {
        // docs/vrf.md's example. Computed by this package, and the same by two implementations that
        // share no code with it: ReferenceEcVrf (checked below) and the Python functions of
        // src/test/resources/vrf/make-negatives.py, run by hand.
        byte[] alpha = VrfSubject.alpha("nhs-number", "9434765919");
        byte[] pi = EcVrf.prove(EXAMPLE_KEY, alpha);
        byte[] beta = EcVrf.verify(EXAMPLE_KEY.publicKey(), alpha, pi);

        assertThat(hex(EXAMPLE_KEY.publicKey())).isEqualTo(EXAMPLE_PUBLIC_KEY);
        assertThat(hex(pi)).isEqualTo(EXAMPLE_PROOF);
        assertThat(hex(beta)).isEqualTo(EXAMPLE_OUTPUT);
        assertThat(VrfSubject.fromOutput(beta)).isEqualTo(EXAMPLE_SUBJECT);
        assertThat(VrfSubject.fromOutput(EcVrf.hash(EXAMPLE_KEY, alpha))).isEqualTo(EXAMPLE_SUBJECT);
        byte[] seed = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);
        assertThat(ReferenceEcVrf.prove(seed, alpha)).isEqualTo(pi);
        assertThat(ReferenceEcVrf.verify(EXAMPLE_KEY.publicKey(), alpha, pi)).isEqualTo(beta);
    }

    private static final String EXAMPLE_PUBLIC_KEY = "8320a51977d8c38ca8a4927c670df5821e449761945e15e9efb26a1509d230ea";
    private static final String EXAMPLE_PROOF = "f7775caa6b5f00da0434904c79983ba44768875f57cff7e28693701508ba3fd0"
            + "1523ec864f6a5a152985f7c7ac16f91c"
            + "d6d9c1ea9525dfd8659c8cf8f32c3248b7714bd1f6195d34418d632c7b23550b";
    private static final String EXAMPLE_OUTPUT = "24e0b576650c9fbb97ba27fbc55d90efc1fb31d5333aa5c3fae2b247ceba2171"
            + "7bd1608c74ff0a0862eaa8b30013709328d06fdd981920d052ba496914c7ce17";
    private static final String EXAMPLE_SUBJECT = "24e0b576650c9fbb97ba27fbc55d90efc1fb31d5333aa5c3fae2b247ceba2171";

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
