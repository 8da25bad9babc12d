package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random documents: the fast writer must agree with {@link ReferenceCanonicalizer}, the
 * strict reader must give the same bytes as the tree it was serialized from, and canonical
 * bytes must be a fixed point.
 */
class RandomTreeCrossCheckTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ALPHABET = "aAbB01 _-~/\"\\\u0000\u0001\u001f\u007f\u0080\u00e9\u00f6\u20ac\u2028\uFB33\uFFFF";
    private static final String[] ASTRAL = {"\uD83D\uDE00", "\uD83D\uDE02", "\uD800\uDC00", "\uDBFF\uDFFF"};

    @Test
    void fastWriterAgreesWithTheReferenceOnRandomTrees() throws Exception {
        SplittableRandom random = new SplittableRandom(6962);
        for (int i = 0; i < 2_000; i++) {
            JsonNode tree = randomValue(random, 0);
            String expected = ReferenceCanonicalizer.canonicalize(tree);

            byte[] fromTree = CanonicalJson.canonicalize(tree);
            byte[] fromText = CanonicalJson.canonicalize(MAPPER.writeValueAsBytes(tree));
            byte[] again = CanonicalJson.canonicalize(fromTree);

            assertThat(new String(fromTree, StandardCharsets.UTF_8)).as("tree %d", i).isEqualTo(expected);
            assertThat(fromTree).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            assertThat(fromText).as("parsed tree %d", i).isEqualTo(fromTree);
            assertThat(again).as("recanonicalized tree %d", i).isEqualTo(fromTree);
        }
    }

    private static JsonNode randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 7 : 9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.textNode(randomString(random));
            case 3 -> NODES.numberNode(random.nextLong(-1_000_000, 1_000_000));
            case 4 -> NODES.numberNode(randomDouble(random));
            case 5 -> NODES.numberNode(random.nextLong());
            case 6 -> random.nextBoolean()
                    ? NODES.numberNode(new BigInteger(random.nextInt(1, 300), new Random(random.nextLong())))
                    : NODES.numberNode(new BigDecimal(random.nextLong() + "e" + random.nextInt(-320, 290)));
            case 7 -> {
                ObjectNode object = NODES.objectNode();
                int size = random.nextInt(6);
                for (int j = 0; j < size; j++) {
                    object.set(randomString(random), randomValue(random, depth + 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(6);
                for (int j = 0; j < size; j++) {
                    array.add(randomValue(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static double randomDouble(SplittableRandom random) {
        double d;
        do {
            d = random.nextBoolean()
                    ? Double.longBitsToDouble(random.nextLong())
                    : random.nextInt(-100_000, 100_000) / Math.pow(10, random.nextInt(0, 8));
        } while (Double.isNaN(d) || Double.isInfinite(d));
        return d;
    }

    private static String randomString(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(8);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(10) == 0) {
                s.append(ASTRAL[random.nextInt(ASTRAL.length)]);
            } else {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return s.toString();
    }
}
