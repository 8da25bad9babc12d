package uk.gov.accessledger.vrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.vrf.VrfVerificationException.Reason;

class VrfKeysTest {

    @Test
    void thePublicKeyIsTheSeedsEd25519PublicKey() {
        Random random = new Random(8032L);
        for (int n = 0; n < 200; n++) {
            byte[] seed = EcVrfRandomCrossCheckTest.bytes(random, 32);
            byte[] ed25519 = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(seed, 0, ed25519, 0);
            assertThat(VrfSecretKey.fromSeed(seed).publicKey()).isEqualTo(ed25519);
        }
    }

    @Test
    void refusesSeedsThatAreNot32Bytes() {
        assertThatThrownBy(() -> VrfSecretKey.fromSeed(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 31");
        assertThatThrownBy(() -> VrfSecretKey.fromSeed(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    }

    @Test
    void theKeyKeepsACopyOfTheSeedAndShowsOnlyThePublicKey() throws VrfVerificationException {
        byte[] seed = new byte[32];
        VrfSecretKey key = VrfSecretKey.fromSeed(seed);
        byte[] pi = EcVrf.prove(key, new byte[0]);
        seed[0] = 1;
        assertThat(EcVrf.prove(key, new byte[0])).isEqualTo(pi);
        assertThat(key.toString()).isEqualTo("VrfSecretKey[public " + HexFormat.of().formatHex(key.publicKey()) + "]");
        assertThat(VrfPublicKey.decode(key.publicKey()).encoded()).isEqualTo(key.verifyingKey().encoded());
    }

    @Test
    void decodingAPublicKeyRunsSteps1To3OfVerify() {
        assertThat(reasonFor(new byte[31])).isEqualTo(Reason.INVALID_PUBLIC_KEY);
        assertThat(reasonFor(null)).isEqualTo(Reason.INVALID_PUBLIC_KEY);
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertThat(reasonFor(identity)).isEqualTo(Reason.SMALL_ORDER_PUBLIC_KEY);
        byte[] aboveP = new byte[32];
        Arrays.fill(aboveP, (byte) 0xff);
        assertThat(reasonFor(aboveP)).isEqualTo(Reason.INVALID_PUBLIC_KEY);
    }

    private static Reason reasonFor(byte[] pk) {
        VrfVerificationException e = catchThrowableOfType(() -> VrfPublicKey.decode(pk), VrfVerificationException.class);
        return e.reason();
    }
}
