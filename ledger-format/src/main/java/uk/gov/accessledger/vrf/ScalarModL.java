package uk.gov.accessledger.vrf;

import java.math.BigInteger;

/**
 * Integers modulo L = 2^252 + 27742317777372353535851937790883648493, the prime order of the
 * edwards25519 group G (RFC 8032 section 5.1; q in RFC 9381), as the little-endian strings of
 * RFC 9381 section 5.5's int_to_string and string_to_int.
 */
final class ScalarModL {

    static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private ScalarModL() {}

    /** string_to_int: the unsigned little-endian integer of {@code bytes}. */
    static BigInteger fromLittleEndian(byte[] bytes, int offset, int length) {
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < length; i++) {
            bigEndian[i] = bytes[offset + length - 1 - i];
        }
        return new BigInteger(1, bigEndian);
    }

    static BigInteger fromLittleEndian(byte[] bytes) {
        return fromLittleEndian(bytes, 0, bytes.length);
    }

    /** int_to_string(n, length): n as {@code length} little-endian bytes; requires 0 <= n < 2^(8*length). */
    static byte[] toLittleEndian(BigInteger n, int length) {
        if (n.signum() < 0 || n.bitLength() > 8 * length) {
            throw new IllegalArgumentException("requires 0 <= n < 2^" + 8 * length + ", got " + n);
        }
        byte[] out = new byte[length];
        byte[] bigEndian = n.toByteArray();
        for (int i = 0; i < bigEndian.length && i < length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }

    /** string_to_int(bytes) mod L, as 32 little-endian bytes. */
    static byte[] reduce(byte[] bytes) {
        return toLittleEndian(fromLittleEndian(bytes).mod(L), 32);
    }

    /** (k + c*x) mod L, as 32 little-endian bytes (RFC 9381 section 5.1 step 7). */
    static byte[] multiplyAdd(byte[] c, byte[] x, byte[] k) {
        BigInteger s = fromLittleEndian(k).add(fromLittleEndian(c).multiply(fromLittleEndian(x)));
        return toLittleEndian(s.mod(L), 32);
    }

    /** Whether the little-endian {@code bytes} at offset, length 32, are below L. */
    static boolean isReduced(byte[] bytes, int offset) {
        return fromLittleEndian(bytes, offset, 32).compareTo(L) < 0;
    }
}
