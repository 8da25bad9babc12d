package uk.gov.accessledger.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The draft map-root leaf: one canonical spelling, every other refused. */
class MapRootLeafTest {

    /** The root is SHA-256(0x02), the empty map's: printf '\x02' | sha256sum | cut -c1-64 | xxd -r -p | base64. */
    private static final String EMPTY_MAP_LEAF =
            "{\"kind\":\"map-root\",\"mapVersion\":1,\"root\":\"28G0yQD/5I1XW12lxjgEASX2XbD+PiRJS3bqmGRX2YY=\",\"treeSize\":0}";

    @Test
    void writesTheCanonicalJsonAndReadsItBack() throws MalformedMapRootLeafException {
        MapRootLeaf leaf = new MapRootLeaf(0, MapHasher.empty());
        assertThat(new String(leaf.toCanonicalJson(), StandardCharsets.UTF_8)).isEqualTo(EMPTY_MAP_LEAF);
        MapRootLeaf read = MapRootLeaf.parse(EMPTY_MAP_LEAF.getBytes(StandardCharsets.UTF_8));
        assertThat(read.treeSize()).isZero();
        assertThat(read.root()).isEqualTo(MapHasher.empty());
    }

    @Test
    void refusesEveryOtherShape() {
        assertRefused(EMPTY_MAP_LEAF.replace(",\"treeSize\":0", ",\"treeSize\": 0"), "canonical form");
        assertRefused("{\"treeSize\":0," + EMPTY_MAP_LEAF.substring(1).replace(",\"treeSize\":0", ""), "canonical form");
        assertRefused(EMPTY_MAP_LEAF.replace("map-root", "access"), "kind got \"access\"");
        assertRefused(EMPTY_MAP_LEAF.replace("\"mapVersion\":1", "\"mapVersion\":2"), "mapVersion got 2");
        assertRefused(EMPTY_MAP_LEAF.replace("\"treeSize\":0", "\"treeSize\":-1"), "treeSize got -1");
        assertRefused(EMPTY_MAP_LEAF.replace("\"treeSize\":0", "\"treeSize\":9007199254740992"), "treeSize got");
        assertRefused(EMPTY_MAP_LEAF.replace("2YY=", "2YZ="), "canonical base64");
        assertRefused(EMPTY_MAP_LEAF.replace("}", ",\"v\":1}"), "members got");
        assertRefused("{\"kind\":\"map-root\",\"kind\":\"map-root\"}", "couldn't read map-root leaf");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> MapRootLeaf.parse(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMapRootLeafException.class).hasMessageContaining(message);
    }
}
