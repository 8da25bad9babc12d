package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

/** RFC 8785 Appendix B, every row: see src/test/resources/canonical/rfc8785-appendix-b-numbers.txt. */
class RfcAppendixBNumbersTest {

    private static final TestVectors VECTORS = TestVectors.in("canonical");

    private static final String FILE = "rfc8785-appendix-b-numbers.txt";

    static Stream<Arguments> rows() {
        return VECTORS.dataLines(FILE).stream().map(line -> {
            String[] columns = line.split(",", -1);
            return Arguments.of(columns[0], columns[1], columns[2]);
        });
    }

    @Test
    void vectorFileHoldsTheWholeTable() {
        // 24 serializable rows plus the NaN and Infinity rows.
        assertThat(VECTORS.dataLines(FILE)).hasSize(26);
    }

    @ParameterizedTest(name = "{0} -> \"{1}\" {2}")
    @MethodSource("rows")
    void serializesTheRfcSample(String bits, String expected, String comment) {
        double value = TestVectors.doubleFromBits(bits);
        if (expected.isEmpty()) {
            assertThatThrownBy(() -> CanonicalJson.serializeNumber(value))
                    .isInstanceOf(CanonicalJsonException.class)
                    .hasMessageMatching("couldn't canonicalize: (NaN|-?Infinity) is not a JSON number");
        } else {
            assertThat(CanonicalJson.serializeNumber(value)).isEqualTo(expected);
            assertThat(ReferenceNumberFormatter.format(value)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} in a document")
    @MethodSource("rows")
    void canonicalizesTheRfcSampleInsideADocument(String bits, String expected, String comment) {
        double value = TestVectors.doubleFromBits(bits);
        var document = JsonNodeFactory.instance.arrayNode().add(value);
        if (expected.isEmpty()) {
            assertThatThrownBy(() -> CanonicalJson.canonicalize(document))
                    .isInstanceOf(CanonicalJsonException.class)
                    .hasMessageEndingWith(" is not a JSON number at /0");
        } else {
            assertThat(new String(CanonicalJson.canonicalize(document), StandardCharsets.UTF_8))
                    .isEqualTo("[" + expected + "]");
        }
    }

    @Test
    void rejectsEveryNanAndInfinity() {
        for (double value : List.of(Double.NaN, Double.longBitsToDouble(0xfff8000000000001L),
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)) {
            assertThatThrownBy(() -> CanonicalJson.serializeNumber(value))
                    .isInstanceOf(CanonicalJsonException.class)
                    .hasMessageContaining("is not a JSON number");
        }
    }
}
