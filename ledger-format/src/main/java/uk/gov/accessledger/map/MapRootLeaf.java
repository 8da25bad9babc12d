package uk.gov.accessledger.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.canonical.CanonicalJsonException;

/**
 * DRAFT: the leaf the sequencer appends at the end of each batch it integrates, committing the
 * map's root in the log. At leaf index {@code m} it has {@code treeSize = m}: its root is the map
 * derived from leaves {@code [0, m)}. Its bytes are RFC 8785 canonical JSON:
 *
 * <pre>
 * {"kind":"map-root","mapVersion":1,"root":"&lt;base64 of 32 bytes&gt;","treeSize":m}
 * </pre>
 *
 * <p>Invariants, enforced: {@code 0 <= treeSize <= 2^53 - 1}, a 32-byte root. Immutable.
 */
public record MapRootLeaf(long treeSize, byte[] root) {

    /** The value of {@code kind}, which no entry kind takes. */
    public static final String KIND = "map-root";

    /** The version of the map's format (docs/map-format.md) this draft commits to. */
    public static final int MAP_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    public MapRootLeaf {
        if (treeSize < 0 || treeSize > MapJson.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("requires a tree size of 0 to 2^53 - 1, got " + treeSize);
        }
        if (root == null || root.length != MapHasher.HASH_SIZE) {
            throw new IllegalArgumentException("requires a 32-byte root");
        }
        root = root.clone();
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /** Returns the leaf's canonical bytes. */
    public byte[] toCanonicalJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("kind", KIND).put("mapVersion", MAP_VERSION)
                .put("treeSize", treeSize).put("root", MapJson.base64(root));
        return CanonicalJson.canonicalize(node);
    }

    /** Returns whether {@code leaf} is a JSON object whose {@code kind} is {@code "map-root"}. */
    static boolean isMapRoot(JsonNode leaf) {
        return leaf.isObject() && KIND.equals(leaf.path("kind").textValue());
    }

    /**
     * Reads a map-root leaf strictly: the bytes must be canonical JSON with exactly the four
     * members, {@code mapVersion} 1 and the root in canonical base64.
     *
     * @throws MalformedMapRootLeafException for anything else
     */
    public static MapRootLeaf parse(byte[] bytes) throws MalformedMapRootLeafException {
        try {
            if (!Arrays.equals(CanonicalJson.canonicalize(bytes), bytes)) {
                throw new IllegalArgumentException("bytes are not in RFC 8785 canonical form");
            }
            JsonNode node = JSON.readTree(bytes);
            MapJson.requireMembers(node, "map-root leaf", Set.of("kind", "mapVersion", "root", "treeSize"));
            if (!KIND.equals(MapJson.text(node, "kind"))) {
                throw new IllegalArgumentException("kind got \"" + node.get("kind").textValue() + "\", want \"" + KIND + "\"");
            }
            MapJson.integer(node, "mapVersion", MAP_VERSION, MAP_VERSION);
            return new MapRootLeaf(MapJson.integer(node, "treeSize", 0, MapJson.MAX_SAFE_INTEGER),
                    MapJson.base64Hash(node, "root"));
        } catch (IllegalArgumentException | CanonicalJsonException | IOException e) {
            throw new MalformedMapRootLeafException(e.getMessage(), e);
        }
    }
}
