package uk.gov.accessledger.canonical;

import java.math.BigInteger;

/**
 * Logarithm floors and the 126-bit approximations of 10^-k that {@link ShortestDecimal} scales
 * by, as defined in Giulietti, "The Schubfach way to render doubles" (2020), sections 8 and 9.
 * The table is computed once from its definition instead of being pasted in as constants.
 */
final class PowersOfTen {

    /** Smallest k used for a double: floor(log10(2^-1074)). */
    static final int K_MIN = -324;
    /** Largest k used for a double: floor(log10(2^971)). */
    static final int K_MAX = 292;

    // floor(log10(2) * 2^41), floor(log10(3/4) * 2^41), floor(log2(10) * 2^38).
    private static final int LOG10_2_SHIFT = 41;
    private static final long LOG10_2_SCALED = 661_971_961_083L;
    private static final long LOG10_THREE_QUARTERS_SCALED = -274_743_187_321L;
    private static final int LOG2_10_SHIFT = 38;
    private static final long LOG2_10_SCALED = 913_124_641_741L;

    private static final int G_BITS = 126;

    /** g1(k) at index 2(k - K_MIN), g0(k) right after it. */
    private static final long[] G = computeG();

    private PowersOfTen() {
    }

    /** floor(log10(2^e)); exact for |e| up to several million, far beyond the double range. */
    static int floorLog10Pow2(int e) {
        return (int) (e * LOG10_2_SCALED >> LOG10_2_SHIFT);
    }

    /** floor(log10(3/4 * 2^e)). */
    static int floorLog10ThreeQuartersPow2(int e) {
        return (int) (e * LOG10_2_SCALED + LOG10_THREE_QUARTERS_SCALED >> LOG10_2_SHIFT);
    }

    /** floor(log2(10^e)). */
    static int floorLog2Pow10(int e) {
        return (int) (e * LOG2_10_SCALED >> LOG2_10_SHIFT);
    }

    /** The high 63 bits of g(k). Requires K_MIN <= k <= K_MAX. */
    static long g1(int k) {
        return G[(k - K_MIN) << 1];
    }

    /** The low 63 bits of g(k). Requires K_MIN <= k <= K_MAX. */
    static long g0(int k) {
        return G[(k - K_MIN) << 1 | 1];
    }

    /**
     * Write 10^-k = beta * 2^r with 2^125 <= beta < 2^126; then g(k) = floor(beta) + 1, an
     * over-approximation of 10^-k by less than one part in 2^125.
     */
    static BigInteger g(int k) {
        int r = floorLog2Pow10(-k) - (G_BITS - 1);
        BigInteger floorBeta;
        if (k <= 0) {
            BigInteger power = BigInteger.TEN.pow(-k);
            floorBeta = r >= 0 ? power.shiftRight(r) : power.shiftLeft(-r);
        } else {
            floorBeta = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(k));
        }
        return floorBeta.add(BigInteger.ONE);
    }

    private static long[] computeG() {
        BigInteger low63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        long[] table = new long[(K_MAX - K_MIN + 1) * 2];
        for (int k = K_MIN; k <= K_MAX; k++) {
            BigInteger g = g(k);
            if (g.bitLength() > G_BITS) {
                throw new IllegalStateException("couldn't build g(" + k + "): got " + g.bitLength()
                        + " bits, want at most " + G_BITS);
            }
            table[(k - K_MIN) << 1] = g.shiftRight(63).longValueExact();
            table[(k - K_MIN) << 1 | 1] = g.and(low63).longValueExact();
        }
        return table;
    }
}
