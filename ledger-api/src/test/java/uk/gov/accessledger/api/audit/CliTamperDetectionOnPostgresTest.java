package uk.gov.accessledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.verify.LedgerVerify;

/**
 * The same tampering as {@link SelfAuditTamperOnPostgresTest}, committed this time, caught by a
 * regulator's own tools: {@code ledger-verify verify-bundle} on a fresh export, or
 * {@code ledger-verify audit-log} against the checkpoint it saw before. Each case gets a fresh
 * database (a new application context).
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class CliTamperDetectionOnPostgresTest extends ApiTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }

    @LocalServerPort
    int port;

    private final List<UUID> chain = new ArrayList<>();
    private String key;
    private Path state;

    @BeforeEach
    void recordAChainWaitForTheLogAndMonitorIt() throws Exception {
        chain.clear();
        String citizen = nhsNumber();
        for (int i = 0; i < 4; i++) {
            chain.add(UUID.fromString(postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asText()));
            postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        }
        awaitLogged();
        key = web.get().uri("/log/key").exchange().expectBody(String.class).returnResult().getResponseBody().trim();
        state = Files.createTempFile("ledger-verify", ".state");
        Files.delete(state);
        assertThat(auditLog()).as("the monitor's first look").startsWith("OK");
        assertThat(verifyFreshExport()).as("an export before tampering").startsWith("OK");
    }

    @Test
    void verifyBundleNamesAnEntryWithOneChangedByte() throws Exception {
        UUID victim = chain.get(1);
        byte[] canonical = canonical(victim);
        jdbc.update("UPDATE ledger_entry SET canonical = ? WHERE entry_id = ?", new String(canonical,
                StandardCharsets.UTF_8).replace("\"GP\"", "\"GQ\"").getBytes(StandardCharsets.UTF_8), victim);
        assertThat(verifyFreshExport()).contains("FAIL").contains("inclusion").contains(victim.toString());
    }

    @Test
    void verifyBundleNamesADeletedEntry() throws Exception {
        UUID victim = chain.get(1);
        jdbc.update("DELETE FROM ledger_entry WHERE entry_id = ?", victim);
        assertThat(verifyFreshExport()).contains("FAIL").contains("completeness");
    }

    @Test
    void verifyBundleNamesTwoSwappedEntries() throws Exception {
        Long a = leafIndex(chain.get(1));
        Long b = leafIndex(chain.get(2));
        jdbc.update("UPDATE log_leaf SET leaf_index = -1 WHERE leaf_index = ?", a);
        jdbc.update("UPDATE log_leaf SET leaf_index = ? WHERE leaf_index = ?", a, b);
        jdbc.update("UPDATE log_leaf SET leaf_index = ? WHERE leaf_index = -1", b);
        String verdict = verifyFreshExport();
        assertThat(verdict).contains("FAIL").contains("inclusion").contains(chain.get(1).toString())
                .contains(chain.get(2).toString());
    }

    @Test
    void auditLogReportsATruncatedLogAsARollback() throws Exception {
        long size = count("log_leaf");
        jdbc.update("DELETE FROM log_leaf WHERE leaf_index >= ?", size - 2);
        jdbc.update("DELETE FROM log_node WHERE node_index >= ? AND level = 0", size - 2);
        jdbc.update("DELETE FROM log_checkpoint WHERE tree_size > ?", size - 2);
        jdbc.update("UPDATE log_state SET tree_size = ?", size - 2);
        assertThat(auditLog()).contains("ROLLBACK");
    }

    @Test
    void auditLogCatchesAWholeChainRewrittenConsistently() throws Exception {
        byte[] prev = null;
        for (UUID id : chain) {
            var entry = (ObjectNode) new ObjectMapper().readTree(canonical(id));
            entry.put("staffRole", "Someone else");
            if (prev != null) {
                entry.put("prev", HexFormat.of().formatHex(prev));
            }
            byte[] canonical = CanonicalJson.canonicalize(entry);
            byte[] leaf = CanonicalEntry.leafHash(canonical);
            jdbc.update("UPDATE ledger_entry SET canonical = ?, leaf_hash = ?, prev_hash = ? WHERE entry_id = ?",
                    canonical, leaf, prev, id);
            jdbc.update("UPDATE log_leaf SET leaf_hash = ? WHERE entry_id = ?", leaf, id);
            jdbc.update("UPDATE log_node SET hash = ? WHERE level = 0 AND node_index = ?", leaf, leafIndex(id));
            prev = leaf;
        }
        assertThat(auditLog()).contains("FAIL");
        assertThat(verifyFreshExport()).contains("FAIL").contains("inclusion");
    }

    @Test
    void auditLogRefusesAReplacedCheckpoint() throws Exception {
        long size = jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class);
        byte[] root = jdbc.queryForObject("SELECT root_hash FROM log_checkpoint WHERE tree_size = ?", byte[].class,
                size);
        Ed25519NoteSigner forger = Ed25519NoteSigner.generate(LOG_ORIGIN, new SecureRandom());
        jdbc.update("UPDATE log_checkpoint SET note = ? WHERE tree_size = ?",
                new Checkpoint(LOG_ORIGIN, size, root).sign(forger), size);
        assertThat(auditLog()).contains("FAIL");
        // The server itself refuses to sign an export under a checkpoint its key did not sign.
        web.get().uri("/api/v1/audit/export").headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange()
                .expectStatus().isEqualTo(503).expectBody().jsonPath("$.type")
                .isEqualTo("urn:access-ledger:problem:log-integrity");
    }

    private String auditLog() throws Exception {
        return run("audit-log", "http://127.0.0.1:" + port + "/log", "--key", key, "--state", state.toString());
    }

    private String verifyFreshExport() throws Exception {
        byte[] bundle = web.get().uri("/api/v1/audit/export").headers(h -> h.setBearerAuth(TestTokens.get().auditor()))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Path file = Files.createTempFile("bundle", ".zip");
        Files.write(file, bundle);
        try {
            return run("verify-bundle", file.toString(), "--key", key);
        } finally {
            Files.delete(file);
        }
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = LedgerVerify.run(args, print, print);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isEqualTo(printed.startsWith("OK") ? 0 : 1);
        return printed;
    }

    private byte[] canonical(UUID id) {
        return jdbc.queryForObject("SELECT canonical FROM ledger_entry WHERE entry_id = ?", byte[].class, id);
    }

    private Long leafIndex(UUID id) {
        return jdbc.queryForObject("SELECT leaf_index FROM log_leaf WHERE entry_id = ?", Long.class, id);
    }
}
