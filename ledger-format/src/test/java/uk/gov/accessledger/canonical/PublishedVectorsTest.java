package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

/**
 * Input and expected output pairs: the RFC 8785 section 3.2.2 and 3.2.3 examples and the
 * cyberphone/json-canonicalization testdata (see src/test/resources/canonical/README.md).
 */
class PublishedVectorsTest {

    private static final TestVectors VECTORS = TestVectors.in("canonical");

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("RFC 8785 3.2.2 primitives", "rfc8785/section-3.2.2-input.json", "rfc8785/section-3.2.2-output.json"),
                Arguments.of("RFC 8785 3.2.3 sorting", "rfc8785/section-3.2.3-input.json", "rfc8785/section-3.2.3-output.json"),
                cyberphone("arrays.json"),
                cyberphone("french.json"),
                cyberphone("structures.json"),
                cyberphone("unicode.json"),
                cyberphone("values.json"),
                cyberphone("weird.json"));
    }

    private static Arguments cyberphone(String name) {
        return Arguments.of("cyberphone " + name, "cyberphone/input/" + name, "cyberphone/output/" + name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void producesThePublishedBytes(String description, String input, String output) {
        byte[] canonical = CanonicalJson.canonicalize(VECTORS.bytes(input));

        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .isEqualTo(new String(VECTORS.bytes(output), StandardCharsets.UTF_8));
        assertThat(canonical).isEqualTo(VECTORS.bytes(output));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void leavesCanonicalBytesUnchanged(String description, String input, String output) {
        assertThat(CanonicalJson.canonicalize(VECTORS.bytes(output))).isEqualTo(VECTORS.bytes(output));
    }
}
