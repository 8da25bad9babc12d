package uk.gov.accessledger.contentseal;

import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * An AES-256 data key: the key that seals the content openings of one subject for one retention
 * period. It exists in clear only in memory; it is stored wrapped by a {@link KeyEncryptionKey},
 * and destroying every wrapped copy crypto-shreds the content it sealed.
 *
 * <p>Invariant: 32 bytes until {@link #destroy()} overwrites them with zeros; a destroyed key
 * refuses to be used. Thread-safe for use; destroy it only when no other thread uses it.
 */
public final class DataKey implements Destroyable {

    /** Bytes in an AES-256 key. */
    public static final int SIZE = 32;

    private final byte[] key;
    private volatile boolean destroyed;

    private DataKey(byte[] key) {
        this.key = key;
    }

    /** A new key of 32 bytes from {@code random}; requires a cryptographically strong generator. */
    public static DataKey generate(SecureRandom random) {
        byte[] key = new byte[SIZE];
        random.nextBytes(key);
        return new DataKey(key);
    }

    /**
     * The key whose bytes are {@code key}, copied: for a {@link KeyEncryptionKey} that unwrapped
     * it, and for known-answer tests.
     *
     * @param key requires exactly 32 bytes
     */
    public static DataKey of(byte[] key) {
        if (key == null || key.length != SIZE) {
            throw new IllegalArgumentException("requires a data key of " + SIZE + " bytes");
        }
        return new DataKey(key.clone());
    }

    /**
     * A copy of the raw key, for a {@link KeyEncryptionKey} to wrap. The caller overwrites the
     * copy when done and never logs or stores it.
     *
     * @throws IllegalStateException if the key has been destroyed
     */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("couldn't use data key: destroyed");
        }
        return key.clone();
    }

    /** Overwrites the key with zeros; every later use fails. */
    @Override
    public void destroy() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return destroyed ? "DataKey[destroyed]" : "DataKey[AES-256]";
    }
}
