package uk.gov.accessledger.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * A monitor's recomputation of the map from the log's leaves, read in order from leaf 0: it
 * derives the map from the entry leaves and, at each map-root leaf, checks that it covers all the
 * leaves before it and commits to the root derived from them. Findings are returned, not thrown,
 * so that one pass reports them all.
 *
 * <p>Reads of an entry only {@code subject} and {@code seq}; checking the rest of an entry is the
 * entry format's verifier's job. Not thread-safe.
 */
public final class MapReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SubjectMap map;
    private MapDerivation batch;
    private long next;

    /** A replay from leaf 0 into an empty {@code store}. */
    public MapReplay(NodeStore store) {
        this.map = new SubjectMap(store);
        this.batch = new MapDerivation(map::get);
    }

    /**
     * Reads the next leaf of the log.
     *
     * @param index requires the index after the previous leaf's (0 first)
     * @param leaf the leaf's bytes, as in the log's entry bundles
     * @return what is wrong at this leaf, if anything
     */
    public List<MapFinding> accept(long index, byte[] leaf) {
        if (index != next) {
            throw new IllegalArgumentException("requires leaf " + next + ", got leaf " + index);
        }
        next++;
        JsonNode node;
        try {
            node = JSON.readTree(leaf);
        } catch (IOException e) {
            return List.of(new MapFinding(index, "couldn't read leaf as JSON: " + e.getMessage()));
        }
        if (node != null && MapRootLeaf.isMapRoot(node)) {
            return checkMapRoot(index, leaf);
        }
        try {
            EntryLeaf entry = new EntryLeaf(index, SubjectKey.fromHex(MapJson.text(node, "subject")),
                    MapJson.integer(node, "seq", 0, MapJson.MAX_SAFE_INTEGER), Rfc6962Hasher.JDK.hashLeaf(leaf));
            return batch.accept(entry).stream().toList();
        } catch (IllegalArgumentException | NullPointerException e) {
            return List.of(new MapFinding(index, "couldn't read entry: " + e.getMessage()));
        }
    }

    private List<MapFinding> checkMapRoot(long index, byte[] leaf) {
        List<MapFinding> findings = new ArrayList<>();
        byte[] root = root();
        try {
            MapRootLeaf mapRoot = MapRootLeaf.parse(leaf);
            if (mapRoot.treeSize() != index) {
                findings.add(new MapFinding(index, "map-root leaf treeSize got " + mapRoot.treeSize()
                        + ", want " + index + " (the leaves before it)"));
            }
            if (!MessageDigest.isEqual(mapRoot.root(), root)) {
                findings.add(new MapFinding(index, "map root got " + HexFormat.of().formatHex(mapRoot.root())
                        + ", want " + HexFormat.of().formatHex(root) + " (derived from leaves 0 to " + (index - 1) + ")"));
            }
        } catch (MalformedMapRootLeafException e) {
            findings.add(new MapFinding(index, e.getMessage()));
        }
        return findings;
    }

    /** Returns the root of the map derived from every leaf read so far. */
    public byte[] root() {
        map.update(batch.changes());
        batch = new MapDerivation(map::get);
        return map.root();
    }
}
