package uk.gov.accessledger.api.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.PostgresDatabase;
import uk.gov.accessledger.api.support.PostgresDumps;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.ReceiptNote;
import uk.gov.accessledger.merkle.ProofVerificationException;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * Stored data stays readable across releases (issue 27): a database written by release 0.1 (the
 * fixture of {@link PreviousReleaseFixture}; never remade on an upgrade) is opened by this
 * release's API with the keys it was written with. Every entry is served as it was, every request
 * is answered with its first receipt, new entries continue the existing chains and the existing
 * log, and the self-audit, {@code ledger-verify audit-log} and {@code verify-bundle} pass.
 */
class PreviousReleaseDatabaseTest {

    private static final FixtureKeys KEYS = FixtureKeys.read(fixture(FixtureKeys.FILE_NAME));

    @TempDir
    Path work;

    @Test
    void postgresqlDumpOfReleaseZeroOneIsServedAsBeforeAndItsChainsAndLogGoOn() throws Exception {
        String database = PostgresDatabase.create();
        PostgresDumps.restore(fixture("postgresql/" + PreviousReleaseFixture.PG_DUMP), database);
        upgradesInPlace(database, "postgresql");
    }

    @Test
    void h2FileOfReleaseZeroOneIsServedAsBeforeAndItsChainsAndLogGoOn() throws Exception {
        Path file = fixture("h2/" + PreviousReleaseFixture.H2_FILE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            Files.copy(in, work.resolve("ledger.mv.db"));
        }
        upgradesInPlace("jdbc:h2:file:" + work.resolve("ledger") + PreviousReleaseFixture.H2_OPTIONS, "h2");
    }

