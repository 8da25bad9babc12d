package uk.gov.accessledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.accessledger.api.audit.SelfAuditReport.Check;
import uk.gov.accessledger.api.audit.SelfAuditReport.Finding;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.canonical.CanonicalJson;
import uk.gov.accessledger.chain.CanonicalEntry;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;

/**
 * Tampers with PostgreSQL directly, as an attacker with database access would, and shows that
 * the self-audit names every case. Each tamper runs inside a transaction that the self-audit
 * joins and that is then rolled back, so the cases do not disturb one another.
 */
class SelfAuditTamperOnPostgresTest extends ApiTestSupport {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }

    @Autowired
    SelfAudit selfAudit;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<UUID> chain = new ArrayList<>();
    private String subject;

    @BeforeEach
    void recordAChainAndWaitForTheLog() throws Exception {
        chain.clear();
        String citizen = nhsNumber();
        for (int i = 0; i < 5; i++) {
            chain.add(UUID.fromString(postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asText()));
            postOk(TestServices.DWP, "/api/v1/entries", access(nhsNumber()).put("purpose", "al:BenefitEligibility")
                    .put("legalBasis", "ukgdpr:6.1.e"));
        }
        subject = jdbc.queryForObject("SELECT subject FROM ledger_entry WHERE entry_id = ?", String.class, chain.get(0));
        awaitLogged();
        assertThat(selfAudit.run().findings()).as("findings before tampering").isEmpty();
    }

    @Test
    void namesAnEntryWithOneChangedByte() {
        UUID victim = chain.get(2);
        List<Finding> findings = tampered(db -> {
            byte[] canonical = canonical(victim);
            String text = new String(canonical, StandardCharsets.UTF_8).replace("\"GP\"", "\"GQ\"");
            db.update("UPDATE ledger_entry SET canonical = ? WHERE entry_id = ?",
                    text.getBytes(StandardCharsets.UTF_8), victim);
        });
        assertThat(findings).anyMatch(f -> f.check() == Check.ENTRY_HASH && victim.equals(f.entryId()));
        assertThat(findings).anyMatch(f -> f.check() == Check.LOG_LEAF_HASH && victim.equals(f.entryId()));
        assertThat(findings).anyMatch(f -> f.check() == Check.CHAIN_LINK && chain.get(3).equals(f.entryId()));
        assertThat(findings).anyMatch(f -> f.check() == Check.CHECKPOINT_ROOT);
    }

    @Test
    void namesIndexedColumnsThatDisagreeWithTheCanonicalBytes() {
        UUID victim = chain.get(3);
        List<Finding> findings = tampered(db -> db.update("UPDATE ledger_entry SET happened_at = happened_at"
                + " + INTERVAL '1 day', purpose = 'al:Fraud', policy_exception = TRUE WHERE entry_id = ?", victim));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.ENTRY_COLUMNS);
            assertThat(f.entryId()).isEqualTo(victim);
            assertThat(f.detail()).contains("column happened_at", "column purpose is al:Fraud",
                    "column policy_exception");
        });
        UUID other = chain.get(1);
        assertThat(tampered(db -> db.update("UPDATE ledger_entry SET recorded_at = recorded_at"
                + " - INTERVAL '1 millisecond', refers_to = entry_id WHERE entry_id = ?", other)))
                .singleElement().satisfies(f -> assertThat(f.detail()).contains("column recorded_at",
                        "column refers_to"));
    }

    @Test
    void namesADeletedEntry() {
        UUID victim = chain.get(1);
        List<Finding> findings = tampered(db -> db.update("DELETE FROM ledger_entry WHERE entry_id = ?", victim));
        assertThat(findings).anyMatch(f -> f.check() == Check.CHAIN_GAP && chain.get(2).equals(f.entryId()));
        assertThat(findings).anyMatch(f -> f.check() == Check.LOG_LEAF_WITHOUT_ENTRY && victim.equals(f.entryId()));
    }

    @Test
    void namesALeafPointedAtAnotherEntrysRow() {
        UUID victim = chain.get(1);
        List<Finding> findings = tampered(db -> db.update("UPDATE log_leaf SET entry_row_id = -entry_row_id"
                + " WHERE entry_id = ?", victim));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.LOG_LEAF_ROW);
            assertThat(f.entryId()).isEqualTo(victim);
        });
    }

    @Test
    void namesTwoSwappedEntries() {
        UUID first = chain.get(1);
        UUID second = chain.get(2);
        List<Finding> findings = tampered(db -> {
            db.update("UPDATE ledger_entry SET seq = -1 WHERE entry_id = ?", first);
            db.update("UPDATE ledger_entry SET seq = 1 WHERE entry_id = ?", second);
            db.update("UPDATE ledger_entry SET seq = 2 WHERE entry_id = ?", first);
        });
        assertThat(findings).anyMatch(f -> f.check() == Check.ENTRY_FIELDS && first.equals(f.entryId()));
        assertThat(findings).anyMatch(f -> f.check() == Check.ENTRY_FIELDS && second.equals(f.entryId()));
        assertThat(findings).anyMatch(f -> f.check() == Check.CHAIN_LINK);
    }

    @Test
    void namesATruncatedLog() {
        long size = count("log_leaf");
        List<Finding> findings = tampered(db -> {
            db.update("DELETE FROM log_leaf WHERE leaf_index >= ?", size - 3);
            db.update("DELETE FROM log_node WHERE level = 0 AND node_index >= ?", size - 3);
        });
        assertThat(findings.stream().filter(f -> f.check() == Check.ENTRY_NOT_IN_LOG)).hasSize(3);
        assertThat(findings).anyMatch(f -> f.check() == Check.CHECKPOINT_ROOT && f.treeSize() == size);
    }

    @Test
    void namesAWholeChainRewrittenConsistently() {
        List<Finding> findings = tampered(db -> {
            byte[] prev = null;
            for (UUID id : chain) {
                ObjectNode entry = (ObjectNode) readTree(canonical(id));
                entry.put("staffRole", "Someone else");
                if (prev != null) {
                    entry.put("prev", HexFormat.of().formatHex(prev));
                }
                byte[] canonical = CanonicalJson.canonicalize(entry);
                byte[] leaf = CanonicalEntry.leafHash(canonical);
                db.update("UPDATE ledger_entry SET canonical = ?, leaf_hash = ?, prev_hash = ? WHERE entry_id = ?",
                        canonical, leaf, prev, id);
                Long index = db.queryForObject("SELECT leaf_index FROM log_leaf WHERE entry_id = ?", Long.class, id);
                db.update("UPDATE log_leaf SET leaf_hash = ? WHERE entry_id = ?", leaf, id);
                db.update("UPDATE log_node SET hash = ? WHERE level = 0 AND node_index = ?", leaf, index);
                prev = leaf;
            }
        });
        // The chain and the leaves agree with each other; only the signed checkpoints give it away.
        assertThat(findings).isNotEmpty().allMatch(f -> f.check() == Check.CHECKPOINT_ROOT);
    }

    @Test
    void namesAReplacedCheckpoint() {
        long size = jdbc.queryForObject("SELECT MAX(tree_size) FROM log_checkpoint", Long.class);
        Ed25519NoteSigner forger = Ed25519NoteSigner.generate(LOG_ORIGIN, new SecureRandom());
        List<Finding> findings = tampered(db -> {
            byte[] root = db.queryForObject("SELECT root_hash FROM log_checkpoint WHERE tree_size = ?", byte[].class,
                    size);
            db.update("UPDATE log_checkpoint SET note = ? WHERE tree_size = ?",
                    new Checkpoint(LOG_ORIGIN, size, root).sign(forger), size);
        });
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.CHECKPOINT_SIGNATURE);
            assertThat(f.treeSize()).isEqualTo(size);
        });
        List<Finding> rootReplaced = tampered(db -> db.update(
                "UPDATE log_checkpoint SET root_hash = ? WHERE tree_size = ?", new byte[32], size));
        assertThat(rootReplaced).anyMatch(f -> f.check() == Check.CHECKPOINT_SIGNATURE && f.treeSize() == size);
    }

    @Test
    void exposesTheLastReportToAuditorsOnly() {
        web.post().uri("/api/v1/audit/self-audit")
                .headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.findingCount").isEqualTo(0)
                .jsonPath("$.entriesChecked").value(n -> assertThat(((Number) n).longValue()).isPositive());
        web.get().uri("/api/v1/audit/self-audit")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange()
                .expectStatus().isForbidden();
    }

    /** Applies {@code tamper}, runs the self-audit on the tampered data, then rolls it all back. */
    private List<Finding> tampered(Consumer<JdbcTemplate> tamper) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<Finding> findings = tx.execute(status -> {
            tamper.accept(jdbc);
            List<Finding> found = selfAudit.run().findings();
            status.setRollbackOnly();
            return found;
        });
        assertThat(selfAudit.run().findings()).as("findings after rolling the tamper back").isEmpty();
        return findings;
    }

    private byte[] canonical(UUID id) {
        return jdbc.queryForObject("SELECT canonical FROM ledger_entry WHERE entry_id = ?", byte[].class, id);
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            // Jackson 2, as ledger-core's canonical JSON takes its trees.
            return new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
