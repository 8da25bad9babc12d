package uk.gov.accessledger.vrf;

import java.util.Arrays;

/**
 * ECVRF_prove (RFC 9381 section 5.1) with every intermediate value it computes kept, so that
 * tests can check each one the RFC's Appendix B.3 lists.
 *
 * @param ctr the counter ECVRF_encode_to_curve_try_and_increment succeeded on
 * @param hString point_to_string(H)
 * @param kString the 64-byte hash that k reduces (section 5.4.2.2 step 3)
 * @param k the nonce, 32 bytes little-endian, below L
 * @param u k*B, encoded
 * @param v k*H, encoded
 * @param pi the proof
 */
record ProofSteps(int ctr, byte[] hString, byte[] kString, byte[] k, byte[] u, byte[] v, byte[] pi) {

    /** Runs section 5.1 for {@code secretKey} and {@code alpha}. */
    static ProofSteps prove(VrfSecretKey secretKey, byte[] alpha) {
        // Step 1: x and Y = x*B, derived once in VrfSecretKey.
        byte[] x = secretKey.scalar();
        byte[] pkString = secretKey.publicKeyBytes();
        // Step 2: H = ECVRF_encode_to_curve(encode_to_curve_salt = PK_string, alpha_string).
        EncodeToCurve.Result encoded = EncodeToCurve.tryAndIncrement(pkString, alpha);
        EdwardsPoint h = encoded.h();
        // Step 3: h_string = point_to_string(H).
        byte[] hString = h.encode();
        // Step 4: Gamma = x*H.
        EdwardsPoint gamma = ScalarMultiplication.secret(h, x);
        // Step 5: k = ECVRF_nonce_generation_RFC8032(SK, h_string) (section 5.4.2.2):
        // k_string = Hash(Hash(SK)[32..63] || h_string), k = string_to_int(k_string) mod q.
        byte[] truncatedHashedSk = Arrays.copyOfRange(Sha512.of(secretKey.seed()), 32, 64);
        byte[] kString = Sha512.of(truncatedHashedSk, hString);
        byte[] k = ScalarModL.reduce(kString);
        // Step 6: c = ECVRF_challenge_generation(Y, H, Gamma, k*B, k*H).
        byte[] u = ScalarMultiplication.base(k).encode();
        byte[] v = ScalarMultiplication.secret(h, k).encode();
        byte[] gammaString = gamma.encode();
        byte[] c = EcVrf.challenge(pkString, hString, gammaString, u, v);
        // Step 7: s = (k + c*x) mod q.
        byte[] s = ScalarModL.multiplyAdd(c, x, k);
        // Step 8: pi_string = point_to_string(Gamma) || int_to_string(c, cLen) || int_to_string(s, qLen).
        byte[] pi = new VrfProof(gamma, gammaString, c, s).encode();
        return new ProofSteps(encoded.ctr(), hString, kString, k, u, v, pi);
    }
}
