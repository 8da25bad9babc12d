package uk.gov.accessledger.contentseal;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESWrapEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A {@link KeyEncryptionKey} from a configured AES-256 key: data keys are wrapped with the AES
 * Key Wrap of RFC 3394 (NIST SP 800-38F's KW), with BouncyCastle's engine. A 32-byte data key
 * wraps to 40 bytes: the key, and a 64-bit integrity check value that unwrapping under other
 * key material fails with probability 1 - 2^-64.
 *
 * <p>KW rather than AES-GCM: it is made for wrapping keys, needs no nonce (so none can repeat
 * over the key-encryption key's whole life), and is the mechanism HSMs ({@code CKM_AES_KEY_WRAP})
 * and Azure Managed HSM ({@code A256KW}) offer, so wrapped keys can move there. RFC 5649's padding
 * is not needed: data keys are always 32 bytes, a whole number of 64-bit blocks.
 *
 * <p>Thread-safe: an engine is made per call.
 */
public final class AesKeyWrapKek implements KeyEncryptionKey {

    /** Bytes in the key-encryption key: AES-256. */
    public static final int KEY_SIZE = 32;

    /** Bytes in a wrapped data key: RFC 3394 adds one 64-bit block. */
    public static final int WRAPPED_SIZE = DataKey.SIZE + 8;

    private final String keyId;
    private final byte[] key;

    /**
     * @param keyId requires 1 to 256 printable ASCII characters, named in every key it wraps
     * @param key requires exactly 32 bytes, from configuration held outside the database; copied
     */
    public AesKeyWrapKek(String keyId, byte[] key) {
        if (!WrappedDataKey.isKeyId(keyId)) {
            throw new IllegalArgumentException("requires a key id of 1 to 256 printable ASCII characters");
        }
        if (key == null || key.length != KEY_SIZE) {
            throw new IllegalArgumentException("requires a key-encryption key of " + KEY_SIZE + " bytes");
        }
        this.keyId = keyId;
        this.key = key.clone();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public WrappedDataKey wrap(DataKey dataKey) {
        byte[] raw = dataKey.bytes();
        try {
            return new WrappedDataKey(keyId, rfc3394Wrap(key, raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    @Override
    public DataKey unwrap(WrappedDataKey wrapped) throws KeyUnwrapException {
        if (!wrapped.kekId().equals(keyId)) {
            throw KeyUnwrapException.wrongKeyId(wrapped.kekId(), keyId);
        }
        byte[] bytes = wrapped.wrapped();
        if (bytes.length != WRAPPED_SIZE) {
            throw new KeyUnwrapException("couldn't unwrap data key: got " + bytes.length + " wrapped bytes, want "
                    + WRAPPED_SIZE);
        }
        byte[] raw;
        try {
            raw = rfc3394Unwrap(key, bytes);
        } catch (InvalidCipherTextException e) {
            throw new KeyUnwrapException("couldn't unwrap data key: RFC 3394 integrity check failed"
                    + " (wrapped under other key material, or altered)", e);
        }
        try {
            return DataKey.of(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** RFC 3394 section 2.2.1 with AES under {@code kek} (16, 24 or 32 bytes), for the published vectors too. */
    static byte[] rfc3394Wrap(byte[] kek, byte[] keyData) {
        Wrapper engine = new AESWrapEngine();
        engine.init(true, new KeyParameter(kek));
        return engine.wrap(keyData, 0, keyData.length);
    }

    /** RFC 3394 section 2.2.2 with its section 2.2.3 integrity check. */
    static byte[] rfc3394Unwrap(byte[] kek, byte[] wrapped) throws InvalidCipherTextException {
        Wrapper engine = new AESWrapEngine();
        engine.init(false, new KeyParameter(kek));
        return engine.unwrap(wrapped, 0, wrapped.length);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "AesKeyWrapKek[" + keyId + "]";
    }
}
