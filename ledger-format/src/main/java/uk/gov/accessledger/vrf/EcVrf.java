package uk.gov.accessledger.vrf;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import uk.gov.accessledger.vrf.VrfVerificationException.Reason;

/**
 * ECVRF-EDWARDS25519-SHA512-TAI (RFC 9381 section 5.5, suite_string 0x03): a verifiable random
 * function whose output beta only the holder of the secret key can compute and anyone with the
 * public key can check against the proof pi.
 *
 * <p>Keys are RFC 8032 Ed25519 seeds ({@link VrfSecretKey}); pi is 80 bytes, beta 64. Verifying
 * supports only validate_key = TRUE (RFC 9381 section 5.3), which adds "full collision
 * resistance" and "unpredictability under malicious key generation". Stateless and thread-safe.
 */
public final class EcVrf {

    /** suite_string of ECVRF-EDWARDS25519-SHA512-TAI (RFC 9381 section 5.5). */
    public static final byte SUITE_STRING = 0x03;

    /** The length of pi_string: ptLen + cLen + qLen. */
    public static final int PROOF_BYTES = VrfProof.BYTES;

    /** The length of beta_string: hLen of SHA-512. */
    public static final int OUTPUT_BYTES = 64;

    static final byte CHALLENGE_DOMAIN_SEPARATOR_FRONT = 0x02;
    static final byte CHALLENGE_DOMAIN_SEPARATOR_BACK = 0x00;
    static final byte PROOF_TO_HASH_DOMAIN_SEPARATOR_FRONT = 0x03;
    static final byte PROOF_TO_HASH_DOMAIN_SEPARATOR_BACK = 0x00;

    private EcVrf() {}

    /** ECVRF_prove (RFC 9381 section 5.1): the proof pi_string, 80 bytes. Deterministic. */
    public static byte[] prove(VrfSecretKey secretKey, byte[] alpha) {
        return ProofSteps.prove(secretKey, alpha).pi();
    }

    /**
     * beta_string for {@code alpha} without a proof: the same 64 bytes as
     * {@code proofToHash(prove(secretKey, alpha))}, at the cost of one hash to the curve and one
     * scalar multiplication instead of the three of proving (section 5.1 steps 2 and 4, then
     * section 5.2 step 6).
     */
    public static byte[] hash(VrfSecretKey secretKey, byte[] alpha) {
        EdwardsPoint h = EncodeToCurve.tryAndIncrement(secretKey.publicKeyBytes(), alpha).h();
        return outputOf(ScalarMultiplication.secret(h, secretKey.scalar()));
    }

    /**
     * ECVRF_proof_to_hash (RFC 9381 section 5.2): beta_string of a proof. As the RFC requires, use
     * it only on a proof from {@link #prove} (or one {@link #verify} accepted, which returns beta
     * itself); requires a pi that decodes (section 5.4.4), else IllegalArgumentException.
     */
    public static byte[] proofToHash(byte[] pi) {
        try {
            // Steps 1-3: D = ECVRF_decode_proof(pi_string).
            return outputOf(VrfProof.decode(pi).gamma());
        } catch (VrfVerificationException e) {
            throw new IllegalArgumentException("requires a proof that decodes: " + e.getMessage(), e);
        }
    }

    /**
     * ECVRF_verify (RFC 9381 section 5.3) with validate_key = TRUE: beta_string if pi proves that
     * beta is the VRF output of {@code alpha} under {@code publicKey}, else the step that failed.
     */
    public static byte[] verify(byte[] publicKey, byte[] alpha, byte[] pi) throws VrfVerificationException {
        // Steps 1-3: Y = string_to_point(PK_string), ECVRF_validate_key(Y).
        return verify(VrfPublicKey.decode(publicKey), alpha, pi);
    }

    /** ECVRF_verify (RFC 9381 section 5.3) from step 4, for a public key already decoded. */
    public static byte[] verify(VrfPublicKey publicKey, byte[] alpha, byte[] pi) throws VrfVerificationException {
        EdwardsPoint y = publicKey.point();
        // Steps 4-6: (Gamma, c, s) = ECVRF_decode_proof(pi_string).
        VrfProof proof = VrfProof.decode(pi);
        byte[] c = Arrays.copyOf(proof.c(), 32);
        // Step 7: H = ECVRF_encode_to_curve(PK_string, alpha_string).
        EdwardsPoint h = EncodeToCurve.tryAndIncrement(publicKey.encodedBytes(), alpha).h();
        // Step 8: U = s*B - c*Y.
        EdwardsPoint u = ScalarMultiplication.publicBase(proof.s())
                .add(ScalarMultiplication.publicScalar(y, c).negate());
        // Step 9: V = s*H - c*Gamma.
        EdwardsPoint v = ScalarMultiplication.publicScalar(h, proof.s())
                .add(ScalarMultiplication.publicScalar(proof.gamma(), c).negate());
        // Step 10: c' = ECVRF_challenge_generation(Y, H, Gamma, U, V). Y and Gamma decoded
        // canonically, so their encodings are the bytes they came from.
        byte[] cPrime = challenge(publicKey.encodedBytes(), h.encode(), proof.gammaString(), u.encode(), v.encode());
        // Step 11: valid if c = c', and then beta = ECVRF_proof_to_hash(pi_string).
        if (!MessageDigest.isEqual(cPrime, proof.c())) {
            String want = HexFormat.of().formatHex(proof.c());
            String got = HexFormat.of().formatHex(cPrime);
            throw new VrfVerificationException(Reason.CHALLENGE_MISMATCH,
                    "challenge mismatch: got c' = " + got + ", want c = " + want, want, got);
        }
        return outputOf(proof.gamma());
    }

    /**
     * ECVRF_challenge_generation (RFC 9381 section 5.4.3) of five encoded points: the first cLen =
     * 16 bytes of Hash(suite_string || 0x02 || P1 || ... || P5 || 0x00), which is
     * int_to_string(c, 16).
     */
    static byte[] challenge(byte[] p1, byte[] p2, byte[] p3, byte[] p4, byte[] p5) {
        byte[] prefix = {SUITE_STRING, CHALLENGE_DOMAIN_SEPARATOR_FRONT};
        byte[] suffix = {CHALLENGE_DOMAIN_SEPARATOR_BACK};
        byte[] cString = Sha512.of(prefix, p1, p2, p3, p4, p5, suffix);
        return Arrays.copyOf(cString, VrfProof.CHALLENGE_BYTES);
    }

    /**
     * Section 5.2 step 6: beta_string = Hash(suite_string || 0x03 || point_to_string(cofactor *
     * Gamma) || 0x00).
     */
    private static byte[] outputOf(EdwardsPoint gamma) {
        byte[] prefix = {SUITE_STRING, PROOF_TO_HASH_DOMAIN_SEPARATOR_FRONT};
        byte[] suffix = {PROOF_TO_HASH_DOMAIN_SEPARATOR_BACK};
        return Sha512.of(prefix, gamma.timesCofactor().encode(), suffix);
    }
}
