package uk.gov.accessledger.vrf;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Random;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints microseconds of this thread's CPU time per prove, hash and verify, the best of several
 * rounds (CPU time and the best round, because the machine is shared); asserts nothing about
 * time. Runs only when
 * asked: {@code mvn -pl ledger-format test -Dtest=EcVrfSpeedTest -Dvrf.speed=true}.
 */
@EnabledIfSystemProperty(named = "vrf.speed", matches = "true")
class EcVrfSpeedTest {

    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 8;
    private static final int PER_ROUND = 1000;

    private interface Operation {
        long run(int i) throws VrfVerificationException;
    }

    @Test
    void printsMicrosecondsPerOperation() throws VrfVerificationException {
        Random random = new Random(1L);
        VrfSecretKey key = VrfSecretKey.fromSeed(EcVrfRandomCrossCheckTest.bytes(random, 32));
        VrfPublicKey publicKey = key.verifyingKey();
        byte[][] alphas = new byte[PER_ROUND][];
        byte[][] proofs = new byte[PER_ROUND][];
        for (int i = 0; i < PER_ROUND; i++) {
            alphas[i] = VrfSubject.alpha("nhs-number", Long.toString(9_000_000_000L + random.nextInt(1_000_000_000)));
            proofs[i] = EcVrf.prove(key, alphas[i]);
        }
        System.out.printf("ECVRF-EDWARDS25519-SHA512-TAI, thread CPU time, best of %d rounds of %d operations:%n", ROUNDS, PER_ROUND);
        print("prove", i -> EcVrf.prove(key, alphas[i])[0]);
        print("hash (no proof)", i -> EcVrf.hash(key, alphas[i])[0]);
        print("verify (decoded public key)", i -> EcVrf.verify(publicKey, alphas[i], proofs[i])[0]);
        print("verify (public key as bytes)", i -> EcVrf.verify(key.publicKey(), alphas[i], proofs[i])[0]);
        EdwardsPoint h = EncodeToCurve.tryAndIncrement(key.publicKey(), alphas[0]).h();
        print("secret scalar multiple", i -> ScalarMultiplication.secret(h, proofs[i]).hashCode());
        print("public scalar multiple", i -> ScalarMultiplication.publicScalar(h, proofs[i]).hashCode());
        print("secret base multiple", i -> ScalarMultiplication.base(proofs[i]).hashCode());
        print("public base multiple", i -> ScalarMultiplication.publicBase(proofs[i]).hashCode());
        print("point encoding", i -> h.encode()[i & 31]);
        print("encode to curve only", i -> EncodeToCurve.tryAndIncrement(key.publicKey(), alphas[i]).ctr());
        // Yardsticks on the same machine in the same run: BouncyCastle's Ed25519 signing (one
        // fixed-base multiplication) and verifying (a double multiplication, variable time).
        byte[] seed = EcVrfRandomCrossCheckTest.bytes(random, 32);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, alphas[0], 0, alphas[0].length, signature, 0);
        byte[] signerKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, signerKey, 0);
        print("BouncyCastle Ed25519 sign", i -> {
            byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(seed, 0, alphas[i], 0, alphas[i].length, out, 0);
            return out[0];
        });
        print("BouncyCastle Ed25519 verify", i ->
                Ed25519.verify(signature, 0, signerKey, 0, alphas[0], 0, alphas[0].length) ? 1 : 0);
    }

    private static void print(String name, Operation operation) throws VrfVerificationException {
        long best = Long.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = THREAD.getCurrentThreadCpuTime();
            for (int i = 0; i < PER_ROUND; i++) {
                sink += operation.run(i);
            }
            best = Math.min(best, THREAD.getCurrentThreadCpuTime() - start);
        }
        System.out.printf("  %-30s %8.1f us/op   (sink %d)%n", name, best / 1e3 / PER_ROUND, sink);
    }
}
