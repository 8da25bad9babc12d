package uk.gov.accessledger.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.encoders.Hex;

/** Reads the vector files under src/test/resources/merkle/. */
final class VectorFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VectorFiles() {
    }

    static JsonNode read(String name) {
        try (InputStream in = VectorFiles.class.getResourceAsStream("/merkle/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /merkle/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("couldn't read /merkle/" + name, e);
        }
    }

    static byte[] bytes(JsonNode hex) {
        return Hex.decode(hex.asText());
    }

    static List<byte[]> byteList(JsonNode hexArray) {
        List<byte[]> out = new ArrayList<>();
        hexArray.forEach(h -> out.add(bytes(h)));
        return out;
    }

    static List<NodeId> nodeIds(JsonNode pairs) {
        List<NodeId> out = new ArrayList<>();
        pairs.forEach(p -> out.add(new NodeId(p.get(0).asInt(), p.get(1).asLong())));
        return out;
    }

    /** The leaf data of the 8-leaf test tree of tree.json. */
    static List<byte[]> testTreeLeaves() {
        return byteList(read("tree.json").get("leaves"));
    }

    /** The roots of tree.json: element n - 1 is the root of the first n leaves. */
    static List<byte[]> testTreeRoots() {
        return byteList(read("tree.json").get("roots"));
    }
}
