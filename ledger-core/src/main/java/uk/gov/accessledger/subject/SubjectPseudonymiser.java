package uk.gov.accessledger.subject;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Turns a citizen identifier into the subject pseudonym used everywhere in the ledger:
 * lowercase hex of {@code HMAC-SHA-256(key, scheme-code || 0x00 || canonical value)}.
 * The scheme is part of the MAC input so that equal digit strings in two schemes never collide.
 * Thread-safe.
 */
public final class SubjectPseudonymiser {

    /** NIST SP 800-107 recommends a key at least as long as the hash output. */
    public static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    /** Requires a key of at least {@value #MIN_KEY_BYTES} bytes. */
    public SubjectPseudonymiser(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("requires a pseudonym key of at least "
                    + MIN_KEY_BYTES + " bytes, got " + (key == null ? 0 : key.length));
        }
        this.key = key.clone();
    }

    public String pseudonymOf(CitizenIdentifier identifier) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        byte[] scheme = identifier.scheme().code().getBytes(StandardCharsets.UTF_8);
        byte[] value = identifier.value().getBytes(StandardCharsets.UTF_8);
        mac.update(scheme, 0, scheme.length);
        mac.update((byte) 0x00);
        mac.update(value, 0, value.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** True if {@code candidate} has the shape of a pseudonym (64 lowercase hex digits). */
    public static boolean isPseudonym(String candidate) {
        return candidate != null && candidate.matches("[0-9a-f]{64}");
    }
}
