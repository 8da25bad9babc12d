package uk.gov.accessledger.contentseal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A data key as stored: wrapped (encrypted and integrity-protected) by the key-encryption key
 * named {@code kekId}. Deleting every copy of it crypto-shreds what its data key sealed, once no
 * backup holds a copy that a key-encryption key still alive can unwrap.
 *
 * <p>Invariants: {@code kekId} is 1 to 256 printable ASCII characters; {@code wrapped} is not
 * empty. Immutable.
 */
public final class WrappedDataKey {

    private final String kekId;
    private final byte[] wrapped;

    /**
     * @param kekId requires 1 to 256 printable ASCII characters: the {@link KeyEncryptionKey#keyId()}
     *     that wrapped the key
     * @param wrapped requires non-empty bytes, whose form is the key-encryption key's
     */
    public WrappedDataKey(String kekId, byte[] wrapped) {
        if (!isKeyId(kekId)) {
            throw new IllegalArgumentException("requires a key id of 1 to 256 printable ASCII characters");
        }
        if (wrapped == null || wrapped.length == 0) {
            throw new IllegalArgumentException("requires wrapped key bytes");
        }
        this.kekId = kekId;
        this.wrapped = wrapped.clone();
    }

    /** Whether {@code id} is a valid key id: 1 to 256 printable ASCII characters (0x21 to 0x7e). */
    static boolean isKeyId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 256 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The id of the key-encryption key that wrapped the data key. */
    public String kekId() {
        return kekId;
    }

    /** A copy of the wrapped bytes. */
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedDataKey other && kekId.equals(other.kekId) && Arrays.equals(wrapped, other.wrapped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kekId, Arrays.hashCode(wrapped));
    }

    @Override
    public String toString() {
        return "WrappedDataKey[kekId=" + kekId + ", wrapped=" + HexFormat.of().formatHex(wrapped) + "]";
    }
}
