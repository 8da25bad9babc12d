package uk.gov.accessledger.api.upgrade;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.PostgresDatabase;
import uk.gov.accessledger.api.support.PostgresDumps;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * Writes the upgrade fixture of {@link PreviousReleaseDatabaseTest}: a ledger recorded through
 * the HTTP API of a node of this release, once on PostgreSQL ({@code pg_dump -Fc}) and once on the
 * embedded H2 file database, with the test-only keys it ran with and what it served
 * ({@code expected.json}). Run it only to start a fixture for a new storage format; the point of
 * the fixture is that an upgrade does not remake it. The traffic is the same on every run (a
 * seeded generator); times of recording, keys and signatures are not.
 *
 * <pre>
 * mvn -B -pl ledger-api exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=uk.gov.accessledger.api.upgrade.PreviousReleaseFixture \
 *     -Dexec.args=src/test/resources/upgrade/release-0.1
 * </pre>
 */
public final class PreviousReleaseFixture {

    /** Where the fixture of release 0.1 lives, on the test class path. */
    static final String RESOURCE = "/upgrade/release-0.1";
    static final String LOG_ORIGIN = "upgrade-fixture.test/log";
    /** The options of the documented H2 file URL (docs/configuration.md) (LEDGER_DB_URL's default). */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    static final String H2_FILE = "ledger.mv.db.gz";
    static final String PG_DUMP = "ledger.dump";
    /** What the node served, gzipped JSON (read it with {@code zcat}). */
    static final String EXPECTED = "expected.json.gz";
    static final String CHECKPOINT_FILE = "last-checkpoint";

    private static final int CITIZENS = 32;
    private static final int NINO_SUBJECTS = 4;
    private static final Instant FIRST_OCCURRED = Instant.parse("2026-10-05T08:00:00Z");

    private final FixtureNode node;
    private final Random random = new Random(27);
    private final List<String> citizens = new ArrayList<>();
    private final List<String> ninos = new ArrayList<>();
    /** Each citizen's first entry (a GP access), which corrections and concerns refer to. */
    private final Map<String, String> firstEntry = new LinkedHashMap<>();
    private final ArrayNode requests = FixtureNode.JSON.createArrayNode();
    private int minutes;

    private PreviousReleaseFixture(FixtureNode node) {
        this.node = node;
        for (int i = 0; i < CITIZENS; i++) {
            citizens.add(ApiTestSupport.nhsNumber(random));
        }
        String[] prefixes = {"AB", "CE", "JA", "WP"};
        for (int i = 0; i < NINO_SUBJECTS; i++) {
            ninos.add(prefixes[i] + String.format("%06d", random.nextInt(1_000_000)) + "ABCD".charAt(i));
        }
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources" + RESOURCE);
        Files.createDirectories(out);
        FixtureKeys keys = FixtureKeys.generate(LOG_ORIGIN, new SecureRandom());
        keys.write(out.resolve(FixtureKeys.FILE_NAME));
        writePostgres(out.resolve("postgresql"), keys);
        writeH2(out.resolve("h2"), keys);
        System.out.println("fixture written to " + out.toAbsolutePath());
        System.exit(0); // the test token issuer's HTTP server would keep the JVM alive
    }

    private static void writePostgres(Path dir, FixtureKeys keys) throws Exception {
        Files.createDirectories(dir);
        String database = PostgresDatabase.create();
        Files.deleteIfExists(dir.resolve(CHECKPOINT_FILE));
        try (FixtureNode node = FixtureNode.start(database, keys, dir.resolve(CHECKPOINT_FILE))) {
            write(dir.resolve(EXPECTED), new PreviousReleaseFixture(node).record(keys, "postgresql"));
        }
        PostgresDumps.dump(database, dir.resolve(PG_DUMP));
    }

