package uk.gov.accessledger.contentseal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.accessledger.entryformat.ContentOpening;
import uk.gov.accessledger.entryformat.EntryLeafV2;
import uk.gov.accessledger.entryformat.Tombstone;

/**
 * Writes {@code src/test/resources/entryformat/format2-known-answers.txt} from the fixed inputs
 * below, with this code; the known-answer tests then hold every later build to those bytes, and
 * {@code recompute_known_answers.py} beside the file recomputes them without this code. Fixed
 * {@code r}, keys and nonces are for these vectors only: production draws them from SecureRandom.
 *
 * <p>Run from the worktree root after {@code mvn -q -pl ledger-format test-compile}:
 * {@code java -cp ledger-format/target/classes:ledger-format/target/test-classes:<dependencies>
 * uk.gov.accessledger.contentseal.EntryFormat2VectorWriter ledger-format/src/test/resources/entryformat}
 */
final class EntryFormat2VectorWriter {

    static final String KEK_ID = "kek-example-2026";
    static final byte[] KEK = sequence(0x80, 32);
    static final byte[] OTHER_KEK = sequence(0x81, 32);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One worked example: an entry's leaf inputs, its content, and the fixed secrets. */
    record Example(String description, String subject, long seq, byte[] prev, String kind, String recordedAt,
            String content, byte[] r, byte[] dataKey, byte[] nonce) {

        ContentOpening opening() {
            return ContentOpening.of(r, contentNode(content));
        }

        EntryLeafV2 leaf() {
            return EntryLeafV2.of(subject, seq, prev, kind, Instant.parse(recordedAt), opening().commitment());
        }
    }

    static List<Example> examples() {
        Example access = new Example(
                "an access at seq 7: the content of docs/entry-format.md's format 1 example, moved out of the leaf",
                "0f".repeat(32), 7, HexFormat.of().parseHex("ab".repeat(32)), "access", "2026-11-25T09:31:02.250Z",
                "{\"action\":\"dpv:Consult\",\"bulk\":false,\"dataCategories\":[\"pd:HealthRecord\",\"pd:Prescription\"],"
                        + "\"emergency\":true,\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\","
                        + "\"legalBasis\":\"ukgdpr:9.2.h\",\"occurredAt\":\"2026-11-25T09:30:00.000Z\","
                        + "\"organisation\":\"nhs-trust-riverside\",\"policyExceptions\":[],"
                        + "\"purpose\":\"al:DirectCare\",\"referenceData\":\"2026-11-25.1\","
                        + "\"service\":\"trust-riverside-emergency-department\","
                        + "\"staffRole\":\"Emergency department doctor\"}",
                sequence(0x00, 32), sequence(0x40, 32), sequence(0x60, 12));
        Example concern = new Example(
                "a concern at seq 8 of the same subject, linked to the access; the same data key (same subject and"
                        + " period); a message beyond ASCII",
                access.subject(), 8, access.leaf().leafHash(), "concern", "2026-11-26T18:05:00.000Z",
                "{\"about\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"id\":\"0190f5e2-7b1c-8d3e-9f40-5a6b7c8d9e0f\","
                        + "\"message\":\"Je n’ai jamais consulté ce service — pourquoi ? 🙂\","
                        + "\"policyExceptions\":[],\"referenceData\":\"2026-11-25.1\"}",
                sequence(0x20, 32), access.dataKey(), sequence(0x70, 12));
        Example correction = new Example(
                "a correction at seq 0 of another subject: no prev; another data key",
                "5a".repeat(32), 0, null, "correction", "2027-01-04T00:00:00.001Z",
                "{\"corrects\":\"9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e\",\"id\":\"c7d8e9f0-1a2b-4c3d-8e4f-5a6b7c8d9e0f\","
                        + "\"mode\":\"annotate\",\"organisation\":\"dwp\",\"policyExceptions\":[],"
                        + "\"reason\":\"Wrong case reference\",\"referenceData\":\"2027-01-03.2\",\"service\":\"dwp-pip\"}",
                sequence(0xa0, 32), sequence(0xc0, 32), sequence(0xe0, 12));
        return List.of(access, concern, correction);
    }

