package uk.gov.accessledger.vrf;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * ECVRF-EDWARDS25519-SHA512-TAI written straight from RFC 9381 section 5 and RFC 8032 section
 * 5.1, with BigInteger affine coordinates and the JDK's SHA-512, used only by tests to
 * cross-check the fast implementation (which shares no code with this one). A point is a
 * BigInteger[]{x, y}; a failed decoding is {@code null}; verify returns beta or {@code null}.
 */
final class ReferenceEcVrf {

    static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(inverse(BigInteger.valueOf(121666))).mod(P);
    static final BigInteger[] IDENTITY = {BigInteger.ZERO, BigInteger.ONE};
    static final BigInteger[] B = decode(le(BigInteger.valueOf(4).multiply(inverse(BigInteger.valueOf(5))).mod(P)));

    private ReferenceEcVrf() {}

    static BigInteger inverse(BigInteger a) {
        return a.modPow(P.subtract(BigInteger.TWO), P);
    }

    /** RFC 8032 section 5.1.3. */
    static BigInteger[] decode(byte[] s) {
        BigInteger n = fromLe(s);
        int x0 = n.testBit(255) ? 1 : 0;
        BigInteger y = n.clearBit(255);
        if (y.compareTo(P) >= 0) {
            return null;
        }
        BigInteger u = y.multiply(y).subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y).multiply(y).add(BigInteger.ONE).mod(P);
        BigInteger x = u.multiply(v.pow(3)).multiply(u.multiply(v.pow(7)).modPow(P.subtract(BigInteger.valueOf(5)).shiftRight(3), P)).mod(P);
        BigInteger vx2 = v.multiply(x).multiply(x).mod(P);
        if (vx2.equals(u)) {
            // x is a root
        } else if (vx2.equals(u.negate().mod(P))) {
            x = x.multiply(BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P)).mod(P);
        } else {
            return null;
        }
        if (x.signum() == 0 && x0 == 1) {
            return null;
        }
        if ((x.testBit(0) ? 1 : 0) != x0) {
            x = P.subtract(x);
        }
        return new BigInteger[] {x, y};
    }

    /** RFC 8032 section 5.1.2. */
    static byte[] encode(BigInteger[] p) {
        BigInteger n = p[1];
        if (p[0].testBit(0)) {
            n = n.setBit(255);
        }
        return le(n);
    }

    /** The Edwards addition law, complete on edwards25519. */
    static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger t = D.multiply(p[0]).multiply(q[0]).multiply(p[1]).multiply(q[1]).mod(P);
        BigInteger x = p[0].multiply(q[1]).add(q[0].multiply(p[1])).multiply(inverse(BigInteger.ONE.add(t))).mod(P);
        BigInteger y = p[1].multiply(q[1]).add(p[0].multiply(q[0])).multiply(inverse(BigInteger.ONE.subtract(t).mod(P))).mod(P);
        return new BigInteger[] {x, y};
    }

    static BigInteger[] negate(BigInteger[] p) {
        return new BigInteger[] {p[0].negate().mod(P), p[1]};
    }

    /** n*p by double and add; requires n >= 0. */
    static BigInteger[] multiply(BigInteger n, BigInteger[] p) {
        BigInteger[] sum = IDENTITY;
        for (int i = n.bitLength() - 1; i >= 0; i--) {
            sum = add(sum, sum);
            if (n.testBit(i)) {
                sum = add(sum, p);
            }
        }
        return sum;
    }

    static boolean isIdentity(BigInteger[] p) {
        return p[0].signum() == 0 && p[1].equals(BigInteger.ONE);
    }

    /** RFC 8032 section 5.1.5 step 2: the clamped first half of SHA-512(seed). */
    static BigInteger secretScalar(byte[] seed) {
        byte[] h = Arrays.copyOf(sha512(seed), 32);
        h[0] &= (byte) 0xf8;
        h[31] &= 0x7f;
        h[31] |= 0x40;
        return fromLe(h);
    }

    static byte[] publicKey(byte[] seed) {
        return encode(multiply(secretScalar(seed), B));
    }

    /** RFC 9381 section 5.4.1.1 with interpret_hash_value_as_a_point = string_to_point(s[0..31]). */
    static BigInteger[] encodeToCurve(byte[] salt, byte[] alpha) {
        for (int ctr = 0; ctr < 256; ctr++) {
            byte[] hash = sha512(new byte[] {3, 1}, salt, alpha, new byte[] {(byte) ctr, 0});
            BigInteger[] h = decode(Arrays.copyOf(hash, 32));
            if (h != null && !isIdentity(multiply(BigInteger.valueOf(8), h))) {
                return multiply(BigInteger.valueOf(8), h);
            }
        }
        throw new IllegalStateException("no point");
    }

    /** RFC 9381 section 5.4.3: c as an integer. */
    static BigInteger challenge(BigInteger[]... points) {
        byte[][] parts = new byte[points.length + 2][];
        parts[0] = new byte[] {3, 2};
        for (int i = 0; i < points.length; i++) {
            parts[i + 1] = encode(points[i]);
        }
        parts[points.length + 1] = new byte[] {0};
        return fromLe(Arrays.copyOf(sha512(parts), 16));
    }

    /** RFC 9381 section 5.1. */
    static byte[] prove(byte[] seed, byte[] alpha) {
        BigInteger x = secretScalar(seed);
        BigInteger[] y = multiply(x, B);
        BigInteger[] h = encodeToCurve(encode(y), alpha);
        BigInteger[] gamma = multiply(x, h);
        BigInteger k = fromLe(sha512(Arrays.copyOfRange(sha512(seed), 32, 64), encode(h))).mod(L);
        BigInteger c = challenge(y, h, gamma, multiply(k, B), multiply(k, h));
        BigInteger s = k.add(c.multiply(x)).mod(L);
        byte[] pi = new byte[80];
        System.arraycopy(encode(gamma), 0, pi, 0, 32);
        System.arraycopy(le(c), 0, pi, 32, 16);
        System.arraycopy(le(s), 0, pi, 48, 32);
        return pi;
    }

    /** RFC 9381 section 5.2 step 6 for a decoded Gamma. */
    static byte[] proofToHash(BigInteger[] gamma) {
        return sha512(new byte[] {3, 3}, encode(multiply(BigInteger.valueOf(8), gamma)), new byte[] {0});
    }

    /** RFC 9381 section 5.3 with validate_key: beta, or null for INVALID. */
    static byte[] verify(byte[] pk, byte[] alpha, byte[] pi) {
        BigInteger[] y = pk.length == 32 ? decode(pk) : null;
        if (y == null || isIdentity(multiply(BigInteger.valueOf(8), y)) || pi.length != 80) {
            return null;
        }
        BigInteger[] gamma = decode(Arrays.copyOf(pi, 32));
        BigInteger c = fromLe(Arrays.copyOfRange(pi, 32, 48));
        BigInteger s = fromLe(Arrays.copyOfRange(pi, 48, 80));
        if (gamma == null || s.compareTo(L) >= 0) {
            return null;
        }
        BigInteger[] h = encodeToCurve(pk, alpha);
        BigInteger[] u = add(multiply(s, B), negate(multiply(c, y)));
        BigInteger[] v = add(multiply(s, h), negate(multiply(c, gamma)));
        return challenge(y, h, gamma, u, v).equals(c) ? proofToHash(gamma) : null;
    }

    static BigInteger fromLe(byte[] bytes) {
        byte[] bigEndian = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            bigEndian[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    /** n as 32 little-endian bytes (16 where n < 2^128 is a challenge: callers copy what they need). */
    static byte[] le(BigInteger n) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = n.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
