package uk.gov.accessledger.vrf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The subject of a format-2 ledger entry as a VRF output (docs/vrf.md): alpha is the string the
 * HMAC pseudonymiser of format 1 keys, UTF-8 scheme code || 0x00 || UTF-8 canonical value, and
 * the subject is lowercase hex of the first 32 bytes of beta, the same 64-hex shape as before.
 */
public final class VrfSubject {

    /** The bytes of beta the subject keeps: 256 bits, as SHA-256 gave in format 1. */
    public static final int SUBJECT_BYTES = 32;

    private VrfSubject() {}

    /**
     * alpha_string for a citizen identifier: scheme code, a 0x00 byte, canonical value, each in
     * UTF-8. Requires a non-empty scheme code without U+0000, so that the split is unambiguous.
     */
    public static byte[] alpha(String schemeCode, String canonicalValue) {
        if (schemeCode == null || schemeCode.isEmpty() || schemeCode.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("requires a non-empty scheme code without U+0000, got "
                    + (schemeCode == null ? "null" : "\"" + schemeCode.replace("\0", "\\0") + "\""));
        }
        if (canonicalValue == null) {
            throw new IllegalArgumentException("requires a canonical identifier value, got null");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(schemeCode.getBytes(StandardCharsets.UTF_8));
        out.write(0x00);
        out.writeBytes(canonicalValue.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The subject of a VRF output: lowercase hex of beta[0..31]; requires a 64-byte beta. */
    public static String fromOutput(byte[] beta) {
        if (beta == null || beta.length != EcVrf.OUTPUT_BYTES) {
            throw new IllegalArgumentException("requires a " + EcVrf.OUTPUT_BYTES + "-byte VRF output, got "
                    + (beta == null ? 0 : beta.length));
        }
        return HexFormat.of().formatHex(beta, 0, SUBJECT_BYTES);
    }
}
