package uk.gov.accessledger.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.entryformat.EntryInstants;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.ReceiptNote;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Base of the API tests: the whole application on a random port, a real token issuer (JWKS over
 * HTTP), random service secrets and a random pseudonym key. Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
public abstract class ApiTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PSEUDONYM_KEY;

    static {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        PSEUDONYM_KEY = Base64.getEncoder().encodeToString(key);
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static void common(DynamicPropertyRegistry registry) {
        registry.add("ledger.pseudonym-key", () -> PSEUDONYM_KEY);
        registry.add("ledger.service-credentials", () -> TestServices.credentialsFile().toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwksUri());
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("ledger.log.signing-key-file", ApiTestSupport::freshKeyFile);
        registry.add("ledger.log.origin", () -> LOG_ORIGIN);
        // Test contexts close together when the JVM exits; waiting for graceful drains only delays it.
        registry.add("server.shutdown", () -> "immediate");
        registry.add("spring.lifecycle.timeout-per-shutdown-phase", () -> "5s");
    }

    public static final String LOG_ORIGIN = "ledger.test/log";

    /** A path where the application generates a new log signing key (the file does not exist yet). */
    public static String freshKeyFile() {
        try {
            Path dir = Files.createTempDirectory("ledger-log-key");
            dir.toFile().deleteOnExit();
            return dir.resolve("log-signing-key").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void h2(DynamicPropertyRegistry registry, String name) {
        common(registry);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    /** A PostgreSQL database of this context's own (each context runs a sequencer with its own key). */
    protected static void postgres(DynamicPropertyRegistry registry) {
        common(registry);
        String[] url = new String[1];
        registry.add("spring.datasource.url", () -> {
            synchronized (url) {
                if (url[0] == null) {
                    url[0] = PostgresDatabase.create();
                }
                return url[0];
            }
        });
        registry.add("spring.datasource.username", PostgresDatabase::user);
        registry.add("spring.datasource.password", PostgresDatabase::password);
        // Spring keeps contexts cached after their test class; let an idle one's pool shrink to a
        // couple of connections, so cached contexts, the two-node restart test and other builds on
        // the same server stay under PostgreSQL's max_connections (100 by default).
        registry.add("spring.datasource.hikari.minimum-idle", () -> "2");
        registry.add("spring.datasource.hikari.idle-timeout", () -> "10000"); // milliseconds
    }

    /** A random NHS number with a valid modulus-11 check digit. */
    public static String nhsNumber() {
        return nhsNumber(RANDOM);
    }

    /** An NHS number with a valid modulus-11 check digit, drawn from {@code random} (seed it to repeat a run). */
    public static String nhsNumber(Random random) {
        while (true) {
            StringBuilder digits = new StringBuilder();
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                int d = random.nextInt(10);
                digits.append(d);
                sum += d * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check != 10) {
                return digits.append(check == 11 ? 0 : check).toString();
            }
        }
    }

    /** A valid access entry from the GP service about {@code nhsNumber}. */
    public static ObjectNode access(String nhsNumber) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("id", UUID.randomUUID().toString()).put("kind", "access");
        entry.putObject("subject").put("scheme", "nhs-number").put("id", nhsNumber);
        entry.put("staffRole", "GP").put("staffReference", "staff-7f3a").put("action", "dpv:Consult")
                .put("purpose", "al:DirectCare").put("legalBasis", "ukgdpr:9.2.h")
                .put("occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
        entry.putArray("dataCategories").add("pd:HealthRecord");
        return entry;
    }

    /** A batch body of {@code count} access entries, each about a new citizen. */
    public static ObjectNode batchOfAccesses(int count) {
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode entries = batch.putArray("entries");
        for (int i = 0; i < count; i++) {
            entries.add(access(nhsNumber()));
        }
        return batch;
    }

    protected WebTestClient.ResponseSpec post(String service, String path, Object body) {
        return web.post().uri(path).headers(h -> h.setBasicAuth(service, TestServices.secret(service)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body.toString()).exchange();
    }

    protected JsonNode postOk(String service, String path, Object body) {
        return post(service, path, body).expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    protected WebTestClient.ResponseSpec citizenGet(String nhsNumber, String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().citizen(nhsNumber))).exchange();
    }

    protected JsonNode citizenGetOk(String nhsNumber, String path) {
        return citizenGet(nhsNumber, path).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    protected long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** Waits until every recorded entry is in a signed checkpoint (the sequencer runs every 100 ms). */
    protected void awaitLogged() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (count("log_pending") > 0 || jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint",
                Long.class) < count("ledger_entry")) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("entries were not in a signed checkpoint within 30 s");
            }
            Thread.sleep(50);
        }
    }

    /**
     * Verifies a receipt as a service would, from its own fields and the log's key; throws if it
     * does not verify.
     */
    protected ReceiptNote verifiedReceipt(JsonNode receipt) throws Exception {
        NoteVerifier key = NoteVerifier.parse(web.get().uri("/log/key").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody().strip());
        List<byte[]> proof = new ArrayList<>();
        receipt.get("receiptProof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asString())));
        byte[] line = ReceiptNote.line(UUID.fromString(receipt.get("id").asString()),
                HexFormat.of().parseHex(receipt.get("leafHash").asString()),
                EntryInstants.format(Instant.parse(receipt.get("recordedAt").asString())));
        return ReceiptNote.verify(receipt.get("signedNote").asString(), key, line,
                receipt.get("receiptIndex").asLong(), proof, Rfc6962Hasher.JDK);
    }

    /** Entries in the read model and events in the event store: both must move together. */
    protected long[] stored() {
        return new long[] {count("ledger_entry"), count("domain_event_entry")};
    }
}
