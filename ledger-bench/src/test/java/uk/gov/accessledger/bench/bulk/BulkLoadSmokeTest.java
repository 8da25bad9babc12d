package uk.gov.accessledger.bench.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.bench.query.CitizenTokens;
import uk.gov.accessledger.bench.query.PlainReads;
import uk.gov.accessledger.bench.query.QueryBench;
import uk.gov.accessledger.bench.query.QueryBenchSettings;
import uk.gov.accessledger.bench.query.ScalePhase;
import uk.gov.accessledger.bench.query.ScaleResults;
import uk.gov.accessledger.bench.report.TargetRow;
import uk.gov.accessledger.bench.shared.JsonFiles;
import uk.gov.accessledger.bench.shared.LedgerSchema;
import uk.gov.accessledger.bench.shared.NhsNumbers;
import uk.gov.accessledger.bench.shared.PerformanceTarget;
import uk.gov.accessledger.chain.EntryKind;
import uk.gov.accessledger.chain.SubjectChainEvent;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.TlogProof;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;
import uk.gov.accessledger.verify.LedgerVerify;

/**
 * Bulk-loads a tiny ledger (2,000 entries over 200 subjects) into a PostgreSQL database of its
 * own, starts the real ledger-api jar on it, and requires the project's own checkers to accept
 * every byte: the API's self-audit (every entry hash, chain link, leaf, node and checkpoint) finds
 * nothing, an export bundle passes ledger-verify, the API serves a loaded citizen's history and
 * verifiable proofs, and appends to a loaded chain and extends the loaded log. The event rows are
 * checked against one the API writes itself. Tampering with one stored byte afterwards must make
 * the self-audit find it, so the checks above cannot pass vacuously.
 *
 * <p>Needs ledger-api's jar, named by the system property {@code ledger.api.jar} (the reactor builds
 * ledger-api first and the pom sets the property), and
 * PostgreSQL at LEDGER_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/postgres). Under
 * CI=true an unreachable PostgreSQL fails the test; elsewhere it is skipped, saying why.
 */
class BulkLoadSmokeTest {

