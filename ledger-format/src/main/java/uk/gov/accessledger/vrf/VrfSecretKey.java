package uk.gov.accessledger.vrf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ECVRF-EDWARDS25519-SHA512-TAI secret key: the 32-byte seed SK of RFC 8032 section 5.1.5,
 * from which the secret scalar x, the public key Y = x*B and the nonce key are derived once
 * (RFC 9381 section 5.1 step 1 allows caching them). The same seed makes the same Ed25519 key
 * pair, so a VRF key must never also sign. Immutable; {@link #toString()} shows only the public
 * key.
 */
public final class VrfSecretKey {

    /** The length of SK, as RFC 8032 section 5.1.5. */
    public static final int SEED_BYTES = 32;

    /** SK, kept for ECVRF_nonce_generation_RFC8032, which hashes it (RFC 9381 section 5.4.2.2). */
    private final byte[] seed;
    /** x: the first half of SHA-512(SK), clamped (RFC 8032 section 5.1.5 step 2). */
    private final byte[] scalar;
    private final EdwardsPoint publicPoint;
    private final byte[] publicKey;

    private VrfSecretKey(byte[] seed) {
        this.seed = seed.clone();
        byte[] h = Sha512.of(seed);
        byte[] x = Arrays.copyOf(h, 32);
        x[0] &= (byte) 0xf8;
        x[31] &= 0x7f;
        x[31] |= 0x40;
        this.scalar = x;
        this.publicPoint = ScalarMultiplication.base(x);
        this.publicKey = publicPoint.encode();
    }

    /** The key of a 32-byte seed, which should come from a cryptographically secure generator. */
    public static VrfSecretKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("requires a " + SEED_BYTES + "-byte VRF secret key, got "
                    + (seed == null ? 0 : seed.length));
        }
        return new VrfSecretKey(seed);
    }

    /** PK_string = point_to_string(x*B), 32 bytes, the same as the seed's Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as a verifier holds it. */
    public VrfPublicKey verifyingKey() {
        return new VrfPublicKey(publicPoint, publicKey);
    }

    byte[] seed() {
        return seed.clone();
    }

    byte[] scalar() {
        return scalar.clone();
    }

    EdwardsPoint publicPoint() {
        return publicPoint;
    }

    byte[] publicKeyBytes() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "VrfSecretKey[public " + HexFormat.of().formatHex(publicKey) + "]";
    }
}
