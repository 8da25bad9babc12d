package uk.gov.accessledger.vrf;

import java.util.Arrays;

/**
 * ECVRF_encode_to_curve_try_and_increment (RFC 9381 section 5.4.1.1) for
 * ECVRF-EDWARDS25519-SHA512-TAI: hashes the salt (the public key) and alpha with a one-byte
 * counter until the first 32 bytes of the hash decode to a point whose cofactor multiple is not
 * the identity. About half of all strings decode, so two tries are expected; the running time
 * depends on alpha, which the RFC notes (the counter it stops at is all that varies).
 */
final class EncodeToCurve {

    static final byte DOMAIN_SEPARATOR_FRONT = 0x01;
    static final byte DOMAIN_SEPARATOR_BACK = 0x00;

    /** H, a point of the prime-order group, and ctr, the counter the loop succeeded on. */
    record Result(EdwardsPoint h, int ctr) {}

    private EncodeToCurve() {}

    /**
     * H = ECVRF_encode_to_curve(salt, alpha). Fails with IllegalStateException only if all 256
     * counters fail, which the RFC puts at probability about 2^-256.
     */
    static Result tryAndIncrement(byte[] salt, byte[] alpha) {
        byte[] suite = {EcVrf.SUITE_STRING};
        byte[] front = {DOMAIN_SEPARATOR_FRONT};
        byte[] back = {DOMAIN_SEPARATOR_BACK};
        // Step 1; step 5 loops while H is INVALID or the identity.
        for (int ctr = 0; ctr < 256; ctr++) {
            // Step 5a: ctr_string = int_to_string(ctr, 1).
            byte[] ctrString = {(byte) ctr};
            // Step 5b: hash_string = Hash(suite_string || 0x01 || salt || alpha || ctr_string || 0x00).
            byte[] hashString = Sha512.of(suite, front, salt, alpha, ctrString, back);
            // Step 5c: interpret_hash_value_as_a_point(s) = string_to_point(s[0]...s[31]) (section 5.5).
            EdwardsPoint h = EdwardsPoint.decodeOrNull(Arrays.copyOf(hashString, 32));
            if (h == null) {
                continue;
            }
            // Step 5d: H = cofactor * H, which clears any small-order component.
            h = h.timesCofactor();
            if (!h.isIdentity()) {
                return new Result(h, ctr);
            }
        }
        throw new IllegalStateException("couldn't encode alpha to the curve: all 256 counters failed");
    }
}
