package uk.gov.accessledger.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.gov.accessledger.testonly.TestVectors;

/**
 * The published vectors, map/vectors.json: each map's root from its entries, each proof verifying
 * to its stated answer in both encodings, each negative refused with its stated exception; and the
 * file being exactly what {@link MapVectors} generates (so it never drifts from the code).
 * Regenerate with {@code -Dmap.writeVectors=src/test/resources/map/vectors.json}.
 */
class MapVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    @Test
    void vectorsFileIsWhatTheGeneratorProduces() {
        boolean same = vectors().toString().equals(MapVectors.generate().toString());
        assertThat(same).as("vectors.json is what MapVectors generates (regenerate it, see the class comment)").isTrue();
    }

    @Test
    void everyMapHasItsRootAndEveryProofItsAnswer() throws Exception {
        JsonNode vectors = vectors();
        assertThat(HEX.parseHex(vectors.get("emptyHash").textValue())).isEqualTo(MapHasher.empty());
        for (JsonNode map : vectors.get("maps")) {
            TreeMap<SubjectKey, SubjectState> set = new TreeMap<>();
            for (JsonNode e : map.get("entries")) {
                set.put(new SubjectKey(hex(e, "key")), SubjectState.decode(hex(e, "value")));
            }
            byte[] root = hex(map, "root");
            SubjectMap built = new SubjectMap(new InMemoryNodeStore());
            assertThat(built.update(set)).as(map.get("description").textValue()).isEqualTo(root);
            assertThat(new ReferenceMap(set).root()).isEqualTo(root);
            for (JsonNode p : map.get("proofs")) {
                SubjectKey key = new SubjectKey(hex(p, "key"));
                Optional<SubjectState> want = p.get("present").booleanValue()
                        ? Optional.of(SubjectState.decode(hex(p, "value"))) : Optional.empty();
                MapProof proof = MapProofCodec.decode(hex(p, "proof"));
                assertThat(MapProofVerifier.verify(root, key, proof)).isEqualTo(want);
                assertThat(MapProofCodec.encode(MapProofJson.fromJson(p.get("proofJson")))).isEqualTo(hex(p, "proof"));
            }
            for (JsonNode n : map.get("negatives")) {
                SubjectKey key = new SubjectKey(hex(n, "key"));
                byte[] bytes = hex(n, "proof");
                assertThatThrownBy(() -> MapProofVerifier.verify(root, key, MapProofCodec.decode(bytes)))
                        .as("%s: %s", map.get("description").textValue(), n.get("description").textValue())
                        .isInstanceOf(MapProofException.class)
                        .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(n.get("error").textValue()));
            }
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "map.writeVectors", matches = ".+")
    void writeVectors() throws IOException {
        Files.writeString(Path.of(System.getProperty("map.writeVectors")),
                MapVectors.generate().toPrettyString() + "\n", StandardCharsets.UTF_8);
    }

    private static JsonNode vectors() {
        return TestVectors.in("map").json("vectors.json");
    }

    private static byte[] hex(JsonNode node, String member) {
        return HEX.parseHex(node.get(member).textValue());
    }
}
