package uk.gov.accessledger.contentseal;

import static uk.gov.accessledger.contentseal.EntryFormat2VectorWriter.KEK;
import static uk.gov.accessledger.contentseal.EntryFormat2VectorWriter.KEK_ID;
import static uk.gov.accessledger.contentseal.EntryFormat2VectorWriter.OTHER_KEK;
import static uk.gov.accessledger.contentseal.EntryFormat2VectorWriter.flipLastBit;
import static uk.gov.accessledger.contentseal.EntryFormat2VectorWriter.hex;
import static uk.gov.accessledger.contentseal.EntryFormat2VectorWriter.utf8;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.gov.accessledger.contentseal.EntryFormat2VectorWriter.Example;
import uk.gov.accessledger.entryformat.ContentOpening;
import uk.gov.accessledger.entryformat.EntryLeafV2;
import uk.gov.accessledger.entryformat.Tombstone;

/**
 * The mutated negatives of {@code format2-negatives.txt}: each a known answer of
 * {@link EntryFormat2VectorWriter} with one thing changed, the change named in its description,
 * and the rejection a verifier must give. The expected messages are written here by hand.
 */
final class EntryFormat2Negatives {

    private EntryFormat2Negatives() {
    }

    static String file() {
        List<Example> examples = EntryFormat2VectorWriter.examples();
        Example access = examples.get(0);
        Example concern = examples.get(1);
        String leaf = utf8(access.leaf().canonicalBytes());
        String opening = utf8(access.opening().canonicalBytes());
        String commitment = hex(access.opening().commitment());
        StringBuilder out = new StringBuilder(HEADER);

        parse(out, "leaf", "a content member in the leaf", leaf.replace("\"kind\"", "\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"kind\""),
                "couldn't parse format 2 leaf: unknown member at /id");
        parse(out, "leaf", "the commitment left out", leaf.replace("{\"commitment\":\"" + commitment + "\",", "{"),
                "couldn't parse format 2 leaf: missing member at /commitment");
        parse(out, "leaf", "version 1", leaf.replace("\"v\":2", "\"v\":1"), "couldn't parse format 2 leaf: want 2 at /v");
        parse(out, "leaf", "version as a string", leaf.replace("\"v\":2", "\"v\":\"2\""),
                "couldn't parse format 2 leaf: want 2 at /v");
        parse(out, "leaf", "subject in uppercase hex", leaf.replace("0f0f", "0F0F"),
                "couldn't parse format 2 leaf: want 64 lowercase hex digits at /subject");
        parse(out, "leaf", "subject of 60 hex digits", leaf.replace("\"subject\":\"0f0f", "\"subject\":\""),
                "couldn't parse format 2 leaf: want 64 lowercase hex digits at /subject");
        parse(out, "leaf", "a negative seq", leaf.replace("\"seq\":7", "\"seq\":-7"),
                "couldn't parse format 2 leaf: want an integer from 0 to 2^53 - 1 at /seq");
        parse(out, "leaf", "seq 2^53, beyond I-JSON's exact integers", leaf.replace("\"seq\":7", "\"seq\":9007199254740992"),
                "couldn't parse format 2 leaf: want an integer from 0 to 2^53 - 1 at /seq");
        parse(out, "leaf", "a fractional seq", leaf.replace("\"seq\":7", "\"seq\":7.5"),
                "couldn't parse format 2 leaf: want an integer from 0 to 2^53 - 1 at /seq");
        parse(out, "leaf", "a prev at seq 0", leaf.replace("\"seq\":7", "\"seq\":0"),
                "couldn't parse format 2 leaf: want no prev at seq 0 at /prev");
        parse(out, "leaf", "no prev at seq 7", leaf.replace("\"prev\":\"" + "ab".repeat(32) + "\",", ""),
                "couldn't parse format 2 leaf: missing member at /prev");
        parse(out, "leaf", "a kind with a capital", leaf.replace("\"kind\":\"access\"", "\"kind\":\"Access\""),
                "couldn't parse format 2 leaf: want lowercase words joined by hyphens, at most 32 characters at /kind");
        parse(out, "leaf", "recordedAt without milliseconds", leaf.replace("09:31:02.250Z", "09:31:02Z"),
                "couldn't parse format 2 leaf: want a UTC instant with milliseconds, YYYY-MM-DDTHH:MM:SS.sssZ at /recordedAt");
        parse(out, "leaf", "recordedAt with an offset", leaf.replace("09:31:02.250Z", "09:31:02.250+00:00"),
                "couldn't parse format 2 leaf: want a UTC instant with milliseconds, YYYY-MM-DDTHH:MM:SS.sssZ at /recordedAt");
        parse(out, "leaf", "a leap second", leaf.replace("09:31:02.250Z", "23:59:60.000Z"),
                "couldn't parse format 2 leaf: want a UTC instant with milliseconds, YYYY-MM-DDTHH:MM:SS.sssZ at /recordedAt");
        parse(out, "leaf", "a commitment one hex digit short", leaf.replace(commitment, commitment.substring(1)),
                "couldn't parse format 2 leaf: want 64 lowercase hex digits at /commitment");
        parse(out, "leaf", "a space after a colon: not canonical", leaf.replace("\"v\":2", "\"v\": 2"),
                "couldn't parse format 2 leaf: not in RFC 8785 canonical form at (root)");
        parse(out, "leaf", "members out of order: not canonical", leaf.replace("\"seq\":7,\"subject\":\"" + access.subject() + "\"",
                "\"subject\":\"" + access.subject() + "\",\"seq\":7"),
                "couldn't parse format 2 leaf: not in RFC 8785 canonical form at (root)");
        parse(out, "leaf", "a duplicate member", leaf.replace("\"v\":2", "\"v\":2,\"v\":2"),
                "couldn't parse format 2 leaf: duplicate key \"v\" at (root)");
        parse(out, "leaf", "an array, not an object", "[" + leaf + "]",
                "couldn't parse format 2 leaf: want a JSON object at (root)");

        parse(out, "opening", "r left out", opening.replace(",\"r\":\"" + hex(access.r()) + "\"", ""),
                "couldn't parse content opening: missing member at /r");
        parse(out, "opening", "r in uppercase hex", opening.replace(hex(access.r()), hex(access.r()).toUpperCase()),
                "couldn't parse content opening: want 64 lowercase hex digits at /r");
        parse(out, "opening", "r of 31 bytes", opening.replace(hex(access.r()), hex(access.r()).substring(2)),
                "couldn't parse content opening: want 64 lowercase hex digits at /r");
        parse(out, "opening", "a leaf member in the content", opening.replace("\"staffRole\"", "\"subject\":\"" + access.subject() + "\",\"staffRole\""),
                "couldn't parse content opening: leaf member in content at /content/subject");
        parse(out, "opening", "content without an id", opening.replace("\"id\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",", ""),
                "couldn't parse content opening: missing member at /content/id");
        parse(out, "opening", "an id in uppercase", opening.replace("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "3F2504E0-4F89-41D3-9A0C-0305E82C3301"),
                "couldn't parse content opening: want a lowercase UUID at /content/id");
        parse(out, "opening", "policyExceptions holding a number", opening.replace("\"policyExceptions\":[]", "\"policyExceptions\":[1]"),
                "couldn't parse content opening: want a string at /content/policyExceptions/0");
        parse(out, "opening", "a member beside content and r", opening.replace("{\"content\"", "{\"commitment\":\"" + commitment + "\",\"content\""),
                "couldn't parse content opening: unknown member at /commitment");
        parse(out, "opening", "content as a string", "{\"content\":\"x\",\"r\":\"" + hex(access.r()) + "\"}",
                "couldn't parse content opening: want a JSON object at /content");

        String otherPurpose = opening.replace("al:DirectCare", "al:Research");
        commitment(out, "content changed: another purpose", otherPurpose, leaf,
                ContentOpening.parse(otherPurpose.getBytes(StandardCharsets.UTF_8)).commitment(), access.opening().commitment());
        byte[] otherR = flipLastBit(access.r());
        String otherROpening = opening.replace(hex(access.r()), hex(otherR));
        commitment(out, "r changed: its last bit flipped", otherROpening, leaf,
                ContentOpening.parse(otherROpening.getBytes(StandardCharsets.UTF_8)).commitment(), access.opening().commitment());
        byte[] otherCommitment = flipLastBit(access.opening().commitment());
        commitment(out, "the leaf's commitment changed: its last bit flipped", opening, leaf.replace(commitment, hex(otherCommitment)),
                access.opening().commitment(), otherCommitment);
        commitment(out, "another entry's opening (the concern's) against the access's leaf",
                utf8(concern.opening().canonicalBytes()), leaf, concern.opening().commitment(), access.opening().commitment());

        byte[] sealed = SealedContent.seal(DataKey.of(access.dataKey()), access.leaf().leafHash(),
                access.opening().canonicalBytes(), access.nonce());
        String failed = "couldn't open sealed content: authentication failed (another data key, another entry's content, or altered bytes)";
        open(out, "sealed content moved to another entry (the concern's leaf hash; same subject, same data key)",
                access.dataKey(), concern.leaf().leafHash(), sealed, failed);
        open(out, "the wrong data key (the other subject's)", EntryFormat2VectorWriter.examples().get(2).dataKey(),
                access.leaf().leafHash(), sealed, failed);
        open(out, "the tag truncated by one byte", access.dataKey(), access.leaf().leafHash(),
                Arrays.copyOf(sealed, sealed.length - 1), failed);
        open(out, "a ciphertext bit flipped", access.dataKey(), access.leaf().leafHash(), flipAt(sealed, 20), failed);
        open(out, "a nonce bit flipped", access.dataKey(), access.leaf().leafHash(), flipAt(sealed, 0), failed);
        open(out, "the tag bit flipped", access.dataKey(), access.leaf().leafHash(), flipLastBit(sealed), failed);
        open(out, "27 bytes: shorter than a nonce and a tag", access.dataKey(), access.leaf().leafHash(),
                Arrays.copyOf(sealed, 27), "couldn't open sealed content: got 27 bytes, want at least 28 (nonce and tag)");

        byte[] wrapped = new AesKeyWrapKek(KEK_ID, KEK).wrap(DataKey.of(access.dataKey())).wrapped();
        String integrity = "couldn't unwrap data key: RFC 3394 integrity check failed (wrapped under other key material, or altered)";
        unwrap(out, "the wrong KEK under the same key id (other key material)", OTHER_KEK, KEK_ID, wrapped, integrity);
        unwrap(out, "a key wrapped under another KEK id", KEK, "kek-example-2025", wrapped,
                "couldn't unwrap data key: key-encryption key id mismatch: got kek-example-2025, want " + KEK_ID);
        unwrap(out, "a wrapped key with its last bit flipped", KEK, KEK_ID, flipLastBit(wrapped), integrity);
        unwrap(out, "a wrapped key with its integrity block flipped", KEK, KEK_ID, flipAt(wrapped, 0), integrity);
        unwrap(out, "a wrapped key truncated to 39 bytes", KEK, KEK_ID, Arrays.copyOf(wrapped, 39),
                "couldn't unwrap data key: got 39 wrapped bytes, want 40");

        byte[] entry = EntryFormat2VectorWriter.resource("/entryformat/access-entry-v1.json");
        String tombstone = utf8(Tombstone.of(entry).canonicalBytes());
        String leafHash = hex(Tombstone.of(entry).leafHash());
        String wrongHash = hex(flipLastBit(Tombstone.of(entry).leafHash()));
        tombstoneVerify(out, "a tombstone with the wrong leaf hash (its last bit flipped)", tombstone.replace(leafHash, wrongHash),
                utf8(entry), "tombstone mismatch: leafHash: got " + leafHash + ", want " + wrongHash);
        tombstoneVerify(out, "a tombstone with the wrong seq", tombstone.replace("\"seq\":7", "\"seq\":6"), utf8(entry),
                "tombstone mismatch: seq: got 7, want 6");
        tombstoneVerify(out, "a tombstone for another subject", tombstone.replace("\"subject\":\"0f", "\"subject\":\"0e"), utf8(entry),
                "tombstone mismatch: subject: got " + "0f".repeat(32) + ", want 0e" + "0f".repeat(31));
        parse(out, "tombstone", "a prev at seq 0", tombstone.replace("\"seq\":7", "\"seq\":0"),
                "couldn't parse tombstone: want no prev at seq 0 at /prev");
        parse(out, "tombstone", "recordedAt kept", tombstone.replace("\"seq\"", "\"recordedAt\":\"2026-11-25T09:31:02.250Z\",\"seq\""),
                "couldn't parse tombstone: unknown member at /recordedAt");
        parse(out, "tombstone", "tombstone version 2", tombstone.replace("\"tombstone\":1", "\"tombstone\":2"),
                "couldn't parse tombstone: want 1 at /tombstone");
        parse(out, "tombstone", "the leaf hash left out", tombstone.replace("\"leafHash\":\"" + leafHash + "\",", ""),
                "couldn't parse tombstone: missing member at /leafHash");
        parse(out, "tombstone-of", "a format 2 leaf, which never gets a tombstone", leaf,
                "couldn't parse format 1 entry: want 1 at /v");
        return out.toString();
    }

    private static void parse(StringBuilder out, String check, String description, String input, String want) {
        block(out, Map.of("description", description, "check", check, "input", input, "want", want));
    }

    private static void commitment(StringBuilder out, String description, String opening, String leaf, byte[] got,
            byte[] want) {
        block(out, Map.of("description", description, "check", "commitment", "opening", opening, "leaf", leaf,
                "want", "commitment mismatch: got " + hex(got) + ", want " + hex(want)));
    }

    private static void open(StringBuilder out, String description, byte[] dataKey, byte[] leafHash, byte[] sealed,
            String want) {
        block(out, Map.of("description", description, "check", "open", "dataKey", hex(dataKey), "leafHash",
                hex(leafHash), "sealed", hex(sealed), "want", want));
    }

    private static void unwrap(StringBuilder out, String description, byte[] kek, String wrappedKekId, byte[] wrapped,
            String want) {
        block(out, Map.of("description", description, "check", "unwrap", "kekId", KEK_ID, "kek", hex(kek),
                "wrappedKekId", wrappedKekId, "wrapped", hex(wrapped), "want", want));
    }

    private static void tombstoneVerify(StringBuilder out, String description, String tombstone, String entry,
            String want) {
        block(out, Map.of("description", description, "check", "tombstone-verify", "tombstone", tombstone,
                "format1Entry", entry, "want", want));
    }

    private static final List<String> ORDER = List.of("description", "check", "input", "opening", "leaf", "dataKey",
            "leafHash", "sealed", "kekId", "kek", "wrappedKekId", "wrapped", "tombstone", "format1Entry", "want");

    private static void block(StringBuilder out, Map<String, String> fields) {
        Map<String, String> ordered = new LinkedHashMap<>();
        ORDER.stream().filter(fields::containsKey).forEach(key -> ordered.put(key, fields.get(key)));
        out.append('\n');
        ordered.forEach((key, value) -> out.append(key).append(": ").append(value.replace("\\", "\\\\")).append('\n'));
    }

    private static byte[] flipAt(byte[] bytes, int index) {
        byte[] flipped = bytes.clone();
        flipped[index] ^= 1;
        return flipped;
    }

    private static final String HEADER = """
            # Entry format 2 mutated negatives: what a verifier must refuse (docs/entry-format.md).
            #
            # Blocks separated by blank lines; '#' starts a comment line. Written by
            # EntryFormat2VectorWriter with EntryFormat2Negatives: each is a known answer of
            # format2-known-answers.txt with the one change its description names. Values are
            # escaped as TestVectors reads them (\\\\ is a backslash).
            #   check   what is checked:
            #           leaf, opening, tombstone    parse input (UTF-8 bytes) as that format
            #           tombstone-of                make the tombstone of input, which must be a format 1 entry
            #           commitment                  parse opening and leaf, then check the opening against the leaf
            #           open                        open sealed (hex) with dataKey for the entry of leafHash
            #           unwrap                      unwrap (wrappedKekId, wrapped) with the KEK (kekId, kek)
            #           tombstone-verify            check tombstone against the format 1 entry format1Entry
            #   want    the exact message of the Java exception; a parse rejection also names the
            #           RFC 6901 JSON Pointer of the fault after " at " ("(root)" for the whole input)
            """;
}
