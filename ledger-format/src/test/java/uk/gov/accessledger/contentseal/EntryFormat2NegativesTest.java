package uk.gov.accessledger.contentseal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.accessledger.entryformat.CommitmentMismatchException;
import uk.gov.accessledger.entryformat.ContentOpening;
import uk.gov.accessledger.entryformat.EntryFormatException;
import uk.gov.accessledger.entryformat.EntryLeafV2;
import uk.gov.accessledger.entryformat.Tombstone;
import uk.gov.accessledger.entryformat.TombstoneMismatchException;
import uk.gov.accessledger.testonly.TestVectors;

/** Each mutated negative of {@code entryformat/format2-negatives.txt} is refused with the message it names. */
class EntryFormat2NegativesTest {

    private static final TestVectors VECTORS = TestVectors.in("entryformat");
    private static final HexFormat HEX = HexFormat.of();

    static Stream<Map<String, String>> negatives() {
        return VECTORS.blocks("format2-negatives.txt").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negatives")
    void refusesTheMutationWithTheNamedMessage(Map<String, String> v) {
        Throwable thrown = catchThrowable(() -> run(v));
        assertThat(thrown).as(v.get("description")).isNotNull();
        assertThat(thrown.getMessage()).isEqualTo(v.get("want"));
        Class<? extends Throwable> type = switch (v.get("check")) {
            case "leaf", "opening", "tombstone", "tombstone-of" -> EntryFormatException.class;
            case "commitment" -> CommitmentMismatchException.class;
            case "open" -> SealedContentException.class;
            case "unwrap" -> KeyUnwrapException.class;
            case "tombstone-verify" -> TombstoneMismatchException.class;
            default -> throw new IllegalStateException("unknown check " + v.get("check"));
        };
        assertThat(thrown).isInstanceOf(type);
        if (thrown instanceof EntryFormatException parse) {
            String where = v.get("want").substring(v.get("want").lastIndexOf(" at ") + 4);
            assertThat(parse.pointer()).isEqualTo(where.equals("(root)") ? "" : where);
        }
    }

    @Test
    void coversEveryMutationTheFormatNames() {
        List<String> descriptions = negatives().map(v -> v.get("check") + ": " + v.get("description")).toList();
        assertThat(descriptions).contains(
                "commitment: content changed: another purpose",
                "commitment: r changed: its last bit flipped",
                "commitment: the leaf's commitment changed: its last bit flipped",
                "open: sealed content moved to another entry (the concern's leaf hash; same subject, same data key)",
                "open: the wrong data key (the other subject's)",
                "open: the tag truncated by one byte",
                "unwrap: the wrong KEK under the same key id (other key material)",
                "tombstone-verify: a tombstone with the wrong leaf hash (its last bit flipped)");
    }

    @Test
    void theKnownAnswersTheNegativesMutatePassTheSameChecks() {
        Map<String, String> access = VECTORS.blocks("format2-known-answers.txt").get(0);
        Map<String, String> tombstone = VECTORS.blocks("format2-known-answers.txt").get(3);
        List<Map<String, String>> valid = List.of(
                Map.of("check", "leaf", "input", access.get("leaf")),
                Map.of("check", "opening", "input", access.get("opening")),
                Map.of("check", "commitment", "opening", access.get("opening"), "leaf", access.get("leaf")),
                Map.of("check", "open", "dataKey", access.get("dataKey"), "leafHash", access.get("leafHash"),
                        "sealed", access.get("sealed")),
                Map.of("check", "unwrap", "kekId", access.get("kekId"), "kek", access.get("kek"),
                        "wrappedKekId", access.get("kekId"), "wrapped", access.get("wrappedDataKey")),
                Map.of("check", "tombstone", "input", tombstone.get("tombstone")),
                Map.of("check", "tombstone-of", "input", tombstone.get("format1Entry")),
                Map.of("check", "tombstone-verify", "tombstone", tombstone.get("tombstone"),
                        "format1Entry", tombstone.get("format1Entry")));
        for (Map<String, String> v : valid) {
            assertThat(catchThrowable(() -> run(v))).as(v.get("check")).isNull();
        }
    }

    /** Runs the block's check, throwing what the code under test throws. */
    private static void run(Map<String, String> v) throws Exception {
        switch (v.get("check")) {
            case "leaf" -> EntryLeafV2.parse(bytes(v, "input"));
            case "opening" -> ContentOpening.parse(bytes(v, "input"));
            case "tombstone" -> Tombstone.parse(bytes(v, "input"));
            case "tombstone-of" -> Tombstone.of(bytes(v, "input"));
            case "commitment" -> ContentOpening.parse(bytes(v, "opening")).verify(EntryLeafV2.parse(bytes(v, "leaf")));
            case "open" -> SealedContent.open(DataKey.of(hex(v, "dataKey")), hex(v, "leafHash"), hex(v, "sealed"));
            case "unwrap" -> new AesKeyWrapKek(v.get("kekId"), hex(v, "kek"))
                    .unwrap(new WrappedDataKey(v.get("wrappedKekId"), hex(v, "wrapped")));
            case "tombstone-verify" -> Tombstone.parse(bytes(v, "tombstone")).verifyAgainst(bytes(v, "format1Entry"));
            default -> throw new IllegalStateException("unknown check " + v.get("check"));
        }
    }

    private static byte[] hex(Map<String, String> v, String key) {
        return HEX.parseHex(v.get(key));
    }

    private static byte[] bytes(Map<String, String> v, String key) {
        return TestVectors.unescape(v.get(key));
    }
}
