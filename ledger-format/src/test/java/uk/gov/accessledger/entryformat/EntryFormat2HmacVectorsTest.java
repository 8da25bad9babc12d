package uk.gov.accessledger.entryformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.testonly.TestVectors;

/** The commitment's HMAC-SHA-256, held to RFC 4231's test cases 1 to 7. */
class EntryFormat2HmacVectorsTest {

    static Stream<Map<String, String>> rfc4231() {
        return TestVectors.in("entryformat").blocks("hmac-sha256-rfc4231.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc4231")
    void hmacSha256GivesThePublishedOutput(Map<String, String> v) {
        HexFormat hex = HexFormat.of();
        byte[] mac = ContentCommitment.hmacSha256(hex.parseHex(v.get("key")), hex.parseHex(v.get("data")));
        assertThat(hex.formatHex(mac)).startsWith(v.get("want"));
        assertThat(mac).hasSize(32);
    }
}
