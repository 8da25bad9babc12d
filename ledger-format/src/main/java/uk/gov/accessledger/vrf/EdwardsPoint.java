package uk.gov.accessledger.vrf;

import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of edwards25519, -x^2 + y^2 = 1 + d*x^2*y^2 over GF(2^255 - 19) (RFC 8032 section 5.1),
 * in extended homogeneous coordinates (X : Y : Z : T) with x = X/Z, y = Y/Z and x*y = T/Z
 * (RFC 8032 section 5.1.4). Immutable.
 *
 * <p>Field elements are BouncyCastle's {@link X25519Field} limbs (ten signed ints, radix
 * 2^25.5), whose {@code mul} and {@code sqr} return reduced limbs but whose {@code add} and
 * {@code sub} do not carry. Invariant: every stored coordinate is reduced (a product, or carried);
 * an input to {@code mul} is a sum or difference of at most three reduced values, and the two
 * inputs of one {@code mul} of at most six together; more is carried first. BouncyCastle's own
 * Ed25519 formulas rely on the same bounds (its addition multiplies a three-term F by a two-term
 * E without carrying, its doubling carries the four-term F as {@link #twice()} does).
 */
final class EdwardsPoint {

    /** p = 2^255 - 19 as 32 little-endian bytes, for the canonical-encoding check. */
    private static final byte[] RFC8032_P =
            fromHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

    /** d = -121665/121666 (RFC 8032 section 5.1). */
    private static final int[] RFC8032_D = decode(fromHex(
            "a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352"));

    /** 2*d, which the addition formula uses. */
    private static final int[] RFC8032_2D = decode(fromHex(
            "59f1b226949bd6eb56b183829a14e00030d1f3eef2808e19e7fcdf56dcd90624"));

    static final EdwardsPoint IDENTITY = new EdwardsPoint(zero(), one(), one(), zero());

    /** B, the base point of RFC 8032 section 5.1: y = 4/5 and x positive (even). */
    static final EdwardsPoint BASE = decodeOrNull(fromHex(
            "5866666666666666666666666666666666666666666666666666666666666666"));

    private final int[] x;
    private final int[] y;
    private final int[] z;
    private final int[] t;

    private EdwardsPoint(int[] x, int[] y, int[] z, int[] t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    /**
     * Decodes 32 bytes as RFC 8032 section 5.1.3 says, or returns {@code null} where it says
     * decoding fails: y >= p (a non-canonical encoding), no x with x^2 = (y^2 - 1)/(d*y^2 + 1)
     * (not on the curve), or x = 0 with the sign bit set. Every point has exactly one encoding
     * this accepts, the one {@link #encode()} returns. Requires 32 bytes.
     */
    static EdwardsPoint decodeOrNull(byte[] encoded) {
        if (encoded.length != 32) {
            throw new IllegalArgumentException("requires a 32-byte point encoding, got " + encoded.length);
        }
        // Step 1: y is the encoding with bit 255 cleared, and must be below p; bit 255 is x_0.
        int x0 = (encoded[31] & 0xff) >>> 7;
        byte[] yBytes = encoded.clone();
        yBytes[31] &= 0x7f;
        if (!lessThan(yBytes, RFC8032_P)) {
            return null;
        }
        int[] y = decode(yBytes);
        // Step 2: u = y^2 - 1, v = d*y^2 + 1, x = candidate root of u/v.
        int[] y2 = sqr(y);
        int[] u = sub(y2, one());
        int[] v = add(mul(RFC8032_D, y2), one());
        // Step 3: BouncyCastle's sqrtRatioVar is that step: x = u*v^3*(u*v^7)^((p-5)/8), times
        // sqrt(-1) if v*x^2 = -u, and no root if v*x^2 is neither u nor -u.
        int[] x = X25519Field.create();
        if (!X25519Field.sqrtRatioVar(u, v, x)) {
            return null;
        }
        X25519Field.normalize(x);
        // Step 4: x = 0 with x_0 = 1 is invalid; otherwise pick the root whose parity is x_0.
        if (X25519Field.isZeroVar(x) && x0 == 1) {
            return null;
        }
        if ((x[0] & 1) != x0) {
            x = carried(sub(zero(), x));
        }
        return new EdwardsPoint(x, y, one(), mul(x, y));
    }

    /**
     * The RFC 8032 section 5.1.2 encoding: y as 32 little-endian bytes, the least significant
     * bit of x in bit 255.
     */
    byte[] encode() {
        int[] zInverse = X25519Field.create();
        X25519Field.inv(z, zInverse);
        int[] affineX = mul(x, zInverse);
        int[] affineY = mul(y, zInverse);
        X25519Field.normalize(affineX);
        X25519Field.normalize(affineY);
        byte[] out = new byte[32];
        X25519Field.encode(affineY, out, 0);
        out[31] |= (byte) ((affineX[0] & 1) << 7);
        return out;
    }

    /**
     * This point plus {@code q}: the addition formula of RFC 8032 section 5.1.4 (for a = -1),
     * complete on edwards25519, so it also doubles and adds the identity. The letters are the
     * RFC's; temporaries are reused in place to spare the allocator in scalar multiplication.
     */
    EdwardsPoint add(EdwardsPoint q) {
        int[] a = X25519Field.create();
        int[] b = X25519Field.create();
        int[] c = X25519Field.create();
        int[] d = X25519Field.create();
        X25519Field.apm(y, x, b, a); // b = Y1 + X1, a = Y1 - X1
        X25519Field.apm(q.y, q.x, d, c); // d = Y2 + X2, c = Y2 - X2
        X25519Field.mul(a, c, a); // A = (Y1 - X1) * (Y2 - X2)
        X25519Field.mul(b, d, b); // B = (Y1 + X1) * (Y2 + X2)
        X25519Field.mul(t, RFC8032_2D, c);
        X25519Field.mul(c, q.t, c); // C = T1 * 2 * d * T2
        X25519Field.add(z, z, d);
        X25519Field.mul(d, q.z, d); // D = Z1 * 2 * Z2
        int[] e = a;
        int[] h = b;
        X25519Field.apm(b, a, h, e); // H = B + A, E = B - A
        int[] f = c;
        int[] g = d;
        X25519Field.apm(d, c, g, f); // G = D + C, F = D - C
        return new EdwardsPoint(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
    }

    /** 2 times this point: the doubling formula of RFC 8032 section 5.1.4, letters as there. */
    EdwardsPoint twice() {
        int[] a = sqr(x); // A = X1^2
        int[] b = sqr(y); // B = Y1^2
        int[] c = sqr(z);
        X25519Field.add(c, c, c); // C = 2 * Z1^2
        int[] h = X25519Field.create();
        int[] g = X25519Field.create();
        X25519Field.apm(a, b, h, g); // H = A + B, G = A - B
        int[] e = add(x, y);
        X25519Field.sqr(e, e);
        X25519Field.sub(h, e, e); // E = H - (X1 + Y1)^2
        int[] f = c;
        X25519Field.add(c, g, f); // F = C + G
        X25519Field.carry(f); // four terms: carried, as the invariant requires
        return new EdwardsPoint(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
    }

    /** -P = (-x, y). */
    EdwardsPoint negate() {
        return new EdwardsPoint(carried(sub(zero(), x)), y, z, carried(sub(zero(), t)));
    }

    /** 8 times this point: the cofactor of edwards25519 (RFC 9381 section 5.5). */
    EdwardsPoint timesCofactor() {
        return twice().twice().twice();
    }

    /** Whether this is the identity, (0, 1): X = 0 and Y = Z. */
    boolean isIdentity() {
        return isZero(x) && isZero(sub(y, z));
    }

    /** Whether the two points are equal: X1*Z2 = X2*Z1 and Y1*Z2 = Y2*Z1. */
    boolean sameAs(EdwardsPoint q) {
        return isZero(sub(mul(x, q.z), mul(q.x, z))) && isZero(sub(mul(y, q.z), mul(q.y, z)));
    }

    /**
     * table[index], read by looking at every entry with the same branch-free moves, so which
     * entry was read does not steer the sequence of operations; requires 0 <= index < table.length.
     */
    static EdwardsPoint select(EdwardsPoint[] table, int index) {
        int[] x = table[0].x.clone();
        int[] y = table[0].y.clone();
        int[] z = table[0].z.clone();
        int[] t = table[0].t.clone();
        for (int j = 1; j < table.length; j++) {
            int isIndex = ((j ^ index) - 1) >> 31; // -1 if j == index, else 0
            EdwardsPoint entry = table[j];
            X25519Field.cmov(isIndex, entry.x, 0, x, 0);
            X25519Field.cmov(isIndex, entry.y, 0, y, 0);
            X25519Field.cmov(isIndex, entry.z, 0, z, 0);
            X25519Field.cmov(isIndex, entry.t, 0, t, 0);
        }
        return new EdwardsPoint(x, y, z, t);
    }

    /** a + b, not carried. */
    private static int[] add(int[] a, int[] b) {
        int[] out = X25519Field.create();
        X25519Field.add(a, b, out);
        return out;
    }

    /** a - b, not carried. */
    private static int[] sub(int[] a, int[] b) {
        int[] out = X25519Field.create();
        X25519Field.sub(a, b, out);
        return out;
    }

    private static int[] carried(int[] a) {
        X25519Field.carry(a);
        return a;
    }

    private static int[] mul(int[] a, int[] b) {
        int[] out = X25519Field.create();
        X25519Field.mul(a, b, out);
        return out;
    }

    private static int[] sqr(int[] a) {
        int[] out = X25519Field.create();
        X25519Field.sqr(a, out);
        return out;
    }

    private static boolean isZero(int[] a) {
        int[] normal = a.clone();
        X25519Field.normalize(normal);
        return X25519Field.isZeroVar(normal);
    }

    private static int[] zero() {
        return X25519Field.create();
    }

    private static int[] one() {
        int[] out = X25519Field.create();
        X25519Field.one(out);
        return out;
    }

    private static int[] decode(byte[] le32) {
        int[] out = X25519Field.create();
        X25519Field.decode(le32, 0, out);
        return out;
    }

    /** Whether a < b, both 32-byte little-endian unsigned integers. */
    static boolean lessThan(byte[] a, byte[] b) {
        for (int i = 31; i >= 0; i--) {
            int ai = a[i] & 0xff;
            int bi = b[i] & 0xff;
            if (ai != bi) {
                return ai < bi;
            }
        }
        return false;
    }

    private static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
