package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks {@link CanonicalJson#serializeNumber} against {@link ReferenceNumberFormatter} on
 * seeded random doubles, and checks the properties RFC 8785 section 3.2.2.3 promises directly:
 * the text reads back as the same double, has no more significant digits than the shortest
 * decimal that does, and switches to exponent notation exactly outside [1e-6, 1e21).
 */
class SerializeNumberCrossCheckTest {

    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");
    private static final Pattern EXPONENT = Pattern.compile("-?[1-9](\\.[0-9]*[1-9])?e[+-][1-9][0-9]*");

    @Test
    void agreesWithTheReferenceOnRandomBitPatterns() {
        SplittableRandom random = new SplittableRandom(8785);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                check(d, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void agreesWithTheReferenceOnRandomShortDecimals() {
        SplittableRandom random = new SplittableRandom(20_200_601);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            int digits = 1 + random.nextInt(17);
            long significand = random.nextLong(1, 10) * pow10(digits - 1) + random.nextLong(pow10(digits - 1));
            int exponent = random.nextInt(-340, 310);
            double d = Double.parseDouble(significand + "e" + exponent) * (random.nextBoolean() ? 1 : -1);
            // Exponents past the double range overflow or underflow; zeros are covered elsewhere.
            if (d != 0 && !Double.isInfinite(d)) {
                check(d, failures);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void agreesWithTheReferenceOnSubnormalsAndPowersOfTwo() {
        List<String> failures = new ArrayList<>();
        for (long c = 1; c <= 3_000; c++) {
            check(Double.longBitsToDouble(c), failures);
        }
        SplittableRandom random = new SplittableRandom(1074);
        for (int i = 0; i < 5_000; i++) {
            check(Double.longBitsToDouble(random.nextLong(1L << 52)), failures);
        }
        // Around each power of two the gap below is half the gap above (Schubfach's irregular case).
        for (int e = -1074; e <= 1023; e++) {
            long bits = Double.doubleToRawLongBits(Math.scalb(1.0, e));
            for (long b = bits - 2; b <= bits + 2; b++) {
                double d = Double.longBitsToDouble(b);
                if (d > 0 && !Double.isInfinite(d)) {
                    check(d, failures);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void switchesNotationExactlyAtTheEcmaScriptThresholds() {
        assertThat(CanonicalJson.serializeNumber(1e21)).isEqualTo("1e+21");
        assertThat(CanonicalJson.serializeNumber(Math.nextDown(1e21))).isEqualTo("999999999999999900000");
        assertThat(CanonicalJson.serializeNumber(1e-6)).isEqualTo("0.000001");
        assertThat(CanonicalJson.serializeNumber(Math.nextDown(1e-6))).isEqualTo("9.999999999999997e-7");
        assertThat(CanonicalJson.serializeNumber(1e-7)).isEqualTo("1e-7");
        assertThat(CanonicalJson.serializeNumber(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(CanonicalJson.serializeNumber(123e18)).isEqualTo("123000000000000000000");
        assertThat(CanonicalJson.serializeNumber(-0.0)).isEqualTo("0");
    }

    @Test
    void printsTheShortestDigitsWhereJava17DoesNot() {
        // Java 17's Double.toString gives, in order: 1.9999999999999998E23, 9.999999999999999E22,
        // 8.409999999999999E21, 2.82879384806159008E17, 4.9E-324 (observed on OpenJDK 17.0.15).
        double[] values = {2e23, 1e23, 8.41e21, 2.82879384806159e17, Double.MIN_VALUE};
        String[] expected = {"2e+23", "1e+23", "8.41e+21", "282879384806159000", "5e-324"};
        for (int i = 0; i < values.length; i++) {
            assertThat(CanonicalJson.serializeNumber(values[i])).isEqualTo(expected[i]);
            assertThat(ReferenceNumberFormatter.format(values[i])).isEqualTo(expected[i]);
        }
    }

    private static void check(double d, List<String> failures) {
        String fast = CanonicalJson.serializeNumber(d);
        String reference = ReferenceNumberFormatter.format(d);
        String problem = null;
        if (!fast.equals(reference)) {
            problem = "reference says " + reference;
        } else if (Double.doubleToRawLongBits(Double.parseDouble(fast)) != Double.doubleToRawLongBits(d)) {
            problem = "does not read back";
        } else if (shorterReadsBack(d, significantDigits(fast) - 1)) {
            problem = "a decimal with fewer digits reads back too";
        } else if (!notationFits(fast, Math.abs(d))) {
            problem = "wrong notation";
        }
        if (problem != null && failures.size() < 20) {
            failures.add(Long.toHexString(Double.doubleToRawLongBits(d)) + " -> " + fast + ": " + problem);
        }
    }

    /**
     * Whether a decimal of {@code digits} significant digits reads back (through the JDK parser)
     * as {@code d}. Only the two nearest such decimals can, and if none of that length does, no
     * shorter one does either (append zeros), so this proves minimality independently of the
     * reference's interval arithmetic.
     */
    private static boolean shorterReadsBack(double d, int digits) {
        if (digits < 1) {
            return false;
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            String candidate = exact.round(new MathContext(digits, mode)).toString();
            if (Double.parseDouble(candidate) == Math.abs(d)) {
                return true;
            }
        }
        return false;
    }

    private static int significantDigits(String number) {
        String mantissa = number.replace("-", "").split("[eE]")[0].replace(".", "");
        return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
    }

    private static boolean notationFits(String text, double magnitude) {
        boolean plain = magnitude >= 1e-6 && magnitude < 1e21;
        return (plain ? PLAIN : EXPONENT).matcher(text).matches();
    }

    private static long pow10(int n) {
        long result = 1;
        for (int i = 0; i < n; i++) {
            result *= 10;
        }
        return result;
    }
}
