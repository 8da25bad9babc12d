package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Unicode Table 3-7, checked at its boundaries and against the JDK's strict UTF-8 decoder. */
class WellFormedUtf8Test {

    @Test
    void acceptsTheBoundariesOfEachWellFormedRange() {
        for (String hex : new String[] {"00", "7f", "c280", "dfbf", "e0a080", "e0bfbf", "e18080", "ecbfbf",
                "ed8080", "ed9fbf", "ee8080", "efbfbf", "f0908080", "f0bfbfbf", "f1808080", "f3bfbfbf",
                "f4808080", "f48fbfbf"}) {
            assertThat(WellFormedUtf8.firstIllFormed(HexFormat.of().parseHex(hex))).as(hex).isEqualTo(-1);
        }
    }

    @Test
    void pointsAtTheStartOfTheFirstIllFormedSequence() {
        String[][] cases = {
                {"80", "0"}, {"41bf", "1"}, {"c0af", "0"}, {"c1bf", "0"}, {"c2", "0"}, {"c241", "0"},
                {"e09fbf", "0"}, {"eda080", "0"}, {"edbfbf", "0"}, {"e282", "0"}, {"41e28241", "1"},
                {"f08fbfbf", "0"}, {"f4908080", "0"}, {"f5808080", "0"}, {"ff", "0"}, {"4142f0908080c3", "6"}};
        for (String[] c : cases) {
            assertThat(WellFormedUtf8.firstIllFormed(HexFormat.of().parseHex(c[0]))).as(c[0])
                    .isEqualTo(Integer.parseInt(c[1]));
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        SplittableRandom random = new SplittableRandom(3629);
        byte[] interesting = HexFormat.of().parseHex("00417f80bfc0c1c2dfe0e1ecedeeeff0f1f3f4f5ff8f909f");
        for (int i = 0; i < 200_000; i++) {
            byte[] bytes = new byte[random.nextInt(1, 8)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : (byte) random.nextInt(256);
            }
            assertThat(WellFormedUtf8.firstIllFormed(bytes) < 0).as(HexFormat.of().formatHex(bytes))
                    .isEqualTo(jdkAccepts(bytes));
        }
    }

    private static boolean jdkAccepts(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
