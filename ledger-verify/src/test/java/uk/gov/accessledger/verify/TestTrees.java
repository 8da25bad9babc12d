package uk.gov.accessledger.verify;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

/**
 * Deterministic trees, keys and bundles for the CLI tests. Roots and inclusion proofs come from
 * the recursive definitions of RFC 6962 section 2.1 over the JDK's SHA-256, independently of
 * ledger-core's Merkle code.
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
            leaves.add(leafHash(("leaf " + i + " of " + history).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    static String checkpoint(List<byte[]> leafHashes, Ed25519NoteSigner signer) {
        return new Checkpoint(signer.name(), leafHashes.size(), root(leafHashes, 0, leafHashes.size())).sign(signer);
    }

    static byte[] root(List<byte[]> leafHashes, int begin, int end) {
        int n = end - begin;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.get(begin);
        }
        int k = Integer.highestOneBit(n - 1);
        return sha256(new byte[] {1}, root(leafHashes, begin, begin + k), root(leafHashes, begin + k, end));
    }

    static List<byte[]> proof(List<byte[]> leafHashes, int m, int begin, int end) {
        if (end - begin == 1) {
            return new ArrayList<>();
        }
        int k = Integer.highestOneBit(end - begin - 1);
        List<byte[]> path;
        if (m < k) {
            path = proof(leafHashes, m, begin, begin + k);
            path.add(root(leafHashes, begin + k, end));
        } else {
            path = proof(leafHashes, m - k, begin + k, end);
            path.add(root(leafHashes, begin, begin + k));
        }
        return path;
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
            leafHashes.add(leafHash(bytes));
            heads[subject] = leafHash(bytes);
        }
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        try (OutputStream out = Files.newOutputStream(file);
                BundleWriter writer = BundleWriter.open(out, signer, checkpoint(leafHashes, signer),
                        Map.of("organisation", "gp-riverside"), at)) {
            for (int i = 0; i < size; i++) {
                EntryCsvRow row = new EntryCsvRow(entryId(i), "access", at, at, "gp-riverside", "Riverside GP",
                        null, null, null, null, null, null, null, null, null, List.of(), null, List.of(),
                        String.valueOf(i % 2).repeat(64), i / 2);
                writer.write(new ExportedEntry(i, canonical.get(i), proof(leafHashes, i, 0, size), row));
            }
            writer.finish();
        }
        return file;
    }

    static byte[] leafHash(byte[] data) {
        return sha256(new byte[] {0}, data);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