    /** The known answers of {@code example}, in the file's order. */
    static Map<String, String> knownAnswers(Example example) {
        ContentOpening opening = example.opening();
        EntryLeafV2 leaf = example.leaf();
        DataKey dataKey = DataKey.of(example.dataKey());
        Map<String, String> block = new LinkedHashMap<>();
        block.put("description", example.description());
        block.put("subject", example.subject());
        block.put("seq", Long.toString(example.seq()));
        block.put("prev", example.prev() == null ? "absent" : hex(example.prev()));
        block.put("kind", example.kind());
        block.put("recordedAt", example.recordedAt());
        block.put("content", example.content());
        block.put("r", hex(example.r()));
        block.put("commitment", hex(opening.commitment()));
        block.put("leaf", utf8(leaf.canonicalBytes()));
        block.put("leafHash", hex(leaf.leafHash()));
        block.put("opening", utf8(opening.canonicalBytes()));
        block.put("dataKey", hex(example.dataKey()));
        block.put("nonce", hex(example.nonce()));
        block.put("aad", hex(SealedContent.associatedData(leaf.leafHash())));
        block.put("sealed", hex(SealedContent.seal(dataKey, leaf.leafHash(), opening.canonicalBytes(), example.nonce())));
        block.put("kekId", KEK_ID);
        block.put("kek", hex(KEK));
        block.put("wrappedDataKey", hex(new AesKeyWrapKek(KEK_ID, KEK).wrap(dataKey).wrapped()));
        return block;
    }

    static Map<String, String> tombstoneAnswers() {
        byte[] entry = resource("/entryformat/access-entry-v1.json");
        Tombstone tombstone = Tombstone.of(entry);
        Map<String, String> block = new LinkedHashMap<>();
        block.put("description", "the tombstone of docs/entry-format.md's format 1 example, access-entry-v1.json");
        block.put("format1Entry", utf8(entry));
        block.put("format1LeafHash", hex(tombstone.leafHash()));
        block.put("tombstone", utf8(tombstone.canonicalBytes()));
        return block;
    }

    public static void main(String[] args) throws IOException {
        StringBuilder out = new StringBuilder(HEADER);
        for (Example example : examples()) {
            out.append('\n');
            knownAnswers(example).forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        }
        out.append('\n');
        tombstoneAnswers().forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
        Files.writeString(Path.of(args[0], "format2-known-answers.txt"), out, StandardCharsets.UTF_8);
        Files.writeString(Path.of(args[0], "format2-negatives.txt"), EntryFormat2Negatives.file(),
                StandardCharsets.UTF_8);
    }

    private static final String HEADER = """
            # Entry format 2 known answers (docs/entry-format.md, "Entry format, version 2").
            #
            # Blocks separated by blank lines; '#' starts a comment line. Written by
            # EntryFormat2VectorWriter (ledger-format/src/test/java/uk/gov/accessledger/contentseal/)
            # from its fixed inputs: subject, seq, prev, kind, recordedAt, content (its canonical
            # JSON), r, dataKey, nonce, kekId and kek. Fixed r, keys and nonces are for these vectors
            # only; production draws them from SecureRandom. Everything else is derived:
            #   commitment      HMAC-SHA-256(key = r, message = content)
            #   leaf            RFC 8785 canonical JSON of the format 2 leaf
            #   leafHash        SHA-256(0x00 || leaf)
            #   opening         RFC 8785 canonical JSON of {"content": content, "r": hex(r)}
            #   aad             "access-ledger entry content v2" || 0x00 || leafHash
            #   sealed          nonce || AES-256-GCM(dataKey, nonce, opening, aad) (ciphertext || 16-byte tag)
            #   wrappedDataKey  RFC 3394 AES key wrap of dataKey under kek
            # recompute_known_answers.py beside this file recomputes every derived value with Python's
            # hashlib, hmac and the cryptography package, from the document alone.
            # Bytes are lowercase hex; JSON and text are UTF-8 as written; prev "absent" means no prev.
            # The last block is the format 1 tombstone of access-entry-v1.json (a copy of
            # ledger-core/src/test/resources/chain/access-entry-v1.json).
            """;

    static ObjectNode contentNode(String content) {
        try {
            return (ObjectNode) JSON.readTree(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = EntryFormat2VectorWriter.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} bytes counting up from {@code first}: recognisable, and never the same twice here. */
    static byte[] sequence(int first, int count) {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] flipLastBit(byte[] bytes) {
        byte[] flipped = Arrays.copyOf(bytes, bytes.length);
        flipped[flipped.length - 1] ^= 1;
        return flipped;
    }
}
