package uk.gov.accessledger.contentseal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sealed form of a format 2 entry's content opening (docs/entry-format.md, "Sealed
 * content"): {@code nonce (12 bytes) || ciphertext || tag (16 bytes)}, AES-256-GCM (NIST SP
 * 800-38D) under the subject's data key for the period, with the associated data
 * {@code "access-ledger entry content v2" || 0x00 || leafHash}. The associated data binds the
 * sealed bytes to one leaf: moved to another entry they fail to open, even under the same key.
 *
 * <p>Nonces are 96 random bits, fresh for every seal. SP 800-38D section 8.3 allows 2^32 random
 * nonces under one key; a data key seals one subject's entries of one period, many orders of
 * magnitude fewer.
 */
public final class SealedContent {

    /** Bytes in a GCM nonce: 96 bits, the length SP 800-38D recommends. */
    public static final int NONCE_SIZE = 12;

    /** Bytes in a GCM tag: the full 128 bits. */
    public static final int TAG_SIZE = 16;

    /** The associated data's label, before the 0x00 separator and the leaf hash. */
    static final String AAD_LABEL = "access-ledger entry content v2";

    private static final String NIST_SP800_38D_AES_GCM = "AES/GCM/NoPadding";
    private static final int LEAF_HASH_SIZE = 32;

    private SealedContent() {
    }

    /**
     * Seals {@code opening} for the entry whose leaf hash is {@code leafHash}.
     *
     * @param key requires a key not destroyed
     * @param leafHash requires the 32-byte leaf hash of the entry whose opening this is
     * @param opening the opening's canonical bytes
     * @param random requires a cryptographically strong generator, such as {@link SecureRandom}
     */
    public static byte[] seal(DataKey key, byte[] leafHash, byte[] opening, SecureRandom random) {
        byte[] nonce = new byte[NONCE_SIZE];
        random.nextBytes(nonce);
        return seal(key, leafHash, opening, nonce);
    }

    /** As {@link #seal(DataKey, byte[], byte[], SecureRandom)} with a given nonce: for known-answer tests only. */
    static byte[] seal(DataKey key, byte[] leafHash, byte[] opening, byte[] nonce) {
        byte[] aad = associatedData(leafHash);
        byte[] sealed = new byte[NONCE_SIZE + opening.length + TAG_SIZE];
        System.arraycopy(nonce, 0, sealed, 0, NONCE_SIZE);
        try {
            Cipher gcm = gcm(Cipher.ENCRYPT_MODE, key, nonce);
            gcm.updateAAD(aad);
            gcm.doFinal(opening, 0, opening.length, sealed, NONCE_SIZE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("couldn't seal with AES-256-GCM, which every JDK has", e);
        }
        return sealed;
    }

    /**
     * Opens {@code sealed}, which must have been sealed under {@code key} for the entry whose leaf
     * hash is {@code leafHash}, and returns the opening's bytes. Check them against the leaf's
     * commitment before trusting them: a key holder could seal anything.
     *
     * @param key requires a key not destroyed
     * @param leafHash requires 32 bytes
     * @throws SealedContentException if {@code sealed} is too short or fails authentication;
     *     no part of the plaintext is returned
     */
    public static byte[] open(DataKey key, byte[] leafHash, byte[] sealed) throws SealedContentException {
        byte[] aad = associatedData(leafHash);
        if (sealed.length < NONCE_SIZE + TAG_SIZE) {
            throw new SealedContentException("couldn't open sealed content: got " + sealed.length
                    + " bytes, want at least " + (NONCE_SIZE + TAG_SIZE) + " (nonce and tag)");
        }
        try {
            Cipher gcm = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, NONCE_SIZE));
            gcm.updateAAD(aad);
            return gcm.doFinal(sealed, NONCE_SIZE, sealed.length - NONCE_SIZE);
        } catch (AEADBadTagException e) {
            throw new SealedContentException("couldn't open sealed content: authentication failed"
                    + " (another data key, another entry's content, or altered bytes)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("couldn't open with AES-256-GCM, which every JDK has", e);
        }
    }

    /** {@code "access-ledger entry content v2" || 0x00 || leafHash}; requires a 32-byte leaf hash. */
    static byte[] associatedData(byte[] leafHash) {
        if (leafHash == null || leafHash.length != LEAF_HASH_SIZE) {
            throw new IllegalArgumentException("requires a leaf hash of " + LEAF_HASH_SIZE + " bytes");
        }
        byte[] label = AAD_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] aad = Arrays.copyOf(label, label.length + 1 + LEAF_HASH_SIZE);
        System.arraycopy(leafHash, 0, aad, label.length + 1, LEAF_HASH_SIZE);
        return aad;
    }

    /** AES-256-GCM with a full tag, for the published vectors and for sealing. */
    static Cipher gcm(int mode, DataKey key, byte[] nonce) throws GeneralSecurityException {
        byte[] raw = key.bytes();
        try {
            return gcm(mode, raw, nonce);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static Cipher gcm(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (nonce.length != NONCE_SIZE) {
            throw new IllegalArgumentException("requires a nonce of " + NONCE_SIZE + " bytes");
        }
        Cipher gcm = Cipher.getInstance(NIST_SP800_38D_AES_GCM);
        gcm.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_SIZE * Byte.SIZE, nonce));
        return gcm;
    }
}
