package uk.gov.accessledger.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Slow, plain ECMAScript Number::toString used only to check the fast one. It works on the exact
 * decimal expansion of the double and of its rounding interval, so it depends neither on
 * Schubfach nor on the JDK's own double parsing or printing.
 */
final class ReferenceNumberFormatter {

    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ReferenceNumberFormatter() {
    }

    static String format(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("requires a finite double, got " + d);
        }
        if (d == 0) {
            return "0";
        }
        if (d < 0) {
            return "-" + format(-d);
        }
        BigDecimal shortest = shortestRoundTripping(d);
        return layout(shortest.unscaledValue().toString(), shortest.unscaledValue().toString().length() - shortest.scale());
    }

    /**
     * The decimal with the fewest significant digits inside the round-to-nearest-even interval of
     * {@code d}, the closest to {@code d} if several, the even one if two are equally close;
     * returned without trailing zeros.
     */
    static BigDecimal shortestRoundTripping(double d) {
        BigDecimal exact = new BigDecimal(d);
        BigDecimal low = exact.add(new BigDecimal(Math.nextDown(d))).multiply(HALF);
        BigDecimal high = d == Double.MAX_VALUE
                ? exact.add(new BigDecimal(Math.ulp(d)).multiply(HALF))
                : exact.add(new BigDecimal(Math.nextUp(d))).multiply(HALF);
        boolean endsIncluded = (Double.doubleToRawLongBits(d) & 1) == 0;

        // Having a candidate is monotone in the digit count (append a zero), so bisect.
        int lo = 1;
        int hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closestInside(exact, low, high, endsIncluded, mid) != null) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        BigDecimal found = closestInside(exact, low, high, endsIncluded, lo);
        if (found == null) {
            throw new AssertionError("no 17-digit decimal rounds to " + d);
        }
        return found.stripTrailingZeros();
    }

    private static BigDecimal closestInside(BigDecimal exact, BigDecimal low, BigDecimal high,
                                            boolean endsIncluded, int digits) {
        BigDecimal below = exact.round(new MathContext(digits, RoundingMode.FLOOR));
        BigDecimal above = exact.round(new MathContext(digits, RoundingMode.CEILING));
        boolean belowInside = inside(below, low, high, endsIncluded);
        boolean aboveInside = inside(above, low, high, endsIncluded);
        if (belowInside && aboveInside) {
            int cmp = exact.subtract(below).compareTo(above.subtract(exact));
            if (cmp != 0) {
                return cmp < 0 ? below : above;
            }
            return below.unscaledValue().testBit(0) ? above : below;
        }
        return belowInside ? below : aboveInside ? above : null;
    }

    private static boolean inside(BigDecimal x, BigDecimal low, BigDecimal high, boolean endsIncluded) {
        int fromLow = x.compareTo(low);
        int fromHigh = x.compareTo(high);
        return endsIncluded ? fromLow >= 0 && fromHigh <= 0 : fromLow > 0 && fromHigh < 0;
    }

    /**
     * ECMA-262 Number::toString steps 6 to 10 for digits s (k of them) and point position n,
     * the value being 0.s * 10^n.
     */
    static String layout(String s, int n) {
        int k = s.length();
        if (k <= n && n <= 21) {
            return s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return "0." + "0".repeat(-n) + s;
        }
        int e = n - 1;
        String exponent = "e" + (e >= 0 ? "+" : "-") + Math.abs(e);
        return k == 1 ? s + exponent : s.charAt(0) + "." + s.substring(1) + exponent;
    }
}
