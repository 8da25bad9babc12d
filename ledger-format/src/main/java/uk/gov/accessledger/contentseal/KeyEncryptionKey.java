package uk.gov.accessledger.contentseal;

/**
 * A key-encryption key (KEK): the key, held outside the database, that wraps every data key
 * (docs/entry-format.md, "Keys"). The database stores only {@link WrappedDataKey}s, so a copy of
 * the database alone opens no content.
 *
 * <p>Contract for every implementation:
 * <ul>
 *   <li>{@link #unwrap} of {@link #wrap}'s result gives the same data key, for as long as the
 *       key-encryption key exists;
 *   <li>a data key wrapped under one key-encryption key does not unwrap under another:
 *       {@link #unwrap} throws {@link KeyUnwrapException}, both when the wrapped key names another
 *       {@link #keyId()} and when the key material differs under the same id, and returns nothing
 *       partial;
 *   <li>wrapped bytes that were altered do not unwrap.
 * </ul>
 *
 * <p>{@link AesKeyWrapKek} implements it with a configured key (RFC 3394). A key management
 * service implements the same three methods with its own calls: AWS KMS with {@code Encrypt} and
 * {@code Decrypt} on a symmetric key (key id: the key's ARN); Azure Key Vault or Managed HSM with
 * {@code wrapKey} and {@code unwrapKey} ({@code A256KW} on an AES key, {@code RSA-OAEP-256} on an
 * RSA key; key id: the versioned key identifier); a PKCS#11 HSM with {@code C_WrapKey} /
 * {@code C_UnwrapKey} and {@code CKM_AES_KEY_WRAP} (RFC 3394) under a non-extractable AES key
 * (key id: its label). Implementations are thread-safe.
 */
public interface KeyEncryptionKey {

    /**
     * The name under which wrapped keys record this key-encryption key: 1 to 256 printable ASCII
     * characters, different for different key material (a new key after rotation gets a new id).
     */
    String keyId();

    /** Wraps {@code dataKey}; requires a key not destroyed. */
    WrappedDataKey wrap(DataKey dataKey);

    /**
     * The data key {@code wrapped} holds.
     *
     * @throws KeyUnwrapException if {@code wrapped} names another key-encryption key, is
     *     malformed, or fails the integrity check
     */
    DataKey unwrap(WrappedDataKey wrapped) throws KeyUnwrapException;
}
