package uk.gov.accessledger.merkle;

/**
 * The few operations of Go's {@code math/bits} that the tree arithmetic needs, for values read as
 * unsigned 64-bit integers (as transparency-dev/merkle's {@code uint64} sizes are).
 */
final class Bits {

    private Bits() {
    }

    /** Returns the number of bits needed to represent {@code x}; 0 for 0 (Go's {@code bits.Len64}). */
    static int len(long x) {
        return Long.SIZE - Long.numberOfLeadingZeros(x);
    }

    /** Returns {@code x >>> n}, or 0 when {@code n >= 64} (Java would shift by {@code n % 64}). */
    static long shiftRight(long x, int n) {
        return n >= Long.SIZE ? 0 : x >>> n;
    }

    /** Returns a mask of the {@code n} low bits, all ones when {@code n >= 64}. */
    static long lowMask(int n) {
        return n >= Long.SIZE ? -1L : (1L << n) - 1;
    }
}
