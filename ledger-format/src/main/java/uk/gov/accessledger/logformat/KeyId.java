package uk.gov.accessledger.logformat;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * Signed-note key IDs: {@code SHA-256(key name || 0x0A || signature type || public key)[:4]} read
 * as a big-endian uint32 (c2sp.org/signed-note, "Signatures"), and their fixed-length lowercase
 * hex form in key strings.
 */
final class KeyId {

    /** The separator between the key name and the signature type in the key ID preimage. */
    static final byte KEY_ID_NAME_SEPARATOR = 0x0A;

    private KeyId() {}

    static int compute(String keyName, byte signatureType, byte[] publicKey) {
        SHA256Digest sha256 = new SHA256Digest();
        byte[] name = keyName.getBytes(StandardCharsets.UTF_8);
        sha256.update(name, 0, name.length);
        sha256.update(KEY_ID_NAME_SEPARATOR);
        sha256.update(signatureType);
        sha256.update(publicKey, 0, publicKey.length);
        byte[] digest = new byte[sha256.getDigestSize()];
        sha256.doFinal(digest, 0);
        return fromBytes(digest, 0);
    }

    static int fromBytes(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24)
                | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8)
                | (bytes[offset + 3] & 0xFF);
    }

    static void toBytes(int keyId, byte[] bytes, int offset) {
        bytes[offset] = (byte) (keyId >>> 24);
        bytes[offset + 1] = (byte) (keyId >>> 16);
        bytes[offset + 2] = (byte) (keyId >>> 8);
        bytes[offset + 3] = (byte) keyId;
    }

    static String toHex(int keyId) {
        return String.format("%08x", keyId);
    }

    /**
     * Parses exactly eight lowercase hex digits, the only form the spec's "hex encoding" allows.
     *
     * @throws NumberFormatException if {@code hex} is anything else
     */
    static int parseHex(String hex) {
        if (hex.length() != 8) {
            throw new NumberFormatException("got " + hex.length() + " hex digits, want 8");
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                throw new NumberFormatException("got '" + c + "', want a lowercase hex digit");
            }
        }
        return Integer.parseUnsignedInt(hex, 16);
    }
}
