package uk.gov.accessledger.logformat;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A named Ed25519 key that signs notes (c2sp.org/signed-note, signature type 0x01).
 *
 * <p>Its key ID is {@code SHA-256(name || 0x0A || 0x01 || 32-byte public key)[:4]}. The private
 * key can be kept in a file as a signer key string {@code
 * PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>}, the format of
 * golang.org/x/mod/sumdb/note {@code NewSigner} and {@code GenerateKey}, so keys move between
 * this ledger and Go tooling unchanged.
 */
public final class Ed25519NoteSigner {

    /** The literal start of a signer key string, so it is never mistaken for a verifier key. */
    public static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";

    private static final String FORMAT = "signer key";

    private final Ed25519PrivateKeyParameters privateKey;
    private final NoteVerifier verifier;

    /**
     * Creates a signer for {@code privateKey} under {@code name}.
     *
     * @throws IllegalArgumentException unless {@code name} is non-empty with no spaces, '+' or
     *     control characters
     */
    public Ed25519NoteSigner(String name, Ed25519PrivateKeyParameters privateKey) {
        KeyName.require(name);
        this.privateKey = privateKey;
        this.verifier = NoteVerifier.ed25519(name, privateKey.generatePublicKey().getEncoded());
    }

    /** Generates a new key under {@code name} from {@code random}. */
    public static Ed25519NoteSigner generate(String name, SecureRandom random) {
        return new Ed25519NoteSigner(name, new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Parses a signer key string.
     *
     * @throws LogFormatException if it does not start with {@value #SIGNER_KEY_PREFIX}, the name
     *     is invalid, the key ID is not eight lowercase hex digits, the key is not canonical base64
     *     of 0x01 and a 32-byte seed, or the key ID does not match the name and derived public key
     */
    public static Ed25519NoteSigner fromSignerKey(String signerKey) {
        if (!signerKey.startsWith(SIGNER_KEY_PREFIX)) {
            throw new LogFormatException(FORMAT, "must start with " + SIGNER_KEY_PREFIX);
        }
        String[] parts = signerKey.substring(SIGNER_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new LogFormatException(
                    FORMAT, "got " + parts.length + " '+'-separated parts after the prefix, want 3");
        }
        // The seed has the same framing as a verifier key's public key: check it, then derive the
        // public key and let the verifier-key rules check the claimed key ID against it.
        byte[] typeAndSeed = StrictBase64.decodeOrNull(parts[2]);
        if (typeAndSeed == null
                || typeAndSeed.length != 1 + Ed25519PrivateKeyParameters.KEY_SIZE
                || typeAndSeed[0] != NoteVerifier.ED25519_SIGNATURE_TYPE) {
            throw new LogFormatException(
                    FORMAT, "key must be standard padded base64 of 0x01 and a 32-byte Ed25519 seed");
        }
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(typeAndSeed, 1);
        Arrays.fill(typeAndSeed, (byte) 0);
        byte[] typeAndPublicKey = new byte[1 + NoteVerifier.ED25519_PUBLIC_KEY_SIZE];
        typeAndPublicKey[0] = NoteVerifier.ED25519_SIGNATURE_TYPE;
        privateKey.generatePublicKey().encode(typeAndPublicKey, 1);
        NoteVerifier verifier =
                NoteVerifier.parseParts(
                        FORMAT, parts[0], parts[1], StrictBase64.encode(typeAndPublicKey));
        return new Ed25519NoteSigner(verifier.name(), privateKey);
    }

    /**
     * The signer key string. It holds the private key: store it as a secret, never log it.
     */
    public String signerKey() {
        byte[] typeAndSeed = new byte[1 + Ed25519PrivateKeyParameters.KEY_SIZE];
        typeAndSeed[0] = NoteVerifier.ED25519_SIGNATURE_TYPE;
        privateKey.encode(typeAndSeed, 1);
        try {
            return SIGNER_KEY_PREFIX
                    + verifier.name()
                    + "+"
                    + KeyId.toHex(verifier.keyId())
                    + "+"
                    + StrictBase64.encode(typeAndSeed);
        } finally {
            Arrays.fill(typeAndSeed, (byte) 0);
        }
    }

    /** The key name. */
    public String name() {
        return verifier.name();
    }

    /** The key ID. */
    public int keyId() {
        return verifier.keyId();
    }

    /** The verifier key string to publish, {@code <name>+<hex key ID>+<base64(0x01 || key)>}. */
    public String verifierKey() {
        return verifier.verifierKey();
    }

    /** The verifier for this signer's public key. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** Signs {@code message}; Ed25519 is deterministic, so equal messages get equal signatures. */
    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Shows the public half only. */
    @Override
    public String toString() {
        return "Ed25519NoteSigner[" + verifier.verifierKey() + "]";
    }
}
