package uk.gov.accessledger.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Proof bytes and proof JSON: each proof's one form reads back to it, and every other form is refused. */
class MapProofEncodingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RandomSubjects random = new RandomSubjects(5);

    @Test
    void bytesAndJsonReadBackToTheSameProofOfEveryKind() throws MapProofException {
        SubjectMap map = mapOf(300);
        for (MapProof proof : threeKinds(map)) {
            byte[] bytes = MapProofCodec.encode(proof);
            assertThat(MapProofCodec.encode(MapProofCodec.decode(bytes))).isEqualTo(bytes);
            assertThat(MapProofCodec.encode(MapProofJson.fromJson(MapProofJson.toJson(proof)))).isEqualTo(bytes);
        }
    }

    @Test
    void refusesMalformedBytes() throws MapProofException {
        byte[] good = MapProofCodec.encode(threeKinds(mapOf(300)).get(0));
        assertMalformed(new byte[] {0, 0}, "got 2 bytes, want at least 3");
        assertMalformed(with(good, 0, 3), "kind got 3, want 0, 1 or 2");
        assertMalformed(new byte[] {1, 1, 1}, "depth got 257, want 0 to 256");
        assertMalformed(Arrays.copyOf(good, good.length - 1), "want " + good.length);
        assertMalformed(Arrays.copyOf(good, good.length + 1), "want " + good.length);
        assertMalformed(new byte[] {1, 0, 3, (byte) 0x10}, "padding bits set");
        byte[] explicitEmpty = new byte[3 + 1 + 32];
        explicitEmpty[0] = 1;
        explicitEmpty[2] = 1;
        explicitEmpty[3] = (byte) 0x80;
        System.arraycopy(MapHasher.empty(), 0, explicitEmpty, 4, 32);
        assertMalformed(explicitEmpty, "got the empty hash written out");
        byte[] zeroCount = new byte[3 + 48];
        assertMalformed(zeroCount, "count got 0");
    }

    @Test
    void refusesMalformedJson() throws Exception {
        ObjectNode good = MapProofJson.toJson(threeKinds(mapOf(300)).get(0));
        assertMalformedJson(JSON.readTree("[]"), "want an object");
        assertMalformedJson(good.deepCopy().put("kind", "maybe"), "kind got \"maybe\"");
        assertMalformedJson(good.deepCopy().put("extra", 1), "members got");
        assertMalformedJson(good.deepCopy().put("depth", 257), "depth got 257");
        assertMalformedJson(good.deepCopy().put("depth", 1.5), "depth got 1.5");
        ObjectNode badHash = good.deepCopy();
        ((ObjectNode) badHash.get("siblings").get(0)).put("hash", "AAAA");
        assertMalformedJson(badHash, "want 32 bytes in canonical base64");
        ObjectNode unordered = good.deepCopy();
        JsonNode first = unordered.get("siblings").get(0);
        ((ArrayNode) unordered.get("siblings")).add(first);
        assertMalformedJson(unordered, "depth got 1");
        ObjectNode unsafe = good.deepCopy();
        ((ObjectNode) unsafe.get("value")).put("count", 1L << 53);
        assertMalformedJson(unsafe, "count got 9007199254740992");
        ObjectNode upperHex = good.deepCopy();
        ObjectNode value = (ObjectNode) upperHex.get("value");
        value.put("newestLeafHash", value.get("newestLeafHash").textValue().toUpperCase());
        assertMalformedJson(upperHex, "want 64 lowercase hex digits");
    }

    private static void assertMalformed(byte[] bytes, String message) {
        assertThatThrownBy(() -> MapProofCodec.decode(bytes)).isInstanceOf(MalformedMapProofException.class)
                .hasMessageContaining(message);
    }

    private static void assertMalformedJson(JsonNode json, String message) {
        assertThatThrownBy(() -> MapProofJson.fromJson(json)).isInstanceOf(MalformedMapProofException.class)
                .hasMessageContaining(message);
    }

    private static byte[] with(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private SubjectMap mapOf(int size) {
        TreeMap<SubjectKey, SubjectState> set = new TreeMap<>();
        while (set.size() < size) {
            set.put(random.key(), random.value());
        }
        SubjectMap map = new SubjectMap(new InMemoryNodeStore());
        map.update(set);
        return map;
    }

    /** A presence proof, an absence proof ending empty, one ending in another leaf. */
    private List<MapProof> threeKinds(SubjectMap map) {
        MapProof empty;
        MapProof otherLeaf;
        do {
            empty = map.prove(random.key());
        } while (!(empty.terminal() instanceof MapProof.Empty));
        do {
            otherLeaf = map.prove(random.key());
        } while (!(otherLeaf.terminal() instanceof MapProof.OtherLeaf));
        MapProof present = map.prove(((MapProof.OtherLeaf) otherLeaf.terminal()).key());
        return List.of(present, empty, otherLeaf);
    }
}
