package uk.gov.accessledger.canonical;

/**
 * The decimal that ECMAScript's Number::toString prints for a positive finite double: of all
 * decimals that round back to the double, one with the fewest significant digits, and of those
 * the closest to the double, ties going to the even significand (ECMA-262, Number::toString,
 * step 5, which RFC 8785 section 3.2.2.3 adopts).
 *
 * <p>The search is Giulietti's Schubfach ("The Schubfach way to render doubles", 2020), which
 * works in 64-bit integer arithmetic on the exact rounding interval. It differs from
 * {@link Double#toString(double)} (JDK 19 and later) in one rule: Java never prints fewer than two
 * digits, so it renders {@link Double#MIN_VALUE} as 4.9E-324 where ECMAScript prints 5e-324.
 */
final class ShortestDecimal {

    /** A significand and a power of ten: the value is {@code significand * 10^exponent}. */
    record Decimal(long significand, int exponent) {
    }

    /** IEEE 754 binary64: 53 bits of precision including the hidden bit. */
    static final int IEEE754_BINARY64_PRECISION = 53;

    /** The exponent q of the smallest subnormal, 2^-1074, when a double is written c * 2^q. */
    static final int IEEE754_BINARY64_Q_MIN = -1074;

    private static final long HIDDEN_BIT = 1L << (IEEE754_BINARY64_PRECISION - 1);
    private static final long FRACTION_MASK = HIDDEN_BIT - 1;
    private static final int BIASED_EXPONENT_MASK = 0x7FF;
    private static final long MASK_63 = (1L << 63) - 1;

    private ShortestDecimal() {
    }

    /**
     * Requires {@code v} finite and greater than zero.
     *
     * @return the ECMAScript decimal for {@code v}; its significand may carry trailing zeros
     */
    static Decimal of(double v) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("requires a finite double > 0, got " + v);
        }
        long bits = Double.doubleToRawLongBits(v);
        long fraction = bits & FRACTION_MASK;
        int biasedExponent = (int) (bits >>> (IEEE754_BINARY64_PRECISION - 1)) & BIASED_EXPONENT_MASK;
        if (biasedExponent == 0) {
            return search(IEEE754_BINARY64_Q_MIN, fraction);
        }
        long c = HIDDEN_BIT | fraction;
        int q = biasedExponent - 1 + IEEE754_BINARY64_Q_MIN;
        // An integer below 2^53 is its own answer: the rounding interval is at most one unit wide,
        // so no other integer and no decimal with a fraction can be shorter.
        if (q < 0 && q > -IEEE754_BINARY64_PRECISION) {
            long integer = c >> -q;
            if (integer << -q == c) {
                return new Decimal(integer, 0);
            }
        }
        return search(q, c);
    }

    /**
     * Schubfach for v = c * 2^q. The rounding interval of v is scaled by 10^-k, k chosen so the
     * interval is at least one unit and less than ten units wide. Then a multiple of ten inside it
     * (there is at most one) is the unique shortest decimal; failing that, the shortest decimals
     * are the integers inside it, of which the two around v are the candidates for closest.
     */
    private static Decimal search(int q, long c) {
        // Doubles read with round-half-even, so an even c owns both ends of its interval.
        int excludesEnds = (int) c & 1;
        long cb = c << 2;
        long cbRight = cb + 2;
        long cbLeft;
        int k;
        if (c != HIDDEN_BIT || q == IEEE754_BINARY64_Q_MIN) {
            cbLeft = cb - 2;
            k = PowersOfTen.floorLog10Pow2(q);
        } else {
            // At a power of two the gap below is half the gap above.
            cbLeft = cb - 1;
            k = PowersOfTen.floorLog10ThreeQuartersPow2(q);
        }
        int shift = q + PowersOfTen.floorLog2Pow10(-k) + 2;
        long g1 = PowersOfTen.g1(k);
        long g0 = PowersOfTen.g0(k);
        // Four times v, and the ends of its interval, in units of 10^k (rounded to odd).
        long vb = scaledRoundToOdd(g1, g0, cb << shift);
        long vbLeft = scaledRoundToOdd(g1, g0, cbLeft << shift);
        long vbRight = scaledRoundToOdd(g1, g0, cbRight << shift);

        long s = vb >> 2;
        long lowerTen = s / 10 * 10;
        long upperTen = lowerTen + 10;
        boolean lowerTenInside = vbLeft + excludesEnds <= lowerTen << 2;
        boolean upperTenInside = (upperTen << 2) + excludesEnds <= vbRight;
        if (lowerTenInside != upperTenInside) {
            return new Decimal(lowerTenInside ? lowerTen : upperTen, k);
        }

        long t = s + 1;
        boolean sInside = vbLeft + excludesEnds <= s << 2;
        boolean tInside = (t << 2) + excludesEnds <= vbRight;
        if (sInside != tInside) {
            return new Decimal(sInside ? s : t, k);
        }
        long fromMidpoint = vb - ((s + t) << 1);
        boolean sCloser = fromMidpoint < 0 || (fromMidpoint == 0 && (s & 1) == 0);
        return new Decimal(sCloser ? s : t, k);
    }

    /**
     * floor(g * cp / 2^127) with its lowest bit set when the quotient is not exact, where
     * g = g1 * 2^63 + g0. Rounding to odd keeps every comparison with an even integer exact,
     * which is all {@link #search} needs (Schubfach section 9.9).
     */
    private static long scaledRoundToOdd(long g1, long g0, long cp) {
        long lowTimesCpHigh = Math.multiplyHigh(g0, cp);
        long highTimesCpLow = g1 * cp;
        long highTimesCpHigh = Math.multiplyHigh(g1, cp);
        long middle = (highTimesCpLow >>> 1) + lowTimesCpHigh;
        long quotient = highTimesCpHigh + (middle >>> 63);
        long inexact = ((middle & MASK_63) + MASK_63) >>> 63;
        return quotient | inexact;
    }
}
