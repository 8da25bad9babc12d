package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the strict reader accepts, and how it turns number literals into doubles. */
class StrictParsingTest {

    private static String canonical(String json) {
        return new String(CanonicalJson.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void readsBigIntegerLiteralsAsTheNearestDouble() {
        assertThat(canonical("[9007199254740993]")).isEqualTo("[9007199254740992]");
        assertThat(canonical("[295147905179352830001]")).isEqualTo("[295147905179352830000]");
        assertThat(canonical("[18446744073709551615]")).isEqualTo("[18446744073709552000]");
        assertThat(canonical("[-100000000000000000000000]")).isEqualTo("[-1e+23]");

        SplittableRandom random = new SplittableRandom(7493);
        for (int i = 0; i < 5_000; i++) {
            BigInteger n = new BigInteger(random.nextInt(54, 1024), new Random(random.nextLong()));
            String expected = ReferenceNumberFormatter.format(nearestDouble(n));
            assertThat(canonical("[" + n + "]")).as("%s", n).isEqualTo("[" + expected + "]");
            assertThat(canonical("{\"n\":-" + n + "}")).isEqualTo("{\"n\":" + (expected.equals("0") ? "0" : "-" + expected) + "}");
        }
    }

    @Test
    void readsDecimalLiteralsAsTheNearestDouble() {
        assertThat(canonical("[0.1, 1E-7, 1e21, 5e-324, 2.4703282292062328e-324, 1e-400, -0, -0.0, 0e10]"))
                .isEqualTo("[0.1,1e-7,1e+21,5e-324,5e-324,0,0,0,0]");
        // Ties between doubles go to the even significand.
        assertThat(canonical("[1.00000000000000011102230246251565404236316680908203125]")).isEqualTo("[1]");
        assertThat(canonical("[1.00000000000000011102230246251565404236316680908203126]")).isEqualTo("[1.0000000000000002]");
    }

    @Test
    void acceptsJsonWhitespaceAroundAndInside() {
        assertThat(canonical(" \t\r\n{ \"b\" : [ 1 , 2 ] ,\n\"a\":null } \n")).isEqualTo("{\"a\":null,\"b\":[1,2]}");
    }

    @Test
    void acceptsScalarsAtTheTopLevel() {
        assertThat(canonical("\"x\"")).isEqualTo("\"x\"");
        assertThat(canonical("4.50")).isEqualTo("4.5");
        assertThat(canonical("true")).isEqualTo("true");
        assertThat(canonical("null")).isEqualTo("null");
    }

    @Test
    void decodesEscapesBeforeSortingAndReescapesMinimally() {
        assertThat(canonical("{\"\\u0062\":1,\"a\\/\":\"\\u00e9\\ud83d\\ude00\\u001F\"}"))
                .isEqualTo("{\"a/\":\"\u00e9\uD83D\uDE00\\u001f\",\"b\":1}");
    }

    @Test
    void acceptsEveryWellFormedUtf8Form() {
        String text = "[\"$\u00a2\u20ac\uD800\uDF48\uFFFD\uDBFF\uDFFF\"]";
        assertThat(CanonicalJson.canonicalize(text.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Round-to-nearest-even of a positive integer to a double, by integer arithmetic only. */
    private static double nearestDouble(BigInteger n) {
        int excess = n.bitLength() - 53;
        if (excess <= 0) {
            return n.longValueExact();
        }
        BigInteger kept = n.shiftRight(excess);
        BigInteger dropped = n.subtract(kept.shiftLeft(excess));
        int vsHalf = dropped.compareTo(BigInteger.ONE.shiftLeft(excess - 1));
        if (vsHalf > 0 || vsHalf == 0 && kept.testBit(0)) {
            kept = kept.add(BigInteger.ONE);
        }
        return Math.scalb((double) kept.longValueExact(), excess);
    }
}
