package uk.gov.accessledger.vrf;

import java.util.Objects;

/**
 * An ECVRF proof did not verify (RFC 9381 section 5.3 output "INVALID"). It carries the
 * {@link Reason}, the first step that failed, and where there is one, what was expected and
 * what was found (hex). Checked, so a caller cannot forget that verification can fail.
 */
public final class VrfVerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The step of RFC 9381 section 5.3 that failed. */
    public enum Reason {
        /** Steps 1-2: the public key is not the canonical RFC 8032 encoding of a curve point. */
        INVALID_PUBLIC_KEY,
        /** Step 3, ECVRF_validate_key (section 5.4.5): the public key has order 1, 2, 4 or 8. */
        SMALL_ORDER_PUBLIC_KEY,
        /** Step 4: the proof is not ptLen + cLen + qLen = 80 bytes. */
        INVALID_PROOF_LENGTH,
        /** Step 4, ECVRF_decode_proof (section 5.4.4) step 5: Gamma does not decode. */
        INVALID_GAMMA,
        /** Step 4, ECVRF_decode_proof step 8: s is not below L. */
        S_NOT_REDUCED,
        /** Step 11: the challenge recomputed from the proof is not the proof's c. */
        CHALLENGE_MISMATCH
    }

    private final Reason reason;
    private final String expected;
    private final String found;

    VrfVerificationException(Reason reason, String message, String expected, String found) {
        super("couldn't verify VRF proof: " + message);
        this.reason = Objects.requireNonNull(reason);
        this.expected = expected;
        this.found = found;
    }

    /** The first step that failed. */
    public Reason reason() {
        return reason;
    }

    /** What was expected, or {@code null} where the reason needs no comparison. */
    public String expected() {
        return expected;
    }

    /** What was found, or {@code null} where the reason needs no comparison. */
    public String found() {
        return found;
    }
}
