package uk.gov.accessledger.vrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast ECVRF against the BigInteger reference and against itself, on seeded random inputs. */
class EcVrfRandomCrossCheckTest {

    @Test
    void proofsAndOutputsMatchTheReferenceOnRandomKeysAndInputs() throws VrfVerificationException {
        Random random = new Random(9381L);
        for (int n = 0; n < 16; n++) {
            byte[] seed = bytes(random, 32);
            byte[] alpha = bytes(random, random.nextInt(40));
            VrfSecretKey key = VrfSecretKey.fromSeed(seed);

            byte[] pi = EcVrf.prove(key, alpha);

            assertThat(key.publicKey()).isEqualTo(ReferenceEcVrf.publicKey(seed));
            assertThat(pi).isEqualTo(ReferenceEcVrf.prove(seed, alpha));
            byte[] beta = EcVrf.verify(key.publicKey(), alpha, pi);
            assertThat(ReferenceEcVrf.verify(key.publicKey(), alpha, pi)).isEqualTo(beta);
            assertThat(EcVrf.proofToHash(pi)).isEqualTo(beta);
        }
    }

    @Test
    void theProoflessHashIsTheOutputOfTheProofOnRandomKeysAndInputs() {
        Random random = new Random(5L);
        for (int n = 0; n < 200; n++) {
            VrfSecretKey key = VrfSecretKey.fromSeed(bytes(random, 32));
            byte[] alpha = bytes(random, random.nextInt(64));
            assertThat(EcVrf.hash(key, alpha)).isEqualTo(EcVrf.proofToHash(EcVrf.prove(key, alpha)));
        }
    }

    @Test
    void everyProofVerifiesUnderItsKeyAndNoOtherKeyOrInput() throws VrfVerificationException {
        Random random = new Random(11L);
        VrfSecretKey other = VrfSecretKey.fromSeed(bytes(random, 32));
        for (int n = 0; n < 100; n++) {
            VrfSecretKey key = VrfSecretKey.fromSeed(bytes(random, 32));
            byte[] alpha = bytes(random, 1 + random.nextInt(32));
            byte[] pi = EcVrf.prove(key, alpha);

            assertThat(EcVrf.verify(key.verifyingKey(), alpha, pi)).isEqualTo(EcVrf.hash(key, alpha));
            assertThatThrownBy(() -> EcVrf.verify(other.verifyingKey(), alpha, pi))
                    .isInstanceOf(VrfVerificationException.class);
            byte[] otherAlpha = alpha.clone();
            otherAlpha[random.nextInt(otherAlpha.length)] ^= (byte) (1 << random.nextInt(8));
            assertThatThrownBy(() -> EcVrf.verify(key.verifyingKey(), otherAlpha, pi))
                    .isInstanceOf(VrfVerificationException.class);
            byte[] flipped = pi.clone();
            flipped[random.nextInt(pi.length)] ^= (byte) (1 << random.nextInt(8));
            assertThatThrownBy(() -> EcVrf.verify(key.verifyingKey(), alpha, flipped))
                    .isInstanceOf(VrfVerificationException.class);
        }
    }

    @Test
    void provingIsDeterministicAndOutputsDifferAcrossInputs() {
        VrfSecretKey key = VrfSecretKey.fromSeed(new byte[32]);
        byte[] alpha = {1, 2, 3};
        assertThat(EcVrf.prove(key, alpha)).isEqualTo(EcVrf.prove(key, alpha.clone()));
        assertThat(EcVrf.hash(key, alpha)).isNotEqualTo(EcVrf.hash(key, new byte[] {1, 2, 4}));
    }

    @Test
    void proofToHashRefusesAProofThatDoesNotDecode() {
        assertThatThrownBy(() -> EcVrf.proofToHash(new byte[79]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("79 bytes, want 80");
        byte[] badGamma = new byte[80];
        Arrays.fill(badGamma, 0, 32, (byte) 0xff); // Gamma's y = 2^255 - 1, not below p
        assertThatThrownBy(() -> EcVrf.proofToHash(badGamma))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a canonical point");
    }

    static byte[] bytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
