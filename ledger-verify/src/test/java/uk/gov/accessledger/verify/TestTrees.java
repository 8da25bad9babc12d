package uk.gov.accessledger.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import uk.gov.accessledger.bundle.BundleWriter;
import uk.gov.accessledger.bundle.EntryCsvRow;
import uk.gov.accessledger.bundle.ExportedEntry;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.testonly.ReferenceTree;

/**
 * Deterministic trees, keys and bundles for the CLI tests. Roots and inclusion proofs come from
 * {@link ReferenceTree}, independently of ledger-format's Merkle code.
 */
final class TestTrees {

    static final String ORIGIN = "access-ledger.test/log";

    private TestTrees() {
    }

    /** A deterministic signer named {@code name}, different for each {@code seed}. */
    static Ed25519NoteSigner signer(String name, int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return new Ed25519NoteSigner(name, new Ed25519PrivateKeyParameters(key, 0));
    }

    static Ed25519NoteSigner logSigner() {
        return signer(ORIGIN, 1);
    }

    /** Leaf hashes of {@code size} distinct leaves; {@code history} names one version of the log. */
    static List<byte[]> leaves(int size, String history) {
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(ReferenceTree.leafHash(("leaf " + i + " of " + history).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    static String checkpoint(List<byte[]> leafHashes, Ed25519NoteSigner signer) {
        return new Checkpoint(signer.name(), leafHashes.size(), ReferenceTree.ofLeafHashes(leafHashes).root()).sign(signer);
    }

    static String entryId(int i) {
        return UUID.nameUUIDFromBytes(("entry-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Writes a valid bundle of {@code size} chained entries of two subjects, signed by {@code signer}. */
    static Path bundle(Path file, int size, Ed25519NoteSigner signer) throws IOException {
        List<byte[]> canonical = new ArrayList<>();
        List<byte[]> leafHashes = new ArrayList<>();
        byte[][] heads = new byte[2][];
        for (int i = 0; i < size; i++) {
            int subject = i % 2;
            ObjectNode entry = JsonNodeFactory.instance.objectNode()
                    .put("v", 1).put("kind", "access").put("id", entryId(i))
                    .put("subject", String.valueOf(subject).repeat(64)).put("seq", i / 2)
                    .put("recordedAt", "2026-11-25T09:31:02.250Z").put("organisation", "gp-riverside");
            if (heads[subject] != null) {
                entry.put("prev", HexFormat.of().formatHex(heads[subject]));
            }
            byte[] bytes = CanonicalJson.canonicalize(entry);
            canonical.add(bytes);
            leafHashes.add(ReferenceTree.leafHash(bytes));
            heads[subject] = ReferenceTree.leafHash(bytes);
        }
        ReferenceTree tree = ReferenceTree.ofLeafHashes(leafHashes);
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        try (OutputStream out = Files.newOutputStream(file);
                BundleWriter writer = BundleWriter.open(out, signer, checkpoint(leafHashes, signer),
                        Map.of("organisation", "gp-riverside"), at)) {
            for (int i = 0; i < size; i++) {
                EntryCsvRow row = new EntryCsvRow(entryId(i), "access", at, at, "gp-riverside", "Riverside GP",
                        null, null, null, null, null, null, null, null, null, List.of(), null, List.of(),
                        String.valueOf(i % 2).repeat(64), i / 2);
                writer.write(new ExportedEntry(i, canonical.get(i), tree.path(i, size), row));
            }
            writer.finish();
        }
        return file;
    }
}
