package uk.gov.accessledger.canonical;

/**
 * ECMAScript Number::toString (ECMA-262, section 6.1.6.1.20; RFC 8785 section 3.2.2.3) for
 * finite doubles: the shortest round-tripping digits, in plain notation for magnitudes in
 * [1e-6, 1e21), otherwise as d.ddde+x or d.ddde-x.
 */
final class EcmaScriptNumber {

    /** Number::toString steps 6 and 7: plain notation while n <= 21, that is below 1e21. */
    static final int ECMASCRIPT_PLAIN_N_MAX = 21;

    /** Number::toString step 8: plain notation while n > -6, that is from 1e-7 (exclusive) up. */
    static final int ECMASCRIPT_PLAIN_N_MIN_EXCLUSIVE = -6;

    private EcmaScriptNumber() {
    }

    /** Requires {@code v} finite. Both zeros give "0". */
    static String toString(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("requires a finite double, got " + v);
        }
        if (v == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder(25);
        if (v < 0) {
            out.append('-');
            v = -v;
        }
        ShortestDecimal.Decimal decimal = ShortestDecimal.of(v);
        long significand = decimal.significand();
        int exponent = decimal.exponent();
        while (significand % 10 == 0) {
            significand /= 10;
            exponent++;
        }
        appendDecimal(out, Long.toString(significand), exponent);
        return out.toString();
    }

    /**
     * Lays out digits * 10^exponent as ECMAScript does. In the standard's terms k is the number of
     * digits and n the position of the decimal point relative to the first digit.
     */
    private static void appendDecimal(StringBuilder out, String digits, int exponent) {
        int k = digits.length();
        int n = exponent + k;
        if (k <= n && n <= ECMASCRIPT_PLAIN_N_MAX) {
            out.append(digits);
            appendZeros(out, n - k);
        } else if (0 < n && n <= ECMASCRIPT_PLAIN_N_MAX) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (ECMASCRIPT_PLAIN_N_MIN_EXCLUSIVE < n && n <= 0) {
            out.append("0.");
            appendZeros(out, -n);
            out.append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int e = n - 1;
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
    }

    private static void appendZeros(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            out.append('0');
        }
    }
}
