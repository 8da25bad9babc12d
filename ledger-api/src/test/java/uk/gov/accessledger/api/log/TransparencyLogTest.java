package uk.gov.accessledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.EntryBundle;
import uk.gov.accessledger.logformat.NoteVerifier;
import uk.gov.accessledger.logformat.TlogProof;
import uk.gov.accessledger.merkle.ProofVerificationException;
import uk.gov.accessledger.merkle.ProofVerifier;
import uk.gov.accessledger.merkle.Rfc6962Hasher;
import uk.gov.accessledger.testonly.ReferenceTree;

/** The transparency log end to end: sequencing, checkpoints, tiles, proofs and receipts. */
class TransparencyLogTest extends ApiTestSupport {

    private static final Rfc6962Hasher H = Rfc6962Hasher.DEFAULT;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "log");
    }

    @Autowired
    LogSequencer sequencer;

    @Autowired
    LogReconciliation reconciliation;

    private NoteVerifier key;

    @BeforeEach
    void readKey() {
        String vkey = web.get().uri("/log/key").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody().trim();
        key = NoteVerifier.parse(vkey);
        assertThat(key.name()).isEqualTo(LOG_ORIGIN);
    }

    @Test
    void givesEveryEntryOneLeafAndSignsConsistentCheckpoints() throws Exception {
        for (int batch = 0; batch < 3; batch++) {
            postOk(TestServices.GP, "/api/v1/entries/batch", batchOfAccesses(120));
            sequencer.sequenceOnce();
        }
        for (int i = 0; i < 7; i++) {
            postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        }
        sequencer.sequenceOnce();

        Checkpoint latest = latestCheckpoint();
        long entries = count("ledger_entry");
        assertThat(latest.size()).isEqualTo(entries);
        assertThat(count("log_pending")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT entry_id) FROM log_leaf", Long.class)).isEqualTo(entries);
        assertThat(jdbc.queryForObject("SELECT MAX(leaf_index) FROM log_leaf", Long.class)).isEqualTo(entries - 1);

        List<byte[]> leaves = storedLeafHashesInLogOrder();
        List<Map<String, Object>> checkpoints = jdbc.queryForList(
                "SELECT tree_size, root_hash, note FROM log_checkpoint ORDER BY tree_size");
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(5);
        Checkpoint previous = null;
        for (Map<String, Object> row : checkpoints) {
            Checkpoint c = Checkpoint.open((String) row.get("note"), key);
            assertThat(c.rootHash()).as("root of checkpoint " + c.size())
                    .isEqualTo(ReferenceTree.ofLeafHashes(leaves.subList(0, (int) c.size())).root());
            if (previous != null && previous.size() > 0) {
                JsonNode proof = getJson("/api/v1/log/proof/consistency?from=" + previous.size() + "&to=" + c.size());
                ProofVerifier.verifyConsistency(H, previous.size(), c.size(), hashes(proof.get("proof")),
                        previous.rootHash(), c.rootHash());
            }
            previous = c;
        }
    }

    @Test
    void servesTilesFromWhichAnyoneCanRebuildTheRoot() throws Exception {
        postOk(TestServices.DWP, "/api/v1/entries/batch", batchOfAccesses(300).toString().replace("al:DirectCare",
                "al:BenefitEligibility").replace("ukgdpr:9.2.h", "ukgdpr:6.1.e"));
        sequencer.sequenceOnce();
        Checkpoint c = latestCheckpoint();
        long size = c.size();
        List<byte[]> leaves = new ArrayList<>();
        for (long n = 0; n * 256 < size; n++) {
            long width = Math.min(256, size - n * 256);
            String path = "/log/tile/0/" + tileIndex(n) + (width < 256 ? ".p/" + width : "");
            byte[] tile = web.get().uri(path).exchange().expectStatus().isOk()
                    .expectHeader().valueMatches("Cache-Control", ".*immutable.*")
                    .expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(tile).hasSize((int) width * 32);
            for (int i = 0; i < width; i++) {
                leaves.add(Arrays.copyOfRange(tile, i * 32, i * 32 + 32));
            }
        }
        assertThat(ReferenceTree.ofLeafHashes(leaves).root()).isEqualTo(c.rootHash());
        // A level-1 tile holds the roots of whole level-0 tiles.
        byte[] level1 = web.get().uri("/log/tile/1/000.p/" + (size / 256)).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Arrays.copyOfRange(level1, 0, 32)).isEqualTo(ReferenceTree.ofLeafHashes(leaves.subList(0, 256)).root());
        // Nothing the checkpoint does not cover, and no malformed paths.
        web.get().uri("/log/tile/0/" + tileIndex(size / 256) + ".p/" + (size % 256 + 1)).exchange()
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/log/tile/0/1234").exchange().expectStatus().isNotFound();
        web.get().uri("/log/tile/0/000.p/0").exchange().expectStatus().isNotFound();
    }

    @Test
    void answersInclusionProofsThatVerifyAndRejectsOutOfRangeRequests() throws Exception {
        postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        sequencer.sequenceOnce();
        Checkpoint c = latestCheckpoint();
        for (long index : new long[] {0, c.size() / 2, c.size() - 1}) {
            JsonNode proof = getJson("/api/v1/log/proof/inclusion?index=" + index + "&size=" + c.size());
            assertThat(Base64.getDecoder().decode(proof.get("rootHash").asString())).isEqualTo(c.rootHash());
            ProofVerifier.verifyInclusion(H, index, c.size(), Base64.getDecoder().decode(proof.get("leafHash").asString()),
                    hashes(proof.get("proof")), c.rootHash());
        }
        badProof("/api/v1/log/proof/inclusion?index=" + c.size() + "&size=" + c.size(), "index");
        badProof("/api/v1/log/proof/inclusion?index=0&size=" + (c.size() + 1), "size");
        badProof("/api/v1/log/proof/inclusion?index=-1&size=1", "index");
        badProof("/api/v1/log/proof/inclusion?size=1", "index");
        badProof("/api/v1/log/proof/consistency?from=0&to=1", "from");
        badProof("/api/v1/log/proof/consistency?from=2&to=1", "from");
        badProof("/api/v1/log/proof/consistency?from=1&to=x", "to");

        // A checkpoint signed after the last proof request serves proofs at once.
        postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        sequencer.sequenceOnce();
        Checkpoint newer = latestCheckpoint();
        assertThat(newer.size()).isGreaterThan(c.size());
        JsonNode latest = getJson("/api/v1/log/proof/inclusion?index=" + c.size() + "&size=" + newer.size());
        assertThat(Base64.getDecoder().decode(latest.get("rootHash").asString())).isEqualTo(newer.rootHash());
        ProofVerifier.verifyInclusion(H, c.size(), newer.size(),
                Base64.getDecoder().decode(latest.get("leafHash").asString()), hashes(latest.get("proof")),
                newer.rootHash());

        // At a size no checkpoint has, the root is recomputed from the stored nodes.
        long smaller = c.size() - 1;
        byte[] root = ReferenceTree.ofLeafHashes(storedLeafHashesInLogOrder().subList(0, (int) smaller)).root();
        JsonNode older = getJson("/api/v1/log/proof/inclusion?index=0&size=" + smaller);
        assertThat(Base64.getDecoder().decode(older.get("rootHash").asString())).isEqualTo(root);
        ProofVerifier.verifyInclusion(H, 0, smaller, Base64.getDecoder().decode(older.get("leafHash").asString()),
                hashes(older.get("proof")), root);
        JsonNode consistency = getJson("/api/v1/log/proof/consistency?from=" + smaller + "&to=" + newer.size());
        ProofVerifier.verifyConsistency(H, smaller, newer.size(), hashes(consistency.get("proof")), root,
                newer.rootHash());
    }

    @Test
    void holdsTheReceiptUntilInclusionAndReturnsAVerifiableTlogProof() throws Exception {
        JsonNode receipt = post(TestServices.GP, "/api/v1/entries?wait=inclusion", access(nhsNumber()))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        TlogProof proof = TlogProof.parse(receipt.get("tlogProof").asString());
        assertThat(proof.index()).isEqualTo(receipt.get("leafIndex").asLong());
        Checkpoint c = proof.openCheckpoint(key);
        ProofVerifier.verifyInclusion(H, proof.index(), c.size(),
                HexFormat.of().parseHex(receipt.get("leafHash").asString()), proof.inclusionProof(), c.rootHash());

        // A request of one entry: its receipt covers it alone, with an empty proof.
        assertThat(receipt.get("receiptIndex").asInt()).isZero();
        assertThat(receipt.get("receiptProof")).isEmpty();
        assertThat(verifiedReceipt(receipt).size()).isEqualTo(1);
        post(TestServices.GP, "/api/v1/entries?wait=soon", access(nhsNumber())).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("wait");
    }

    @Test
    void signsOneReceiptForABatchInWhichEveryEntryProvesItsPlace() throws Exception {
        JsonNode receipts = postOk(TestServices.GP, "/api/v1/entries/batch", batchOfAccesses(5)).get("receipts");

        String note = receipts.get(0).get("signedNote").asString();
        for (int i = 0; i < 5; i++) {
            JsonNode receipt = receipts.get(i);
            assertThat(receipt.get("signedNote").asString()).isEqualTo(note);
            assertThat(receipt.get("receiptIndex").asInt()).isEqualTo(i);
            assertThat(verifiedReceipt(receipt).size()).isEqualTo(5);
        }
        // The proof of one entry does not prove another, nor the same entry at another time.
        ObjectNode swapped = ((ObjectNode) receipts.get(1).deepCopy()).put("id", receipts.get(2).get("id").asString());
        assertThatThrownBy(() -> verifiedReceipt(swapped)).isInstanceOf(ProofVerificationException.class);
        ObjectNode later = ((ObjectNode) receipts.get(1).deepCopy()).put("recordedAt",
                Instant.parse(receipts.get(1).get("recordedAt").asString()).plusMillis(1).toString());
        assertThatThrownBy(() -> verifiedReceipt(later)).isInstanceOf(ProofVerificationException.class);
    }

    @Test
    void servesEntryBundlesOnlyToAuditors() {
        postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()));
        sequencer.sequenceOnce();
        long size = latestCheckpoint().size();
        String path = "/log/tile/entries/000" + (size < 256 ? ".p/" + size : "");
        web.get().uri(path).exchange().expectStatus().isUnauthorized();
        web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().citizen(nhsNumber()))).exchange()
                .expectStatus().isForbidden();
        web.get().uri(path).headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP)))
                .exchange().expectStatus().isForbidden();
        byte[] bundle = web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        List<byte[]> entries = EntryBundle.decode(bundle, (int) Math.min(size, 256));
        List<byte[]> leaves = storedLeafHashesInLogOrder();
        for (int i = 0; i < entries.size(); i++) {
            assertThat(ReferenceTree.leafHash(entries.get(i))).isEqualTo(leaves.get(i));
        }
    }

    @Test
    void givesACitizenTheProofOfTheirOwnEntryOnly() throws Exception {
        String citizen = nhsNumber();
        String id = postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asString();
        sequencer.sequenceOnce();
        JsonNode view = citizenGetOk(citizen, "/api/v1/me/entries").get("entries").get(0);
        assertThat(view.get("leafIndex").asLong()).isGreaterThanOrEqualTo(0);
        String text = citizenGet(citizen, "/api/v1/me/entries/" + id + "/proof").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        TlogProof proof = TlogProof.parse(text);
        assertThat(proof.index()).isEqualTo(view.get("leafIndex").asLong());
        Checkpoint c = proof.openCheckpoint(key);
        ProofVerifier.verifyInclusion(H, proof.index(), c.size(), HexFormat.of().parseHex(view.get("leafHash").asString()),
                proof.inclusionProof(), c.rootHash());
        citizenGet(nhsNumber(), "/api/v1/me/entries/" + id + "/proof").expectStatus().isNotFound();
    }

    @Test
    void reconciliationQueuesAnEntryThatHasNoLeafAndNoQueueRow() {
        String citizen = nhsNumber();
        String id = postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asString();
        sequencer.sequenceOnce();
        // Simulate a restore that brought back an entry without its leaf or queue row.
        UUID lost = UUID.randomUUID();
        jdbc.update("INSERT INTO ledger_entry (entry_id, subject, seq, kind, happened_at, recorded_at,"
                + " policy_exception, leaf_hash, request_hash, canonical) SELECT ?, subject, 99, kind, happened_at,"
                + " recorded_at, policy_exception, leaf_hash, request_hash, canonical FROM ledger_entry"
                + " WHERE entry_id = ?", lost, UUID.fromString(id));
        assertThat(reconciliation.reconcile()).isEqualTo(1);
        assertThat(reconciliation.reconcile()).isZero();
        sequencer.sequenceOnce();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf WHERE entry_id = ?", Long.class, lost))
                .isEqualTo(1);
    }

    private Checkpoint latestCheckpoint() {
        String note = web.get().uri("/log/checkpoint").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();
        try {
            return Checkpoint.open(note, key);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<byte[]> storedLeafHashesInLogOrder() {
        return jdbc.query("SELECT e.canonical FROM log_leaf l JOIN ledger_entry e ON e.entry_id = l.entry_id"
                + " ORDER BY l.leaf_index", (rs, n) -> ReferenceTree.leafHash(rs.getBytes(1)));
    }

    private JsonNode getJson(String path) {
        return web.get().uri(path).exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }

    private void badProof(String path, String parameter) {
        web.get().uri(path).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo(parameter);
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(h -> out.add(Base64.getDecoder().decode(h.asString())));
        return out;
    }

    private static String tileIndex(long n) {
        return String.format("%03d", n);
    }
}
