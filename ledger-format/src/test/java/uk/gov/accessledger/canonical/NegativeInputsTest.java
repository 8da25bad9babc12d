package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

/** Inputs that have no canonical form, from negative-inputs.json, each with the message it must produce. */
class NegativeInputsTest {

    private static final TestVectors VECTORS = TestVectors.in("canonical");

    static Stream<Arguments> vectors() {
        JsonNode all = VECTORS.json("negative-inputs.json");
        List<Arguments> arguments = new ArrayList<>();
        for (JsonNode vector : all) {
            byte[] input = vector.has("inputHex")
                    ? HexFormat.of().parseHex(vector.get("inputHex").textValue())
                    : vector.get("input").textValue().getBytes(StandardCharsets.UTF_8);
            arguments.add(Arguments.of(vector.get("description").textValue(), input,
                    vector.path("message").textValue(), vector.path("messageContains").textValue()));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void refusesWithAMessageNamingTheProblem(String description, byte[] input, String message, String messageContains) {
        CanonicalJsonException thrown = catchThrowableOfType(CanonicalJsonException.class,
                () -> CanonicalJson.canonicalize(input));

        assertThat(thrown).as(description).isNotNull();
        if (message != null) {
            assertThat(thrown.getMessage()).isEqualTo(message);
        } else {
            assertThat(thrown.getMessage()).startsWith("couldn't canonicalize: ").contains(messageContains);
        }
    }

    @Test
    void vectorFileCoversTheRequiredProblems() {
        String all = VECTORS.string("negative-inputs.json");
        assertThat(all).contains("duplicate key", "NaN is not a JSON number", "lone surrogate",
                "trailing content", "invalid UTF-8", "beyond the IEEE 754 double range");
    }

    @Test
    void reportsThePointerOfTheOffendingValueSeparately() {
        CanonicalJsonException thrown = catchThrowableOfType(CanonicalJsonException.class,
                () -> CanonicalJson.canonicalize("{\"x\":{\"a~/b\":[1,{\"a\":1,\"a\":2}]}}".getBytes(StandardCharsets.UTF_8)));

        assertThat(thrown.pointer()).contains("/x/a~0~1b/1");
        assertThat(thrown.problem()).isEqualTo("duplicate key \"a\"");
    }

    @Test
    void reportsNoPointerForBytesThatAreNotJson() {
        CanonicalJsonException thrown = catchThrowableOfType(CanonicalJsonException.class,
                () -> CanonicalJson.canonicalize(new byte[] {'[', (byte) 0xC0, (byte) 0xAF, ']'}));

        assertThat(thrown.pointer()).isEmpty();
        assertThat(thrown.problem()).isEqualTo("invalid UTF-8 at byte 1");
    }
}
