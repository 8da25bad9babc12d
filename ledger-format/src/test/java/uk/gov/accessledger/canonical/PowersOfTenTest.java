package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The fixed-point logarithms are checked exhaustively, with exact integer arithmetic, over every
 * exponent a double can need, and the table against values published in OpenJDK's
 * jdk.internal.math.MathUtils, which uses the same definition of g.
 */
class PowersOfTenTest {

    @Test
    void floorLog10Pow2IsExactOverTheDoubleRange() {
        for (int e = -1200; e <= 1200; e++) {
            int k = PowersOfTen.floorLog10Pow2(e);
            // 10^k <= 2^e < 10^(k+1), compared as integers after clearing denominators.
            assertThat(lessOrEqual(10, k, 2, e)).as("10^%d <= 2^%d", k, e).isTrue();
            assertThat(lessOrEqual(10, k + 1, 2, e)).as("2^%d < 10^%d", e, k + 1).isFalse();
        }
    }

    @Test
    void floorLog10ThreeQuartersPow2IsExactOverTheDoubleRange() {
        for (int e = -1200; e <= 1200; e++) {
            int k = PowersOfTen.floorLog10ThreeQuartersPow2(e);
            // 10^k <= 3 * 2^(e-2) < 10^(k+1)
            assertThat(compare(BigInteger.ONE, 10, k, BigInteger.valueOf(3), 2, e - 2)).isLessThanOrEqualTo(0);
            assertThat(compare(BigInteger.ONE, 10, k + 1, BigInteger.valueOf(3), 2, e - 2)).isPositive();
        }
    }

    @Test
    void floorLog2Pow10IsExactOverTheDoubleRange() {
        for (int e = -400; e <= 400; e++) {
            int k = PowersOfTen.floorLog2Pow10(e);
            assertThat(lessOrEqual(2, k, 10, e)).isTrue();
            assertThat(lessOrEqual(2, k + 1, 10, e)).isFalse();
        }
    }

    @Test
    void gMatchesOpenJdksPublishedTable() {
        // From OpenJDK src/java.base/share/classes/jdk/internal/math/MathUtils.java, table g.
        assertThat(PowersOfTen.g1(-324)).isEqualTo(0x4F0C_EDC9_5A71_8DD4L);
        assertThat(PowersOfTen.g0(-324)).isEqualTo(0x5B01_E8B0_9AA0_D1B5L);
        assertThat(PowersOfTen.g1(-292)).isEqualTo(0x4022_25AF_3D53_E7C2L);
        assertThat(PowersOfTen.g0(-292)).isEqualTo(0x5E60_3458_F3D6_E06DL);
        // 10^0 = 2^125 * 2^-125, so g(0) = 2^125 + 1.
        assertThat(PowersOfTen.g1(0)).isEqualTo(1L << 62);
        assertThat(PowersOfTen.g0(0)).isEqualTo(1L);
    }

    @Test
    void gOverApproximatesTenToTheMinusKByLessThanOneUnit() {
        for (int k = PowersOfTen.K_MIN; k <= PowersOfTen.K_MAX; k++) {
            BigInteger g = BigInteger.valueOf(PowersOfTen.g1(k)).shiftLeft(63).or(BigInteger.valueOf(PowersOfTen.g0(k)));
            assertThat(g).isEqualTo(PowersOfTen.g(k));
            assertThat(g.bitLength()).as("k=%d", k).isEqualTo(126);
            // beta = 10^-k * 2^(125 - floorLog2Pow10(-k)) and g - 1 <= beta < g.
            int shift = 125 - PowersOfTen.floorLog2Pow10(-k);
            assertThat(compare(g.subtract(BigInteger.ONE), 1, 0, BigInteger.ONE, 10, -k, shift)).isLessThanOrEqualTo(0);
            assertThat(compare(g, 1, 0, BigInteger.ONE, 10, -k, shift)).isPositive();
        }
    }

    /** Whether a^x <= b^y for integer bases and any integer exponents. */
    private static boolean lessOrEqual(int a, int x, int b, int y) {
        return compare(BigInteger.ONE, a, x, BigInteger.ONE, b, y) <= 0;
    }

    /** Sign of (p * a^x) - (q * b^y), exactly. */
    private static int compare(BigInteger p, int a, int x, BigInteger q, int b, int y) {
        return compare(p, a, x, q, b, y, 0);
    }

    /** Sign of (p * a^x) - (q * b^y * 2^s), exactly. */
    private static int compare(BigInteger p, int a, int x, BigInteger q, int b, int y, int s) {
        BigInteger left = p;
        BigInteger right = q;
        if (x >= 0) {
            left = left.multiply(BigInteger.valueOf(a).pow(x));
        } else {
            right = right.multiply(BigInteger.valueOf(a).pow(-x));
        }
        if (y >= 0) {
            right = right.multiply(BigInteger.valueOf(b).pow(y));
        } else {
            left = left.multiply(BigInteger.valueOf(b).pow(-y));
        }
        if (s >= 0) {
            right = right.shiftLeft(s);
        } else {
            left = left.shiftLeft(-s);
        }
        return left.compareTo(right);
    }
}
