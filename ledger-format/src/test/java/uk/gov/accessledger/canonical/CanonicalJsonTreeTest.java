package uk.gov.accessledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Canonicalizing trees built in code, with every Jackson node type. */
class CanonicalJsonTreeTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String canonical(JsonNode node) {
        return new String(CanonicalJson.canonicalize(node), StandardCharsets.UTF_8);
    }

    private static ArrayNode array(JsonNode... values) {
        ArrayNode array = NODES.arrayNode();
        for (JsonNode value : values) {
            array.add(value);
        }
        return array;
    }

    @Test
    void sortsPropertiesByUtf16CodeUnitsAtEveryLevel() {
        ObjectNode inner = NODES.objectNode().put("b", 1).put("a", 2).put("B", 3);
        ObjectNode root = NODES.objectNode();
        // U+1F600 is D83D DE00 in UTF-16, so it sorts before U+FB33 although its code point is larger.
        root.put("\uFB33", 1).put("\uD83D\uDE00", 2).put("\u00e9", 3).put("e", 4).put("", 5);
        root.set("nested", inner);
        root.set("list", array(inner.deepCopy(), NODES.textNode("z")));

        assertThat(canonical(root)).isEqualTo(
                "{\"\":5,\"e\":4,\"list\":[{\"B\":3,\"a\":2,\"b\":1},\"z\"],\"nested\":{\"B\":3,\"a\":2,\"b\":1},"
                        + "\"\u00e9\":3,\"\uD83D\uDE00\":2,\"\uFB33\":1}");
    }

    @Test
    void keepsArrayOrder() {
        assertThat(canonical(array(IntNode.valueOf(3), IntNode.valueOf(1), IntNode.valueOf(2)))).isEqualTo("[3,1,2]");
    }

    @Test
    void escapesOnlyQuoteBackslashAndC0Controls() {
        StringBuilder everyControl = new StringBuilder();
        for (char ch = 0; ch < 0x20; ch++) {
            everyControl.append(ch);
        }
        String expected = "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
                + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\"";
        assertThat(canonical(TextNode.valueOf(everyControl.toString()))).isEqualTo(expected);
        assertThat(canonical(TextNode.valueOf("\"\\/"))).isEqualTo("\"\\\"\\\\/\"");
        // DEL, C1 controls, line separators, non-ASCII and astral characters are written as UTF-8.
        String literal = "\u007f\u0080\u009f\u2028\u2029\u00e9\u20ac\uFFFF\uD83D\uDE00<>&'";
        assertThat(CanonicalJson.canonicalize(TextNode.valueOf(literal)))
                .isEqualTo(("\"" + literal + "\"").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writesLongStringsOfEscapesWithoutOverflowingItsBuffer() {
        String text = "\u0001".repeat(5_000) + "\u20ac".repeat(5_000);
        assertThat(canonical(TextNode.valueOf(text))).isEqualTo("\"" + "\\u0001".repeat(5_000) + "\u20ac".repeat(5_000) + "\"");
    }

    @Test
    void writesIntegersUpTo2To53Exactly() {
        assertThat(canonical(array(IntNode.valueOf(0), IntNode.valueOf(-7), ShortNode.valueOf((short) 12),
                LongNode.valueOf(9007199254740992L), LongNode.valueOf(-9007199254740992L))))
                .isEqualTo("[0,-7,12,9007199254740992,-9007199254740992]");
    }

    @Test
    void roundsLongsBeyond2To53ToTheNearestDouble() {
        // 2^53 + 1 lies halfway between two doubles and goes to the even one, 2^53.
        assertThat(canonical(LongNode.valueOf(9007199254740993L))).isEqualTo("9007199254740992");
        assertThat(canonical(LongNode.valueOf(9007199254740995L))).isEqualTo("9007199254740996");
        assertThat(canonical(LongNode.valueOf(Long.MAX_VALUE))).isEqualTo("9223372036854776000");
        assertThat(canonical(LongNode.valueOf(Long.MIN_VALUE))).isEqualTo("-9223372036854776000");
    }

    @Test
    void roundsBigIntegersAndDecimalsToTheNearestDouble() {
        // 2^68 + 1: the RFC's Appendix B "~2**68" row.
        assertThat(canonical(BigIntegerNode.valueOf(BigInteger.TWO.pow(68).add(BigInteger.ONE))))
                .isEqualTo("295147905179352830000");
        assertThat(canonical(BigIntegerNode.valueOf(BigInteger.TEN.pow(30)))).isEqualTo("1e+30");
        assertThat(canonical(DecimalNode.valueOf(new BigDecimal("333333333.33333329")))).isEqualTo("333333333.3333333");
        assertThat(canonical(DecimalNode.valueOf(new BigDecimal("4.50")))).isEqualTo("4.5");
        assertThat(canonical(DecimalNode.valueOf(new BigDecimal("1E-400")))).isEqualTo("0");
        assertThat(canonical(DecimalNode.valueOf(new BigDecimal("-0.000")))).isEqualTo("0");
    }

    @Test
    void writesFloatsAsTheDoubleTheyWidenTo() {
        assertThat(canonical(FloatNode.valueOf(0.1f))).isEqualTo("0.10000000149011612");
        assertThat(canonical(DoubleNode.valueOf(-0.0))).isEqualTo("0");
    }

    @Test
    void refusesNumbersThatAreNotFiniteDoubles() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.objectNode().set("x", array(DoubleNode.valueOf(Double.NaN)))))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessage("couldn't canonicalize: NaN is not a JSON number at /x/0");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(FloatNode.valueOf(Float.NEGATIVE_INFINITY)))
                .hasMessage("couldn't canonicalize: -Infinity is not a JSON number at (root)");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(array(DecimalNode.valueOf(new BigDecimal("1E+400")))))
                .hasMessage("couldn't canonicalize: number 1E+400 is beyond the IEEE 754 double range at /0");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(BigIntegerNode.valueOf(BigInteger.TEN.pow(309))))
                .hasMessageStartingWith("couldn't canonicalize: number 1000")
                .hasMessageEndingWith(" is beyond the IEEE 754 double range at (root)");
    }

    @Test
    void refusesLoneSurrogatesInValuesAndNames() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.objectNode().put("s", "ok\uD800")))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessage("couldn't canonicalize: lone surrogate U+D800 at index 2 of string at /s");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.objectNode().set("o", NODES.objectNode().put("\uDC00x", 1))))
                .hasMessage("couldn't canonicalize: lone surrogate U+DC00 at index 0 of property name at /o/\\udc00x");
    }

    @Test
    void refusesNodesThatAreNotJsonData() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(array(BinaryNode.valueOf(new byte[] {1}))))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessage("couldn't canonicalize: a BINARY node is not JSON data at /0");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(NODES.objectNode().set("p", new POJONode(new Object()))))
                .hasMessage("couldn't canonicalize: a POJO node is not JSON data at /p");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(MissingNode.getInstance()))
                .hasMessage("couldn't canonicalize: a MISSING node is not JSON data at (root)");
    }

    @Test
    void acceptsNestingUpTo1000LevelsAndRefusesDeeper() {
        assertThat(canonical(nested(1000))).isEqualTo("[".repeat(1000) + "]".repeat(1000));
        assertThatThrownBy(() -> CanonicalJson.canonicalize(nested(1001)))
                .isInstanceOf(CanonicalJsonException.class)
                .hasMessageStartingWith("couldn't canonicalize: nesting deeper than 1000 arrays and objects at /0/0/0");
    }

    @Test
    void refusesNullArguments() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize((JsonNode) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires a non-null node");
        assertThatThrownBy(() -> CanonicalJson.canonicalize((byte[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requires non-null JSON bytes");
    }

    @Test
    void writesLiterals() {
        assertThat(canonical(array(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(),
                NODES.objectNode(), NODES.arrayNode(), NODES.textNode("")))).isEqualTo("[true,false,null,{},[],\"\"]");
    }

    private static JsonNode nested(int depth) {
        ArrayNode root = NODES.arrayNode();
        ArrayNode current = root;
        for (int i = 1; i < depth; i++) {
            current = current.addArray();
        }
        return root;
    }
}
