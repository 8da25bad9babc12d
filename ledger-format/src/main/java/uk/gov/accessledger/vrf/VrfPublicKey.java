package uk.gov.accessledger.vrf;

import java.util.HexFormat;
import uk.gov.accessledger.vrf.VrfVerificationException.Reason;

/**
 * An ECVRF-EDWARDS25519-SHA512-TAI public key that passed steps 1 to 3 of ECVRF_verify (RFC 9381
 * section 5.3), which the RFC notes need to run only once per key: it is the canonical RFC 8032
 * encoding of a curve point Y, and ECVRF_validate_key (section 5.4.5) found 8*Y is not the
 * identity. This implementation supports only validate_key = TRUE. Immutable.
 */
public final class VrfPublicKey {

    /** The length of PK_string. */
    public static final int BYTES = 32;

    private final EdwardsPoint point;
    private final byte[] encoded;

    VrfPublicKey(EdwardsPoint point, byte[] encoded) {
        this.point = point;
        this.encoded = encoded.clone();
    }

    /** Decodes and validates PK_string, or says which of steps 1 to 3 refused it. */
    public static VrfPublicKey decode(byte[] pkString) throws VrfVerificationException {
        if (pkString == null || pkString.length != BYTES) {
            int length = pkString == null ? 0 : pkString.length;
            throw new VrfVerificationException(Reason.INVALID_PUBLIC_KEY,
                    "public key is " + length + " bytes, want " + BYTES, Integer.toString(BYTES),
                    Integer.toString(length));
        }
        // Steps 1-2: Y = string_to_point(PK_string), RFC 8032 section 5.1.3 decoding.
        EdwardsPoint y = EdwardsPoint.decodeOrNull(pkString);
        if (y == null) {
            throw new VrfVerificationException(Reason.INVALID_PUBLIC_KEY,
                    "public key " + hex(pkString) + " is not a canonical point encoding", null, hex(pkString));
        }
        // Step 3: ECVRF_validate_key, Y' = cofactor*Y must not be the identity.
        if (y.timesCofactor().isIdentity()) {
            throw new VrfVerificationException(Reason.SMALL_ORDER_PUBLIC_KEY,
                    "public key " + hex(pkString) + " has small order", null, hex(pkString));
        }
        return new VrfPublicKey(y, pkString);
    }

    /** PK_string, 32 bytes. */
    public byte[] encoded() {
        return encoded.clone();
    }

    EdwardsPoint point() {
        return point;
    }

    byte[] encodedBytes() {
        return encoded;
    }

    @Override
    public String toString() {
        return "VrfPublicKey[" + hex(encoded) + "]";
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