    private static void writeH2(Path dir, FixtureKeys keys) throws Exception {
        Files.createDirectories(dir);
        Path data = Files.createTempDirectory("fixture-h2");
        String database = "jdbc:h2:file:" + data.resolve("ledger") + H2_OPTIONS;
        Files.deleteIfExists(dir.resolve(CHECKPOINT_FILE));
        try (FixtureNode node = FixtureNode.start(database, keys, dir.resolve(CHECKPOINT_FILE))) {
            write(dir.resolve(EXPECTED), new PreviousReleaseFixture(node).record(keys, "h2"));
        }
        // The node has closed the database; compact the file (the same format, less free space).
        try (Connection c = DriverManager.getConnection(database, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        try (InputStream in = Files.newInputStream(data.resolve("ledger.mv.db"));
             OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve(H2_FILE)))) {
            in.transferTo(gz);
        }
    }

    /** Records the traffic, waits until the log holds all of it, and answers what the node served. */
    private ObjectNode record(FixtureKeys keys, String database) throws Exception {
        service(TestServices.GP, "/api/v1/entries/batch", batch(citizens.stream().map(this::gpAccess).toList()));
        List<ObjectNode> dwp = new ArrayList<>();
        ninos.forEach(n -> dwp.add(dwpAccess("nino", n)));
        citizens.subList(0, 16).forEach(c -> dwp.add(dwpAccess("nhs-number", c)));
        service(TestServices.DWP, "/api/v1/entries/batch", batch(dwp));
        singleEntries();
        node.awaitLogged();

        List<ObjectNode> more = new ArrayList<>();
        citizens.subList(0, 10).forEach(c -> more.add(gpAccess(c)));
        service(TestServices.GP, "/api/v1/entries/batch", batch(more));
        service(TestServices.HMRC, "/api/v1/entries/batch", batch(List.of(
                sharing(citizen(10), "hmrc", "approved", "hmrc-dwp-universal-credit-earnings"),
                sharing(subject("nino", ninos.get(1)), "hmrc", "revoked", "hmrc-dwp-universal-credit-earnings"))));
        concern(citizens.get(0), "I was not at the surgery that day", true);
        concern(citizens.get(9), "I do not recognise this", false);
        long size = node.awaitLogged();

        ObjectNode expected = FixtureNode.JSON.createObjectNode();
        expected.put("database", database).put("treeSize", size)
                .put("checkpoints", node.jdbc().queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class))
                .put("checkpoint", node.get("/log/checkpoint")).put("logKey", node.get("/log/key").strip());
        ArrayNode leaves = expected.putArray("leaves");
        Map<String, JsonNode> lastOfChain = new LinkedHashMap<>();
        for (FixtureNode.AuditedEntry e : node.auditEntries()) {
            JsonNode entry = e.entry();
            leaves.addObject().put("leafIndex", e.leafIndex()).put("id", entry.get("id").asString())
                    .put("leafHash", e.leafHash());
            lastOfChain.put(entry.get("subject").asString(), FixtureNode.JSON.createObjectNode()
                    .put("seq", entry.get("seq").asLong()).put("leafHash", e.leafHash())
                    .put("id", entry.get("id").asString()));
        }
        SubjectPseudonymiser pseudonyms = new SubjectPseudonymiser(Base64.getDecoder().decode(keys.pseudonymKey()));
        ArrayNode subjects = expected.putArray("subjects");
        for (String[] s : identifiers()) {
            String pseudonym = pseudonyms.pseudonymOf(CitizenIdentifier.parse(s[0], s[1]));
            ObjectNode subject = subjects.addObject().put("scheme", s[0]).put("id", s[1]).put("subject", pseudonym);
            subject.set("last", lastOfChain.get(pseudonym));
        }
        ObjectNode histories = expected.putObject("histories");
        for (String citizen : citizens) {
            histories.set(citizen, node.history(citizen));
        }
        expected.set("requests", requests);
        return expected;
    }

    /** One request of each remaining shape, each on its own. */
    private void singleEntries() throws Exception {
        service(TestServices.GP, "/api/v1/entries", gpAccess(citizens.get(0)).put("emergency", true)
                .put("justification", "Unconscious patient brought in;\nrecord read for allergies")
                .put("caseReference", "ED-2026-0412"));
        service(TestServices.GP, "/api/v1/entries", gpAccess(citizens.get(1)).put("bulk", true));
        ObjectNode disclosed = gpAccess(citizens.get(2)).put("discloseAfter", "2026-10-20")
                .put("discloseAfterReason", "Safeguarding enquiry in progress");
        service(TestServices.GP, "/api/v1/entries", disclosed);
        ObjectNode withheld = gpAccess(citizens.get(3)).put("purpose", "al:Safeguarding")
                .put("discloseAfter", "9999-12-31").put("discloseAfterReason", "Withheld while the case is open");
        service(TestServices.GP, "/api/v1/entries", withheld);
        service(TestServices.GP, "/api/v1/entries", gpAccess(citizens.get(4)).put("purpose", "al:DebtRecovery")
                .put("legalBasis", "ukgdpr:6.1.e")); // not registered for the service: a policy exception
        service(TestServices.HMRC, "/api/v1/entries", sharing(citizen(5), "hmrc", "approved",
                "hmrc-dwp-universal-credit-earnings"));
        service(TestServices.HMRC, "/api/v1/entries", sharing(subject("nino", ninos.get(0)), "hmrc", "approved",
                "hmrc-dwp-universal-credit-earnings"));
        service(TestServices.DWP, "/api/v1/entries", sharing(citizen(6), "hmrc", "refused", null)
                .put("reviewBy", "2027-06-30"));
        ObjectNode uncovered = sharing(citizen(7), TestServices.GP_ORG, "approved", null);
        uncovered.putArray("dataCategories").add("pd:HealthRecord");
        service(TestServices.GP, "/api/v1/entries", uncovered); // no agreement covers it: a policy exception
        service(TestServices.GP, "/api/v1/entries", correction(citizens.get(0), "annotate",
                "The access was by the duty GP, not the registered GP"));
        service(TestServices.GP, "/api/v1/entries", correction(citizens.get(8), "supersede",
                "Recorded against the wrong patient; see case ED-2026-0413"));
    }

    /** Sends a service's request, requires 201, sends it again and requires the same answer with 200. */
    private JsonNode service(String service, String path, ObjectNode body) throws Exception {
        HttpResponse<String> first = node.post(service, path, body.toString());
        JsonNode answer = created(first);
        if (answer.has("receipts")) {
            answer.get("receipts").forEach(r -> remember(r, body));
        } else {
            remember(answer, body);
        }
        requests.addObject().put("service", service).put("path", path).put("repeatable", true)
                .<ObjectNode>set("body", body)
                .set("answer", repeated(node.post(service, path, body.toString()), answer));
        return answer;
    }

    /** A citizen's concern about their first entry; with an idempotency key it must be repeatable. */
    private void concern(String citizen, String message, boolean idempotent) throws Exception {
        ObjectNode body = FixtureNode.JSON.createObjectNode().put("message", message);
        if (idempotent) {
            body.put("idempotencyKey", uuid().toString());
        }
        String about = firstEntry.get(citizen);
        JsonNode answer = created(node.raiseConcern(citizen, about, body.toString()));
        ObjectNode request = requests.addObject().put("nhsNumber", citizen).put("about", about)
                .put("path", "/api/v1/me/entries/" + about + "/concerns").put("repeatable", idempotent);
        request.set("body", body);
        request.set("answer",
                idempotent ? repeated(node.raiseConcern(citizen, about, body.toString()), answer) : answer);
    }

    private static JsonNode created(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("couldn't record the fixture: " + response.uri().getRawPath() + " got "
                    + response.statusCode() + ", want 201: " + response.body());
        }
        return FixtureNode.read(response.body());
    }

    private static JsonNode repeated(HttpResponse<String> repeat, JsonNode first) {
        if (repeat.statusCode() != 200 || !FixtureNode.read(repeat.body()).equals(first)) {
            throw new IllegalStateException("couldn't record the fixture: a repeat of " + repeat.uri().getRawPath()
                    + " got " + repeat.statusCode() + " " + repeat.body() + ", want 200 " + first);
        }
        return first;
    }

    private void remember(JsonNode receipt, ObjectNode body) {
        JsonNode entries = body.has("entries") ? body.get("entries") : FixtureNode.JSON.createArrayNode().add(body);
        for (JsonNode entry : entries) {
            if (entry.get("id").asString().equals(receipt.get("id").asString()) && receipt.get("seq").asLong() == 0) {
                firstEntry.put(entry.at("/subject/id").asString(), entry.get("id").asString());
            }
        }
    }

    private List<String[]> identifiers() {
        List<String[]> all = new ArrayList<>();
        citizens.forEach(c -> all.add(new String[] {"nhs-number", c}));
        ninos.forEach(n -> all.add(new String[] {"nino", n}));
        return all;
    }

    private static ObjectNode batch(List<ObjectNode> entries) {
        ObjectNode batch = FixtureNode.JSON.createObjectNode();
        batch.putArray("entries").addAll(entries);
        return batch;
    }

    private ObjectNode gpAccess(String nhsNumber) {
        ObjectNode entry = entry("access", subject("nhs-number", nhsNumber));
        entry.put("staffRole", random.nextBoolean() ? "GP" : "Practice nurse")
                .put("staffReference", "staff-" + Integer.toHexString(0x1000 + random.nextInt(0xf000)))
                .put("action", random.nextInt(4) == 0 ? "dpv:Alter" : "dpv:Consult")
                .put("purpose", "al:DirectCare").put("legalBasis", "ukgdpr:9.2.h").put("occurredAt", occurred());
        entry.putArray("dataCategories").add("pd:HealthRecord")
                .add(random.nextBoolean() ? "pd:Prescription" : "pd:Contact");
        return entry;
    }

    private ObjectNode dwpAccess(String scheme, String id) {
        ObjectNode entry = entry("access", subject(scheme, id));
        entry.put("staffRole", "Work coach").put("action", "dpv:Consult").put("purpose", "al:BenefitEligibility")
                .put("legalBasis", "ukgdpr:6.1.e").put("occurredAt", occurred());
        entry.putArray("dataCategories").add("pd:Income").add("al:BenefitAward");
        return entry;
    }

    /** A sharing decision on DWP's request to {@code holding}, for the earnings agreement's purpose and data. */
    private ObjectNode sharing(ObjectNode subject, String holding, String decision, String agreement) {
        ObjectNode entry = entry("sharing-decision", subject);
        entry.put("requestingOrganisation", TestServices.DWP_ORG).put("holdingOrganisation", holding)
                .put("purpose", "al:BenefitEligibility").put("legalBasis", "ukgdpr:6.1.e").put("decision", decision)
                .put("decidedByRole", "Information governance lead").put("decidedAt", occurred());
        if (agreement != null) {
            entry.put("agreement", agreement);
        }
        entry.putArray("dataCategories").add("pd:Income").add("pd:CurrentEmployment");
        return entry;
    }

    private ObjectNode correction(String nhsNumber, String mode, String reason) {
        return entry("correction", subject("nhs-number", nhsNumber)).put("corrects", firstEntry.get(nhsNumber))
                .put("mode", mode).put("reason", reason);
    }

    private ObjectNode entry(String kind, ObjectNode subject) {
        ObjectNode entry = FixtureNode.JSON.createObjectNode().put("id", uuid().toString()).put("kind", kind);
        entry.set("subject", subject);
        return entry;
    }

    private ObjectNode citizen(int i) {
        return subject("nhs-number", citizens.get(i));
    }

    private static ObjectNode subject(String scheme, String id) {
        return FixtureNode.JSON.createObjectNode().put("scheme", scheme).put("id", id);
    }

    /** The next time of the traffic: a few minutes after the last, from a fixed start in the past. */
    private String occurred() {
        minutes += 1 + random.nextInt(30);
        return FIRST_OCCURRED.plusSeconds(60L * minutes).toString();
    }

    /** A random (version 4) UUID from the seeded generator. */
    private UUID uuid() {
        long high = (random.nextLong() & ~0xf000L) | 0x4000L;
        long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static void write(Path file, JsonNode json) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            FixtureNode.JSON.writerWithDefaultPrettyPrinter().writeValue(out, json);
        }
    }
}
