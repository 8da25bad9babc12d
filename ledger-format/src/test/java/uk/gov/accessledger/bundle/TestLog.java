package uk.gov.accessledger.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.testonly.ReferenceTree;

/**
 * A small, deterministic ledger for bundle tests: chained access entries of a few subjects, the
 * Merkle tree over them, and a signed checkpoint. The tree root and the inclusion proofs come
 * from {@link ReferenceTree}, not from the Merkle package, so the bundle code is checked against
 * an independent tree.
 */
final class TestLog {

    static final String ORIGIN = "access-ledger.test/log";
    static final Instant CREATED_AT = Instant.parse("2026-11-25T10:00:00.123Z");
    static final Map<String, String> QUERY = Map.of("organisation", "gp-riverside", "from", "2026-01-01");

    final Ed25519NoteSigner signer;
    final List<ObjectNode> entries = new ArrayList<>();
    final List<byte[]> canonical = new ArrayList<>();

    private TestLog(Ed25519NoteSigner signer) {
        this.signer = signer;
    }

    /** The log's signer, the same every run. */
    static Ed25519NoteSigner logSigner() {
        return signer(ORIGIN, 1);
    }

    /** A deterministic Ed25519 signer named {@code name}, different for each {@code seed}. */
    static Ed25519NoteSigner signer(String name, int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return new Ed25519NoteSigner(name, new Ed25519PrivateKeyParameters(key, 0));
    }

    /** {@code size} entries; entry i is about subject i mod {@code subjects}, correctly chained. */
    static TestLog chained(int size, int subjects) {
        return chained(size, subjects, (i, entry) -> { });
    }

    /**
     * Like {@link #chained(int, int)}, letting {@code tamper} change entry i's fields before it is
     * canonicalised; later entries chain to the tampered bytes, as a log that stored them would.
     */
    static TestLog chained(int size, int subjects, BiConsumer<Integer, ObjectNode> tamper) {
        TestLog log = new TestLog(logSigner());
        Map<String, byte[]> heads = new HashMap<>();
        Map<String, Integer> seqs = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String subject = subject(i % subjects);
            int seq = seqs.merge(subject, 1, Integer::sum) - 1;
            ObjectNode entry = JsonNodeFactory.instance.objectNode();
            entry.put("v", 1);
            entry.put("kind", "access");
            entry.put("id", entryId(i));
            entry.put("subject", subject);
            entry.put("seq", seq);
            if (seq > 0) {
                entry.put("prev", HexFormat.of().formatHex(heads.get(subject)));
            }
            entry.put("recordedAt", "2026-11-25T09:31:02.250Z");
            entry.putArray("policyExceptions");
            entry.put("referenceData", "2026-11-25.1");
            entry.put("organisation", "gp-riverside");
            entry.put("service", "gp-riverside-patient-record");
            entry.put("staffRole", "GP");
            entry.put("action", "dpv:Consult");
            entry.putArray("dataCategories").add("pd:HealthRecord");
            entry.put("purpose", "al:DirectCare");
            entry.put("legalBasis", "ukgdpr:9.2.h");
            entry.put("occurredAt", "2026-11-25T09:30:00.000Z");
            entry.put("emergency", false);
            entry.put("bulk", false);
            tamper.accept(i, entry);
            byte[] bytes = CanonicalJson.canonicalize(entry);
            log.entries.add(entry);
            log.canonical.add(bytes);
            heads.put(entry.path("subject").asText(), ReferenceTree.leafHash(bytes));
        }
        return log;
    }

    static String subject(int n) {
        return String.valueOf((char) ('a' + n % 6)).repeat(63) + Integer.toHexString(n % 16);
    }

    static String entryId(int i) {
        return UUID.nameUUIDFromBytes(("entry-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    int size() {
        return canonical.size();
    }

    byte[] leafHash(int i) {
        return ReferenceTree.leafHash(canonical.get(i));
    }

    byte[] root() {
        return tree().root();
    }

    String signedCheckpoint() {
        return new Checkpoint(ORIGIN, size(), root()).sign(signer);
    }

    /** PATH(m, D[n]) of RFC 6962 section 2.1.1, for the whole tree. */
    List<byte[]> proof(int m) {
        return tree().path(m, size());
    }

    ExportedEntry exported(int i) {
        ObjectNode e = entries.get(i);
        Instant recordedAt = Instant.parse(e.path("recordedAt").asText());
        EntryCsvRow row = new EntryCsvRow(e.path("id").asText(), e.path("kind").asText(), recordedAt,
                Instant.parse(e.path("occurredAt").asText()), "gp-riverside", "Riverside GP practice",
                "gp-riverside-patient-record", "Riverside patient record", "GP, \"senior\" partner", "dpv:Consult",
                "Looked at your records", "al:DirectCare", "Your direct care", "ukgdpr:9.2.h",
                "Health or social care (UK GDPR Article 9(2)(h))", List.of("pd:HealthRecord", "pd:Prescription"),
                false, List.of(), e.path("subject").asText(), e.path("seq").asLong());
        return new ExportedEntry(i, canonical.get(i), proof(i), row);
    }

    /** A bundle of every entry. */
    byte[] bundle() throws IOException {
        return bundle(IntStream.range(0, size()).boxed().toList());
    }

    /** A bundle of the entries at {@code indexes}, in that order. */
    byte[] bundle(List<Integer> indexes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BundleWriter writer = BundleWriter.open(out, signer, signedCheckpoint(), QUERY, CREATED_AT)) {
            for (int i : indexes) {
                writer.write(exported(i));
            }
            writer.finish();
        }
        return out.toByteArray();
    }

    /** The RFC 6962 tree of the entries as they are now (a test may have replaced one). */
    private ReferenceTree tree() {
        return ReferenceTree.ofLeaves(canonical);
    }
}
