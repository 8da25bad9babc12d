package uk.gov.accessledger.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import uk.gov.accessledger.canonical.CanonicalJson;

/**
 * {@code manifest.json}: the format, the query, the counts and the size and SHA-256 of every
 * other file, written as RFC 8785 canonical JSON.
 *
 * @param createdAt when the bundle was made, an instant with milliseconds
 * @param query exactly the filters of the export, as canonical JSON of an object
 * @param entries the number of exported entries
 * @param checkpointSize the tree size of the bundle's checkpoint
 * @param files each listed file's name, size and SHA-256
 */
record Manifest(String createdAt, String query, long entries, long checkpointSize, Map<String, FileDigest> files) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The manifest is not what docs/export-bundle.md describes. */
    static final class MalformedManifestException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedManifestException(String problem) {
            super(problem);
        }
    }

    /** The canonical bytes of a manifest with these values. */
    static byte[] write(String createdAt, Map<String, String> query, long entries, long checkpointSize,
            Map<String, FileDigest> files) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode manifest = nodes.objectNode();
        manifest.put("format", BundleFormat.FORMAT);
        manifest.put("createdAt", createdAt);
        ObjectNode q = manifest.putObject("query");
        query.forEach(q::put);
        manifest.put("entries", entries);
        manifest.put("checkpointSize", checkpointSize);
        ObjectNode listed = manifest.putObject("files");
        files.forEach((name, digest) -> listed.putObject(name)
                .put("bytes", digest.bytes())
                .put("sha256", digest.sha256()));
        return CanonicalJson.canonicalize(manifest);
    }

    /**
     * Reads a manifest.
     *
     * @throws MalformedManifestException naming the first field that is missing, of the wrong
     *     type, or (for {@code format}) not {@value BundleFormat#FORMAT}
     */
    static Manifest parse(byte[] json) throws MalformedManifestException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedManifestException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedManifestException("not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedManifestException("not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual()) {
            throw new MalformedManifestException("\"format\" is missing or not a string");
        }
        if (!format.textValue().equals(BundleFormat.FORMAT)) {
            throw new MalformedManifestException(
                    "unsupported format: got \"" + format.textValue() + "\", want \"" + BundleFormat.FORMAT + "\"");
        }
        JsonNode createdAt = root.get("createdAt");
        if (createdAt == null || !createdAt.isTextual()) {
            throw new MalformedManifestException("\"createdAt\" is missing or not a string");
        }
        JsonNode query = root.get("query");
        if (query == null || !query.isObject()) {
            throw new MalformedManifestException("\"query\" is missing or not an object");
        }
        long entries = count(root, "entries");
        long checkpointSize = count(root, "checkpointSize");
        JsonNode files = root.get("files");
        if (files == null || !files.isObject()) {
            throw new MalformedManifestException("\"files\" is missing or not an object");
        }
        Map<String, FileDigest> listed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> file : files.properties()) {
            String where = "\"files\"/\"" + file.getKey() + "\"";
            JsonNode digest = file.getValue();
            if (!digest.isObject()) {
                throw new MalformedManifestException(where + " is not an object");
            }
            long bytes = count(digest, "bytes", where + "/");
            JsonNode sha256 = digest.get("sha256");
            if (sha256 == null || !sha256.isTextual() || !SHA256_HEX.matcher(sha256.textValue()).matches()) {
                throw new MalformedManifestException(where + "/\"sha256\" is not 64 lowercase hex digits");
            }
            listed.put(file.getKey(), new FileDigest(bytes, sha256.textValue()));
        }
        String canonicalQuery = new String(CanonicalJson.canonicalize(query), StandardCharsets.UTF_8);
        return new Manifest(createdAt.textValue(), canonicalQuery, entries, checkpointSize, listed);
    }

    private static long count(JsonNode parent, String field) throws MalformedManifestException {
        return count(parent, field, "");
    }

    private static long count(JsonNode parent, String field, String where) throws MalformedManifestException {
        JsonNode value = parent.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new MalformedManifestException(
                    where + "\"" + field + "\" is missing or not a non-negative integer");
        }
        return value.asLong();
    }

    Manifest {
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(query);
        files = Map.copyOf(files);
    }
}
