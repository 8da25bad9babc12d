package uk.gov.accessledger.logformat;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A known Ed25519 note key: its name, key ID and public key, as written in a verifier key
 * ("vkey") string {@code <name>+<hex key ID>+<base64(0x01 || 32-byte public key)>}
 * (c2sp.org/signed-note, "Verifier keys"; golang.org/x/mod/sumdb/note {@code NewVerifier}).
 *
 * <p>Only signature type 0x01, Ed25519 over the note text, is supported, as the spec recommends
 * an implementation support only the types its design needs.
 */
public final class NoteVerifier {

    /** The signed-note signature type identifier byte for Ed25519 signatures. */
    public static final byte ED25519_SIGNATURE_TYPE = 0x01;

    /** The RFC 8032 encoded length of an Ed25519 public key. */
    public static final int ED25519_PUBLIC_KEY_SIZE = Ed25519PublicKeyParameters.KEY_SIZE;

    /** The RFC 8032 length of an Ed25519 signature. */
    public static final int ED25519_SIGNATURE_SIZE = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private static final String FORMAT = "verifier key";

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final Ed25519PublicKeyParameters publicKeyParameters;

    private NoteVerifier(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey.clone();
        this.publicKeyParameters = new Ed25519PublicKeyParameters(this.publicKey, 0);
        this.keyId = KeyId.compute(name, ED25519_SIGNATURE_TYPE, this.publicKey);
    }

    /**
     * Returns the verifier for an Ed25519 public key under {@code name}; its key ID is derived as
     * the spec recommends.
     *
     * @throws IllegalArgumentException unless {@code name} is a valid key name and {@code
     *     publicKey} is a 32-byte RFC 8032 encoding of a curve point
     */
    public static NoteVerifier ed25519(String name, byte[] publicKey) {
        KeyName.require(name);
        if (publicKey.length != ED25519_PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException(
                    "requires a " + ED25519_PUBLIC_KEY_SIZE + "-byte public key: got " + publicKey.length);
        }
        return new NoteVerifier(name, publicKey);
    }

    /**
     * Parses a verifier key string.
     *
     * @throws LogFormatException if the name is empty or holds a space or '+', the key ID is not
     *     eight lowercase hex digits, the key is not canonical base64, the signature type is not
     *     Ed25519, the public key is not 32 bytes or not a curve point, or the key ID does not
     *     match the name and key
     */
    public static NoteVerifier parse(String verifierKey) {
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3) {
            throw new LogFormatException(FORMAT, "got " + parts.length + " '+'-separated parts, want 3");
        }
        return parseParts(FORMAT, parts[0], parts[1], parts[2]);
    }

    /**
     * Parses the name, hex key ID and base64 key of a verifier key; shared with the signer key
     * format, whose last three parts have the same form with a private seed as the key.
     */
    static NoteVerifier parseParts(String format, String name, String hexKeyId, String base64Key) {
        if (!KeyName.isValid(name)) {
            throw new LogFormatException(
                    format, "key name must be non-empty with no spaces or '+': got \"" + name + "\"");
        }
        int claimedKeyId;
        try {
            claimedKeyId = KeyId.parseHex(hexKeyId);
        } catch (NumberFormatException e) {
            throw new LogFormatException(format, "bad key ID \"" + hexKeyId + "\": " + e.getMessage());
        }
        byte[] typeAndKey = StrictBase64.decodeOrNull(base64Key);
        if (typeAndKey == null || typeAndKey.length == 0) {
            throw new LogFormatException(format, "key is not non-empty standard padded base64");
        }
        if (typeAndKey[0] != ED25519_SIGNATURE_TYPE) {
            throw new LogFormatException(
                    format,
                    String.format(
                            "got signature type 0x%02x, want 0x%02x (Ed25519)",
                            typeAndKey[0], ED25519_SIGNATURE_TYPE));
        }
        byte[] publicKey = Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length);
        if (publicKey.length != ED25519_PUBLIC_KEY_SIZE) {
            throw new LogFormatException(
                    format,
                    "got an Ed25519 key of " + publicKey.length + " bytes, want " + ED25519_PUBLIC_KEY_SIZE);
        }
        NoteVerifier verifier;
        try {
            verifier = new NoteVerifier(name, publicKey);
        } catch (IllegalArgumentException e) {
            throw new LogFormatException(format, "Ed25519 key is not a valid curve point");
        }
        if (verifier.keyId != claimedKeyId) {
            throw new LogFormatException(
                    format,
                    "key ID mismatch: got "
                            + hexKeyId
                            + ", want "
                            + KeyId.toHex(verifier.keyId)
                            + " for this name and key");
        }
        return verifier;
    }

    /** The key name, which is what signature lines name. */
    public String name() {
        return name;
    }

    /** The key ID, the first four bytes of every signature by this key. */
    public int keyId() {
        return keyId;
    }

    /** The 32-byte RFC 8032 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The verifier key string, {@code <name>+<hex key ID>+<base64(0x01 || public key)>}. */
    public String verifierKey() {
        byte[] typeAndKey = new byte[1 + publicKey.length];
        typeAndKey[0] = ED25519_SIGNATURE_TYPE;
        System.arraycopy(publicKey, 0, typeAndKey, 1, publicKey.length);
        return name + "+" + KeyId.toHex(keyId) + "+" + StrictBase64.encode(typeAndKey);
    }

    /** {@code <name>+<hex key ID>}, how notes and errors identify the key. */
    String keyLabel() {
        return name + "+" + KeyId.toHex(keyId);
    }

    /** Whether {@code signature} (without the key ID prefix) is this key's over {@code message}. */
    boolean verify(byte[] message, byte[] signature) {
        if (signature.length != ED25519_SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, publicKeyParameters);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier other
                && name.equals(other.name)
                && keyId == other.keyId
                && Arrays.equals(publicKey, other.publicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + verifierKey() + "]";
    }
}