    /** Starts this release on the fixture's database with its keys and its node's last-checkpoint file. */
    private void upgradesInPlace(String database, String fixture) throws Exception {
        JsonNode expected;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(
                fixture(fixture + "/" + PreviousReleaseFixture.EXPECTED)))) {
            expected = FixtureNode.JSON.readTree(in);
        }
        long fixtureSize = expected.get("treeSize").asLong();
        Path checkpointFile = Files.copy(fixture(fixture + "/" + PreviousReleaseFixture.CHECKPOINT_FILE),
                work.resolve(PreviousReleaseFixture.CHECKPOINT_FILE));
        long size;
        try (FixtureNode node = FixtureNode.start(database, KEYS, checkpointFile)) {
            readsAndWritesEveryStoredEventAsBefore(node, fixtureSize);
            servesEveryEntryAsBefore(node, expected);
            answersEveryRepeatWithItsFirstReceipt(node, expected);
            assertThat(node.jdbc().queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class))
                    .as("repeats store nothing").isEqualTo(fixtureSize);

            Map<UUID, String> prevOfNew = appendToEveryChain(node, expected);
            size = fixtureSize + prevOfNew.size();
            assertThat(node.awaitLogged()).as("a checkpoint covers the new entries").isEqualTo(size);
            newEntriesFollowTheirChainsInTheLog(node, expected, prevOfNew);
            oldHistoriesAreUnchangedUnderTheNewEntries(node, expected);

            JsonNode audit = node.selfAudit();
            assertThat(audit.get("findingCount").asLong()).as(audit.toString()).isZero();
            assertThat(audit.get("entriesChecked").asLong()).isEqualTo(size);
            assertThat(audit.get("checkpointsChecked").asLong()).isGreaterThan(expected.get("checkpoints").asLong());

            // A monitor that saw the fixture's last checkpoint: the log now must extend it.
            Path monitorState = Files.writeString(work.resolve("ledger-verify.state"),
                    expected.get("checkpoint").asString());
            FixtureNode.Verdict monitor = FixtureNode.ledgerVerify("audit-log", node.uri("/log").toString(),
                    "--key", KEYS.verifierKey(), "--state", monitorState.toString());
            assertThat(monitor.status()).as(monitor.output()).isZero();
            assertThat(monitor.output()).startsWith("OK").contains("consistent with the checkpoint seen before");

            Path bundle = Files.write(work.resolve("export.zip"), node.auditorGet("/api/v1/audit/export"));
            FixtureNode.Verdict verified = FixtureNode.ledgerVerify("verify-bundle", bundle.toString(),
                    "--key", KEYS.verifierKey());
            assertThat(verified.status()).as(verified.output()).isZero();
            assertThat(verified.output()).startsWith("OK");
        }
        assertThat(Files.readString(checkpointFile)).as("the node's last-checkpoint file moved on")
                .contains("committed " + size + " ");
    }

    /**
     * Every event release 0.1 stored is read by this release's event serializer into its event type,
     * and written back to exactly the stored bytes, payload and metadata: a new event is stored as
     * release 0.1 stored it, and nothing depends on which release wrote an event.
     */
    private static void readsAndWritesEveryStoredEventAsBefore(FixtureNode node, long fixtureSize) {
        Serializer serializer = node.eventSerializer();
        List<Map<String, Object>> events = node.jdbc().queryForList(
                "SELECT payload_type, payload_revision, payload, meta_data FROM domain_event_entry ORDER BY global_index");
        assertThat(events).as("one event per entry").hasSize((int) fixtureSize);
        for (Map<String, Object> event : events) {
            String type = (String) event.get("payload_type");
            String revision = (String) event.get("payload_revision");
            byte[] payload = (byte[]) event.get("payload");
            Object read = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
            assertThat(read.getClass().getName()).isEqualTo(type);
            assertThat(new String(serializer.serialize(read, byte[].class).getData(), StandardCharsets.UTF_8))
                    .as("%s written again", type).isEqualTo(new String(payload, StandardCharsets.UTF_8));
            byte[] metaData = (byte[]) event.get("meta_data");
            Object meta = serializer.deserialize(new SimpleSerializedObject<>(metaData, byte[].class,
                    MetaData.class.getName(), null));
            assertThat(new String(serializer.serialize(meta, byte[].class).getData(), StandardCharsets.UTF_8))
                    .as("metadata written again").isEqualTo(new String(metaData, StandardCharsets.UTF_8));
        }
    }

    private static void servesEveryEntryAsBefore(FixtureNode node, JsonNode expected) throws Exception {
        assertThat(node.get("/log/key").strip()).isEqualTo(expected.get("logKey").asString())
                .isEqualTo(KEYS.verifierKey());
        assertThat(node.get("/log/checkpoint")).as("the fixture's last checkpoint, as signed then")
                .isEqualTo(expected.get("checkpoint").asString());

        List<String> leaves = new ArrayList<>();
        for (FixtureNode.AuditedEntry e : node.auditEntries()) {
            leaves.add(e.leafIndex() + " " + e.entry().get("id").asString() + " " + e.leafHash());
        }
        List<String> expectedLeaves = new ArrayList<>();
        expected.get("leaves").forEach(l -> expectedLeaves.add(l.get("leafIndex").asLong() + " " + l.get("id").asString()
                + " " + l.get("leafHash").asString()));
        assertThat(leaves).as("leaf index, entry id and hash of the canonical bytes of every entry")
                .containsExactlyElementsOf(expectedLeaves);

        SubjectPseudonymiser pseudonyms = new SubjectPseudonymiser(Base64.getDecoder().decode(KEYS.pseudonymKey()));
        for (JsonNode subject : expected.get("subjects")) {
            CitizenIdentifier identifier = CitizenIdentifier.parse(subject.get("scheme").asString(),
                    subject.get("id").asString());
            assertThat(pseudonyms.pseudonymOf(identifier)).as("the fixture's pseudonym key")
                    .isEqualTo(subject.get("subject").asString());
        }
        for (Map.Entry<String, JsonNode> history : expected.get("histories").properties()) {
            assertThat((JsonNode) node.history(history.getKey())).as("the history of citizen %s", history.getKey())
                    .isEqualTo(history.getValue());
        }
    }

    /**
     * Every request the fixture made is a repeat now, answered 200 with its first receipt; but a
     * concern without an idempotency key, which records a new concern each time. Every receipt
     * the fixture was given still verifies with the log's key.
     */
    private static void answersEveryRepeatWithItsFirstReceipt(FixtureNode node, JsonNode expected) throws Exception {
        NoteVerifier key = NoteVerifier.parse(KEYS.verifierKey());
        for (JsonNode request : expected.get("requests")) {
            JsonNode answer = request.get("answer");
            (answer.has("receipts") ? answer.get("receipts") : List.of(answer)).forEach(r -> verifyReceipt(r, key));
            if (!request.get("repeatable").asBoolean()) {
                continue;
            }
            String body = request.get("body").toString();
            HttpResponse<String> repeat = request.has("service")
                    ? node.post(request.get("service").asString(), request.get("path").asString(), body)
                    : node.raiseConcern(request.get("nhsNumber").asString(), request.get("about").asString(), body);
            assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
            assertThat(FixtureNode.read(repeat.body())).as("a repeat of %s", body).isEqualTo(answer);
        }
    }

    /**
     * Records, through the API, one more entry in every chain of the fixture and a few of every
     * kind on top; checks each receipt's seq continues its chain. Answers each new entry's
     * expected {@code prev}: the leaf hash of its chain's entry before it.
     */
    private static Map<UUID, String> appendToEveryChain(FixtureNode node, JsonNode expected) throws Exception {
        Map<String, JsonNode> subjects = new LinkedHashMap<>();
        Map<String, String> heads = new HashMap<>(); // identifier -> "seq leafHash" of the chain's newest entry
        for (JsonNode s : expected.get("subjects")) {
            subjects.put(s.get("id").asString(), s);
            heads.put(s.get("id").asString(), s.at("/last/seq").asLong() + " " + s.at("/last/leafHash").asString());
        }
        Map<UUID, String> prevOfNew = new LinkedHashMap<>();
        // One batch a service: the GP's about every citizen, DWP's about every NINO subject.
        for (String service : List.of(TestServices.GP, TestServices.DWP)) {
            ObjectNode batch = FixtureNode.JSON.createObjectNode();
            ArrayNode entries = batch.putArray("entries");
            List<String> order = new ArrayList<>();
            for (JsonNode s : subjects.values()) {
                boolean nino = "nino".equals(s.get("scheme").asString());
                if (nino == service.equals(TestServices.DWP)) {
                    String id = s.get("id").asString();
                    entries.add(nino ? dwpAccess(id) : ApiTestSupport.access(id));
                    order.add(id);
                }
            }
            JsonNode receipts = created(node.post(service, "/api/v1/entries/batch", batch.toString())).get("receipts");
            for (int i = 0; i < order.size(); i++) {
                follow(heads, order.get(i), receipts.get(i), prevOfNew);
            }
        }

        // Kinds that refer to fixture entries: the chain aggregates must know them from their events.
        String citizen = expected.get("histories").propertyNames().iterator().next();
        JsonNode first = lastOf(expected.get("histories").get(citizen));
        ObjectNode correction = FixtureNode.JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                .put("kind", "correction").put("corrects", first.get("id").asString()).put("mode", "annotate")
                .put("reason", "Recorded again after the upgrade");
        correction.putObject("subject").put("scheme", "nhs-number").put("id", citizen);
        follow(heads, citizen, created(node.post(TestServices.GP, "/api/v1/entries", correction.toString())),
                prevOfNew);
        follow(heads, citizen, created(node.raiseConcern(citizen, first.get("id").asString(),
                "{\"message\": \"Raised after the upgrade\"}")), prevOfNew);
        return prevOfNew;
    }

    private static void follow(Map<String, String> heads, String identifier, JsonNode receipt,
                               Map<UUID, String> prevOfNew) {
        verifyReceipt(receipt, NoteVerifier.parse(KEYS.verifierKey()));
        String[] head = heads.get(identifier).split(" ");
        assertThat(receipt.get("seq").asLong()).as("seq of the new entry of %s", identifier)
                .isEqualTo(Long.parseLong(head[0]) + 1);
        prevOfNew.put(UUID.fromString(receipt.get("id").asString()), head[1]);
        heads.put(identifier, receipt.get("seq").asLong() + " " + receipt.get("leafHash").asString());
    }

    private static void newEntriesFollowTheirChainsInTheLog(FixtureNode node, JsonNode expected,
                                                            Map<UUID, String> prevOfNew) throws Exception {
        long fixtureSize = expected.get("treeSize").asLong();
        Map<UUID, String> prevInLog = new LinkedHashMap<>();
        for (FixtureNode.AuditedEntry e : node.auditEntries()) {
            if (e.leafIndex() >= fixtureSize) {
                prevInLog.put(UUID.fromString(e.entry().get("id").asString()), e.entry().get("prev").asString());
            }
        }
        assertThat(prevInLog.keySet()).as("the new entries in the log").isEqualTo(prevOfNew.keySet());
        prevOfNew.forEach((id, prev) -> assertThat(prevInLog.get(id))
                .as("prev of new entry %s: the leaf hash of its chain's entry before it", id).isEqualTo(prev));
    }

    private static void oldHistoriesAreUnchangedUnderTheNewEntries(FixtureNode node, JsonNode expected)
            throws Exception {
        for (Map.Entry<String, JsonNode> history : expected.get("histories").properties()) {
            ArrayNode now = node.history(history.getKey());
            int added = now.size() - history.getValue().size();
            assertThat(added).as("new entries of citizen %s", history.getKey()).isPositive();
            ArrayNode older = FixtureNode.JSON.createArrayNode();
            for (int i = added; i < now.size(); i++) {
                older.add(now.get(i));
            }
            assertThat((JsonNode) older).as("the history of citizen %s under its new entries", history.getKey())
                    .isEqualTo(history.getValue());
        }
    }

    /** Verifies a receipt as a service would, from its own fields and the log's key. */
    private static void verifyReceipt(JsonNode receipt, NoteVerifier key) {
        List<byte[]> proof = new ArrayList<>();
        receipt.get("receiptProof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asString())));
        byte[] line = ReceiptNote.line(UUID.fromString(receipt.get("id").asString()),
                HexFormat.of().parseHex(receipt.get("leafHash").asString()),
                EntryInstants.format(Instant.parse(receipt.get("recordedAt").asString())));
        try {
            ReceiptNote.verify(receipt.get("signedNote").asString(), key, line, receipt.get("receiptIndex").asLong(),
                    proof, Rfc6962Hasher.JDK);
        } catch (NoteVerificationException | ProofVerificationException e) {
            throw new AssertionError("couldn't verify the receipt of entry " + receipt.get("id").asString() + ": "
                    + e.getMessage(), e);
        }
    }

    private static ObjectNode dwpAccess(String nino) {
        ObjectNode entry = ApiTestSupport.access("0").put("staffRole", "Work coach")
                .put("purpose", "al:BenefitEligibility").put("legalBasis", "ukgdpr:6.1.e");
        entry.putObject("subject").put("scheme", "nino").put("id", nino);
        entry.putArray("dataCategories").add("pd:Income");
        return entry;
    }

    /** The oldest entry of a history (served newest first). */
    private static JsonNode lastOf(JsonNode history) {
        return history.get(history.size() - 1);
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return FixtureNode.read(response.body());
    }

    private static Path fixture(String name) {
        URL url = PreviousReleaseDatabaseTest.class.getResource(PreviousReleaseFixture.RESOURCE + "/" + name);
        if (url == null) {
            throw new IllegalStateException("couldn't find the fixture's " + name + " under "
                    + PreviousReleaseFixture.RESOURCE + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
