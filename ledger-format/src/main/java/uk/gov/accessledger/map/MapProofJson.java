package uk.gov.accessledger.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link MapProof} as the API's JSON (docs/map-format.md, "Proof JSON"):
 *
 * <pre>
 * {"kind": "present" | "absent", "depth": d,
 *  "siblings": [{"depth": i, "hash": base64}, ...],   only the non-empty ones, depth increasing
 *  "value": {"count": n, "newestLeafIndex": i, "newestLeafHash": hex}   present only
 *  "leaf": {"key": hex, "valueHash": base64}}          absent, path ending in another leaf only
 * </pre>
 *
 * Integers are at most 2^53 - 1 so that JavaScript reads them exactly. The reader is strict: every
 * other shape is refused, so one proof has one JSON form up to member order and whitespace.
 */
public final class MapProofJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private MapProofJson() {
    }

    /** Returns the proof's JSON object. */
    public static ObjectNode toJson(MapProof proof) {
        ObjectNode out = JSON.objectNode();
        out.put("kind", proof.terminal() instanceof MapProof.Present ? "present" : "absent");
        out.put("depth", proof.depth());
        ArrayNode siblings = out.putArray("siblings");
        for (int d = 1; d <= proof.depth(); d++) {
            if (!MapHasher.isEmpty(proof.sibling(d))) {
                siblings.addObject().put("depth", d).put("hash", MapJson.base64(proof.sibling(d)));
            }
        }
        if (proof.terminal() instanceof MapProof.Present present) {
            SubjectState value = present.value();
            out.putObject("value").put("count", value.count()).put("newestLeafIndex", value.newestLeafIndex())
                    .put("newestLeafHash", MapJson.hex(value.newestLeafHash()));
        } else if (proof.terminal() instanceof MapProof.OtherLeaf other) {
            out.putObject("leaf").put("key", other.key().toHex()).put("valueHash", MapJson.base64(other.valueHash()));
        }
        return out;
    }

    /**
     * Reads a proof from its JSON object.
     *
     * @throws MalformedMapProofException if {@code json} is not exactly a proof's JSON
     */
    public static MapProof fromJson(JsonNode json) throws MalformedMapProofException {
        try {
            return read(json);
        } catch (IllegalArgumentException e) {
            throw new MalformedMapProofException(e.getMessage());
        }
    }

    private static MapProof read(JsonNode json) {
        if (json == null || !json.isObject()) {
            MapJson.requireMembers(json, "proof", Set.of());
        }
        String kind = MapJson.text(json, "kind");
        if (kind.equals("present")) {
            MapJson.requireMembers(json, "present proof", Set.of("kind", "depth", "siblings", "value"));
        } else if (kind.equals("absent")) {
            MapJson.requireMembers(json, "absent proof", json.has("leaf")
                    ? Set.of("kind", "depth", "siblings", "leaf")
                    : Set.of("kind", "depth", "siblings"));
        } else {
            throw new IllegalArgumentException("kind got \"" + kind + "\", want \"present\" or \"absent\"");
        }
        int depth = (int) MapJson.integer(json, "depth", 0, SubjectKey.BITS);
        return new MapProof(siblings(json.get("siblings"), depth), terminal(json));
    }

    private static List<byte[]> siblings(JsonNode array, int depth) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("siblings got " + array + ", want an array");
        }
        List<byte[]> siblings = new ArrayList<>(depth);
        for (JsonNode sibling : array) {
            MapJson.requireMembers(sibling, "sibling", Set.of("depth", "hash"));
            int at = (int) MapJson.integer(sibling, "depth", siblings.size() + 1, depth);
            while (siblings.size() < at - 1) {
                siblings.add(MapHasher.empty());
            }
            byte[] hash = MapJson.base64Hash(sibling, "hash");
            if (MapHasher.isEmpty(hash)) {
                throw new IllegalArgumentException("sibling at depth " + at
                        + " got the empty hash written out, want it left out");
            }
            siblings.add(hash);
        }
        while (siblings.size() < depth) {
            siblings.add(MapHasher.empty());
        }
        return siblings;
    }

    private static MapProof.Terminal terminal(JsonNode json) {
        if (json.has("value")) {
            JsonNode value = json.get("value");
            MapJson.requireMembers(value, "value", Set.of("count", "newestLeafIndex", "newestLeafHash"));
            return new MapProof.Present(new SubjectState(
                    MapJson.integer(value, "count", 1, MapJson.MAX_SAFE_INTEGER),
                    MapJson.integer(value, "newestLeafIndex", 0, MapJson.MAX_SAFE_INTEGER),
                    MapJson.hexHash(value, "newestLeafHash")));
        }
        if (json.has("leaf")) {
            JsonNode leaf = json.get("leaf");
            MapJson.requireMembers(leaf, "leaf", Set.of("key", "valueHash"));
            return new MapProof.OtherLeaf(new SubjectKey(MapJson.hexHash(leaf, "key")), MapJson.base64Hash(leaf, "valueHash"));
        }
        return new MapProof.Empty();
    }
}
