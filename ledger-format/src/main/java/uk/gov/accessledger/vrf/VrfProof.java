package uk.gov.accessledger.vrf;

import java.util.Arrays;
import java.util.HexFormat;
import uk.gov.accessledger.vrf.VrfVerificationException.Reason;

/**
 * pi_string = point_to_string(Gamma) || int_to_string(c, cLen) || int_to_string(s, qLen)
 * (RFC 9381 section 5.1 step 8): 32 + 16 + 32 = 80 bytes. A decoded proof holds a Gamma that
 * is a curve point in its one canonical encoding and an s below L.
 *
 * @param gamma Gamma, the point x*H
 * @param gammaString its 32-byte encoding, as found in pi
 * @param c the 16-byte challenge, little-endian
 * @param s the 32-byte response, little-endian, below L
 */
record VrfProof(EdwardsPoint gamma, byte[] gammaString, byte[] c, byte[] s) {

    static final int POINT_BYTES = 32;
    static final int CHALLENGE_BYTES = 16;
    static final int SCALAR_BYTES = 32;
    static final int BYTES = POINT_BYTES + CHALLENGE_BYTES + SCALAR_BYTES;

    /** ECVRF_decode_proof (RFC 9381 section 5.4.4), or which of its checks failed. */
    static VrfProof decode(byte[] pi) throws VrfVerificationException {
        if (pi == null || pi.length != BYTES) {
            int length = pi == null ? 0 : pi.length;
            throw new VrfVerificationException(Reason.INVALID_PROOF_LENGTH,
                    "proof is " + length + " bytes, want " + BYTES, Integer.toString(BYTES), Integer.toString(length));
        }
        // Steps 1-3: split pi into gamma_string, c_string and s_string.
        byte[] gammaString = Arrays.copyOfRange(pi, 0, POINT_BYTES);
        byte[] c = Arrays.copyOfRange(pi, POINT_BYTES, POINT_BYTES + CHALLENGE_BYTES);
        byte[] s = Arrays.copyOfRange(pi, POINT_BYTES + CHALLENGE_BYTES, BYTES);
        // Steps 4-5: Gamma = string_to_point(gamma_string), INVALID if it does not decode.
        EdwardsPoint gamma = EdwardsPoint.decodeOrNull(gammaString);
        if (gamma == null) {
            throw new VrfVerificationException(Reason.INVALID_GAMMA,
                    "Gamma " + hex(gammaString) + " is not a canonical point encoding", null, hex(gammaString));
        }
        // Steps 6-8: c and s are string_to_int; s >= q is INVALID (no second encoding of s).
        if (!ScalarModL.isReduced(s, 0)) {
            throw new VrfVerificationException(Reason.S_NOT_REDUCED,
                    "got s = " + ScalarModL.fromLittleEndian(s) + ", want s < L", "s < L", hex(s));
        }
        return new VrfProof(gamma, gammaString, c, s);
    }

    /** pi_string, 80 bytes. */
    byte[] encode() {
        byte[] pi = new byte[BYTES];
        System.arraycopy(gammaString, 0, pi, 0, POINT_BYTES);
        System.arraycopy(c, 0, pi, POINT_BYTES, CHALLENGE_BYTES);
        System.arraycopy(s, 0, pi, POINT_BYTES + CHALLENGE_BYTES, SCALAR_BYTES);
        return pi;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
