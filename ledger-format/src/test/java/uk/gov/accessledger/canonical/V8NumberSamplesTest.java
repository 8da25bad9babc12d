package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.testonly.TestVectors;

/**
 * Doubles and the text V8 (Node.js 20) prints for them, from v8-number-samples.txt: every power of
 * two and ten with neighbours, the notation thresholds, subnormals and seeded random values.
 */
class V8NumberSamplesTest {

    private static final TestVectors VECTORS = TestVectors.in("canonical");

    @Test
    void printsWhatJavaScriptPrints() {
        List<String> lines = VECTORS.dataLines("v8-number-samples.txt");
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            int comma = line.indexOf(',');
            double value = TestVectors.doubleFromBits(line.substring(0, comma));
            String expected = line.substring(comma + 1);
            String actual = CanonicalJson.serializeNumber(value);
            if (!actual.equals(expected)) {
                mismatches.add(line + " got " + actual);
            }
        }
        assertThat(lines).hasSizeGreaterThan(10_000);
        assertThat(mismatches).isEmpty();
    }
}