    private static final int ENTRIES = 2_000;
    private static final int SUBJECTS = 200;
    private static final String SERVICE = "gp-riverside-patient-record";
    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The system property that names ledger-api's jar (set in the pom). */
    private static final String API_JAR_PROPERTY = "ledger.api.jar";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;
    private String database;
    private String url;
    private Process api;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin = env("LEDGER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        database = "ledger_bulk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin, user(), password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("PostgreSQL not reachable at " + admin + ": " + e.getMessage());
        }
        url = admin.substring(0, admin.lastIndexOf('/') + 1) + database;
    }

    @AfterEach
    void stopApiAndDropDatabase() throws Exception {
        if (api != null) {
            api.destroy();
            api.waitFor();
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(admin, user(), password());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void bulkLoadedLedgerPassesTheProjectsOwnChecksAndServesVerifiableReads() throws Exception {
        Path pseudonymKey = dir.resolve("pseudonym-key");
        Path signingKey = dir.resolve("log-signing-key");
        BulkLoader.Result load = new BulkLoader(new BulkLoadSettings(url, user(), password(), ENTRIES, SUBJECTS,
                pseudonymKey, signingKey, BulkLoadSettings.DEFAULT_ORIGIN, 2, 7, null)).run();
        NoteVerifier logKey = NoteVerifier.parse(load.verifierKey());
        SubjectPseudonymiser pseudonymiser = new SubjectPseudonymiser(
                Base64.getDecoder().decode(Files.readString(pseudonymKey).trim()));

        assertThat(count("SELECT COUNT(*) FROM ledger_entry")).isEqualTo(ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM domain_event_entry")).isEqualTo(ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM log_leaf")).isEqualTo(ENTRIES);
        assertThat(count("SELECT COUNT(*) FROM log_pending")).isZero();
        assertThat(count("SELECT tree_size FROM log_state")).isEqualTo(ENTRIES);
        assertThat(count("SELECT COUNT(DISTINCT subject) FROM ledger_entry")).isBetween(SUBJECTS * 9L / 10, (long) SUBJECTS);
        // Every key and index is back exactly as the migrations define them on an empty database.
        assertThat(indexes(url)).isEqualTo(indexesOfAFreshlyMigratedDatabase());

        try (CitizenTokens issuer = new CitizenTokens(0)) {
            String secret = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes()));
            int port = startApi(pseudonymKey, signingKey, issuer.jwksUri(), secret);
            String base = "http://127.0.0.1:" + port;
            String auditor = issuer.auditor();

            // 1. The API's own self-audit: every entry hash, chain, leaf, node and checkpoint.
            JsonNode audit = JSON.readTree(send(base, "POST", "/api/v1/audit/self-audit", auditor, null));
            assertThat(audit.get("findingCount").asLong()).as(audit.toString()).isZero();
            assertThat(audit.get("entriesChecked").asLong()).isEqualTo(ENTRIES);
            assertThat(audit.get("leavesChecked").asLong()).isEqualTo(ENTRIES);

            // 2. An export bundle of the whole log passes the offline verifier.
            Path bundle = dir.resolve("export.zip");
            Files.write(bundle, sendBytes(base, "/api/v1/audit/export", auditor));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = LedgerVerify.run(new String[] {"verify-bundle", bundle.toString(), "--key", load.verifierKey()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();

            // 3. A loaded citizen's history, newest first, exactly their visible entries.
            int citizen = busiestSubject(pseudonymiser);
            String nhs = NhsNumbers.nhsNumber(citizen);
            String subject = pseudonymiser.pseudonymOf(CitizenIdentifier.parse("nhs-number", nhs));
            String token = issuer.citizen(nhs);
            JsonNode entries = JSON.readTree(send(base, "GET", "/api/v1/me/entries?limit=50", token, null)).get("entries");
            long visible = count("SELECT COUNT(*) FROM ledger_entry WHERE subject = '" + subject
                    + "' AND (disclose_after IS NULL OR disclose_after <= CURRENT_DATE)");
            assertThat(entries.size()).isEqualTo((int) Math.min(50, visible)).isPositive();
            for (int i = 1; i < entries.size(); i++) {
                assertThat(entries.get(i).get("seq").asLong()).isLessThan(entries.get(i - 1).get("seq").asLong());
            }

            // 4. Its newest entry's page and tlog-proof; the proof verifies against the signed checkpoint.
            JsonNode newest = entries.get(0);
            String id = newest.get("id").asText();
            assertThat(JSON.readTree(send(base, "GET", "/api/v1/me/entries/" + id, token, null))
                    .get("entry").get("id").asText()).isEqualTo(id);
            TlogProof proof = TlogProof.parse(send(base, "GET", "/api/v1/me/entries/" + id + "/proof", token, null));
            Checkpoint checkpoint = Checkpoint.open(proof.signedCheckpoint(), logKey);
            assertThat(checkpoint.size()).isEqualTo(ENTRIES);
            ProofVerifier.verifyInclusion(HASHER, proof.index(), checkpoint.size(),
                    HexFormat.of().parseHex(newest.get("leafHash").asText()), proof.inclusionProof(), checkpoint.rootHash());

            // 5. /log/proof/inclusion for a leaf of the loaded log verifies against the same checkpoint.
            long index = ENTRIES / 3;
            JsonNode inclusion = JSON.readTree(send(base, "GET", "/api/v1/log/proof/inclusion?index=" + index
                    + "&size=" + ENTRIES, null, null));
            List<byte[]> hashes = new ArrayList<>();
            inclusion.get("proof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asText())));
            ProofVerifier.verifyInclusion(HASHER, index, ENTRIES, leafHashAt(index), hashes, checkpoint.rootHash());

            // 6. The read benchmark runs against it, each read beside its plain-JDBC or COPY baseline,
            //    and the baselines' statements give exactly what the API gives.
            try (PlainReads reads = new PlainReads(url, user(), password())) {
                List<String> apiPage = new ArrayList<>();
                entries.forEach(e -> apiPage.add(e.get("id").asText()));
                assertThat(reads.history(subject, 50)).map(UUID::toString).isEqualTo(apiPage);
                assertThat(reads.inclusion(index, ENTRIES)).containsExactlyElementsOf(hashes);
                long from = ENTRIES / 7;
                List<byte[]> consistency = new ArrayList<>();
                JSON.readTree(send(base, "GET", "/api/v1/log/proof/consistency?from=" + from + "&to=" + ENTRIES,
                        null, null)).get("proof").forEach(h -> consistency.add(Base64.getDecoder().decode(h.asText())));
                assertThat(reads.consistency(from, ENTRIES)).containsExactlyElementsOf(consistency).isNotEmpty();
            }
            assertQueryBenchRunsWithItsBaselines(issuer, base, pseudonymKey);

            // 7. The API appends to a loaded chain (rebuilding the aggregate from the loaded events),
            //    and its sequencer extends the loaded tree under the loaded checkpoint.
            long seqBefore = count("SELECT MAX(seq) FROM ledger_entry WHERE subject = '" + subject + "'");
            JsonNode receipt = JSON.readTree(sendService(base, secret, nhs));
            assertThat(receipt.get("seq").asLong()).isEqualTo(seqBefore + 1);
            awaitTreeSize(base, logKey, ENTRIES + 1);
            assertEventRowsMatchTheApis(subject, seqBefore + 1);

            // 8. The checks above can fail: one flipped byte of stored canonical JSON is found.
            try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE ledger_entry SET canonical = overlay(canonical PLACING '7'::bytea FROM 20 FOR 1)"
                        + " WHERE row_id = 17");
            }
            JsonNode tampered = JSON.readTree(send(base, "POST", "/api/v1/audit/self-audit", auditor, null));
            assertThat(tampered.get("findingCount").asLong()).isPositive();
        }
    }

    /** A one-second querybench run: every read phase and its baseline on 1 and 2 clients, both exports and COPYs. */
    private void assertQueryBenchRunsWithItsBaselines(CitizenTokens issuer, String base, Path pseudonymKey)
            throws Exception {
        Path out = dir.resolve("scale.json");
        QueryBenchSettings parsed = QueryBenchSettings.parse(new String[] {"--url", base, "--jwks-port", "0",
                "--subjects", Integer.toString(SUBJECTS), "--clients", "1,2", "--seconds", "1", "--warmup-seconds", "0",
                "--jit-warmup-seconds", "1", "--tokens", "100", "--export-limit", "1000", "--out", out.toString(),
                "--api-pid", Long.toString(api.pid()),
                "--pg-url", url, "--pg-user", user(), "--pseudonym-key-file", pseudonymKey.toString()});
        QueryBenchSettings settings = new QueryBenchSettings(parsed.url(), parsed.jwksPort(), parsed.subjects(),
                parsed.clients(), parsed.seconds(), parsed.warmupSeconds(), parsed.jitWarmupSeconds(), parsed.tokens(),
                parsed.exportLimit(), parsed.apiPid(), parsed.apiHeap(), parsed.bulkload(), parsed.out(), parsed.pgUrl(),
                parsed.pgUser(), password(), parsed.pseudonymKeyFile());
        ScaleResults returned = new QueryBench(settings).run(issuer);

        ScaleResults scale = JsonFiles.read(out, ScaleResults.class);
        assertThat(scale).as("scale.json reads back as written").isEqualTo(returned);
        for (String name : List.of(ScalePhase.HISTORY, ScalePhase.HISTORY_JDBC, ScalePhase.INCLUSION,
                ScalePhase.INCLUSION_JDBC, ScalePhase.CONSISTENCY, ScalePhase.CONSISTENCY_JDBC)) {
            List<ScalePhase> runs = scale.phases(name);
            assertThat(runs).as(name).extracting(ScalePhase::clients).containsExactly(1, 2);
            assertThat(runs).as(name).allSatisfy(r -> assertThat(r.requests()).isPositive());
        }
        for (String export : ScalePhase.EXPORTS) {
            for (String name : List.of(ScalePhase.EXPORT_PREFIX + export, ScalePhase.COPY_PREFIX + export)) {
                ScalePhase phase = scale.phase(name);
                assertThat(phase.entries()).as(name).isEqualTo(1000);
                // 1,000 entries take a few of /proc's 10 ms ticks, so only the unit is checked here.
                assertThat(phase.cpu().per()).as(name).isEqualTo("entry");
            }
        }
        TargetRow history = TargetRow.from(Map.of(), null, scale).stream()
                .filter(r -> r.what().equals(PerformanceTarget.HISTORY_PAGE.what())).findFirst().orElseThrow();
        assertThat(history.ratio()).startsWith("API p95 / plain JDBC p95: 1 client ");
    }

    /** The API-written event row for the appended entry has the bytes EventRows gives the same event. */
    private void assertEventRowsMatchTheApis(String subject, long seq) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payload, payload_type, payload_revision, type, meta_data, time_stamp"
                     + " FROM domain_event_entry WHERE aggregate_identifier = '" + subject + "' AND sequence_number = " + seq)) {
            assertThat(rs.next()).isTrue();
            byte[] apiPayload = rs.getBytes(1);
            EventRows rows = new EventRows();
            SubjectChainEvent event = rows.deserialize(new SimpleSerializedObject<>(apiPayload, byte[].class,
                    rs.getString(2), rs.getString(3)));
            SerializedObject<byte[]> ours = rows.payload(event);
            assertThat(new String(ours.getData(), StandardCharsets.UTF_8))
                    .isEqualTo(new String(apiPayload, StandardCharsets.UTF_8));
            assertThat(ours.getType().getName()).isEqualTo(rs.getString(2));
            assertThat(ours.getType().getRevision()).isEqualTo(rs.getString(3));
            assertThat(rs.getString(4)).isEqualTo(EventRows.AGGREGATE_TYPE);
            String requestHash = JSON.readTree(rs.getBytes(5)).get("requestHash").asText();
            assertThat(rows.metaData(requestHash)).isEqualTo(rs.getBytes(5));
            // Axon stamps the event when it is applied, a moment after the entry's recordedAt; the
            // loader uses recordedAt itself. The text format must be Axon's.
            Instant stamped = Instant.parse(rs.getString(6));
            assertThat(rs.getString(6)).isEqualTo(EventRows.timestamp(stamped));
            assertThat(stamped).isBetween(event.entry().recordedAt(), event.entry().recordedAt().plusSeconds(5));
        }
    }

    private List<String> indexes(String database) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(database, user(), password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
                     + " ORDER BY indexname")) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
        }
        try (Connection c = DriverManager.getConnection(database, user(), password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                     + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1")) {
            while (rs.next()) {
                definitions.add(rs.getString(1));
            }
        }
        return definitions;
    }

    private List<String> indexesOfAFreshlyMigratedDatabase() throws SQLException {
        String empty = database + "_empty";
        try (Connection c = DriverManager.getConnection(admin, user(), password()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + empty);
        }
        try {
            String emptyUrl = admin.substring(0, admin.lastIndexOf('/') + 1) + empty;
            LedgerSchema.migrate(emptyUrl, user(), password());
            return indexes(emptyUrl);
        } finally {
            try (Connection c = DriverManager.getConnection(admin, user(), password()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + empty + " WITH (FORCE)");
            }
        }
    }

    private int busiestSubject(SubjectPseudonymiser pseudonymiser) throws SQLException {
        String busiest;
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT subject FROM ledger_entry GROUP BY subject ORDER BY COUNT(*) DESC,"
                     + " subject LIMIT 1")) {
            rs.next();
            busiest = rs.getString(1);
        }
        for (int i = 0; i < SUBJECTS; i++) {
            if (pseudonymiser.pseudonymOf(CitizenIdentifier.parse("nhs-number", NhsNumbers.nhsNumber(i)))
                    .equals(busiest)) {
                return i;
            }
        }
        throw new AssertionError("the busiest subject is none of the loaded citizens");
    }

    private byte[] leafHashAt(long index) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT e.leaf_hash FROM log_leaf l JOIN ledger_entry e"
                     + " ON e.entry_id = l.entry_id WHERE l.leaf_index = " + index)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private void awaitTreeSize(String base, NoteVerifier logKey, long size) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Checkpoint.open(send(base, "GET", "/log/checkpoint", null, null), logKey).size() < size) {
            assertThat(System.nanoTime()).as("log reached size " + size + " in 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int startApi(Path pseudonymKey, Path signingKey, String jwksUri, String secret) throws Exception {
        Path jar;
        String named = System.getProperty(API_JAR_PROPERTY);
        if (named == null || !Files.isRegularFile(Path.of(named))) {
            throw new IllegalStateException("couldn't find ledger-api's jar at " + API_JAR_PROPERTY + " = " + named
                    + ": build it first (mvn -B -am -pl ledger-bench verify builds it before this test; the pom sets"
                    + " the property)");
        }
        jar = Path.of(named);
        Path credentials = dir.resolve("credentials.yaml");
        Files.writeString(credentials, "credentials:\n  - name: " + SERVICE + "\n    role: service\n    secretSha256: "
                + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)))
                + "\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("api.log").toFile());
        builder.environment().put("LEDGER_DB_URL", url);
        builder.environment().put("LEDGER_DB_USER", user());
        builder.environment().put("LEDGER_DB_PASSWORD", password());
        builder.environment().put("LEDGER_PSEUDONYM_KEY", Files.readString(pseudonymKey).trim());
        builder.environment().put("LEDGER_SERVICE_CREDENTIALS_FILE", credentials.toString());
        builder.environment().put("LEDGER_OIDC_JWKS_URI", jwksUri);
        builder.environment().put("LEDGER_LOG_SIGNING_KEY_FILE", signingKey.toString());
        builder.environment().put("LEDGER_PORT", Integer.toString(port));
        api = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            assertThat(api.isAlive()).as("ledger-api is running; see " + dir.resolve("api.log") + ":\n"
                    + (api.isAlive() ? "" : Files.readString(dir.resolve("api.log")))).isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return port;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("ledger-api healthy within 120 s").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private String send(String base, String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private byte[] sendBytes(String base, String path, String bearer) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String sendService(String base, String secret, String nhs) throws Exception {
        String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"" + EntryKind.ACCESS.code()
                + "\",\"subject\":{\"scheme\":\"nhs-number\","
                + "\"id\":\"" + nhs + "\"},\"staffRole\":\"GP\",\"action\":\"dpv:Consult\",\"dataCategories\":"
                + "[\"pd:HealthRecord\"],\"purpose\":\"al:DirectCare\",\"legalBasis\":\"ukgdpr:9.2.h\","
                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/entries"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (SERVICE + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private static String user() {
        return env("LEDGER_TEST_PG_USER", "postgres");
    }

    private static String password() {
        return env("LEDGER_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
