package uk.gov.accessledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.bundle.BundleFormat;
import uk.gov.accessledger.testonly.ReferenceTree;

/**
 * The auditor's exports and figures, and who may not see them; run on H2 and on PostgreSQL, whose
 * driver reads the exports' rows in binary form.
 */
abstract class AuditApiContract extends ApiTestSupport {

    @BeforeEach
    void recordSomeEntries() {
        if (count("ledger_entry") > 0) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()).put("staffRole", "GP, locum \"Dr A\""));
        }
        for (int i = 0; i < 3; i++) {
            postOk(TestServices.DWP, "/api/v1/entries", access(nhsNumber()).put("purpose", "al:BenefitEligibility")
                    .put("legalBasis", "ukgdpr:6.1.e"));
        }
        // Not registered for this purpose: a policy exception.
        postOk(TestServices.DWP, "/api/v1/entries", access(nhsNumber()).put("purpose", "al:TaxCollection")
                .put("legalBasis", "ukgdpr:6.1.e"));
    }

    @Test
    void streamsCsvWithAHeaderLabelsAndQuotedFields() {
        String csv = auditor("/api/v1/audit/entries.csv").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"entries.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertThat(lines.get(0)).isEqualTo(String.join(",", BundleFormat.CSV_COLUMNS));
        assertThat(lines).hasSize(1 + 8);
        assertThat(csv).contains("\"GP, locum \"\"Dr A\"\"\"")
                .contains("Riverside").contains("looked at");
    }

    @Test
    void exportsCarryTheStoredValuesOfEveryEntry() throws Exception {
        awaitLogged();
        String[] csv = auditor("/api/v1/audit/entries.csv").expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody().split("\r\n");
        String[] jsonl = new String(auditor("/api/v1/audit/entries.jsonl").expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody(), StandardCharsets.UTF_8).split("\n");
        assertThat(csv).hasSize(1 + 8);
        assertThat(jsonl).hasSize(8);
        for (int i = 0; i < 8; i++) {
            // The first five and the last three cells never hold a comma.
            String line = csv[1 + i];
            String[] first = line.split(",", 6);
            int third = line.lastIndexOf(',', line.lastIndexOf(',', line.lastIndexOf(',') - 1) - 1);
            String[] last = line.substring(third + 1).split(",");
            UUID id = UUID.fromString(first[1]);
            Map<String, Object> stored = jdbc.queryForMap("SELECT e.kind, e.recorded_at, e.happened_at,"
                    + " e.subject, e.seq, e.leaf_hash, e.canonical, l.leaf_index FROM ledger_entry e"
                    + " JOIN log_leaf l ON l.entry_id = e.entry_id WHERE e.entry_id = ?", id);
            assertThat(first[0]).isEqualTo(stored.get("leaf_index").toString());
            assertThat(first[2]).isEqualTo(stored.get("kind"));
            assertThat(Instant.parse(first[3])).isEqualTo(instant(stored.get("recorded_at")));
            assertThat(Instant.parse(first[4])).isEqualTo(instant(stored.get("happened_at")));
            assertThat(last).containsExactly((String) stored.get("subject"), stored.get("seq").toString(),
                    HexFormat.of().formatHex((byte[]) stored.get("leaf_hash")));
            assertThat(jsonl[i]).as("the JSON line in the same order as the CSV row").isEqualTo("{\"entry\":"
                    + new String((byte[]) stored.get("canonical"), StandardCharsets.UTF_8) + ",\"leafIndex\":"
                    + stored.get("leaf_index") + "}");
        }
    }

    private static Instant instant(Object timestamp) {
        return timestamp instanceof OffsetDateTime t ? t.toInstant()
                : ((Timestamp) timestamp).toInstant();
    }

    @Test
    void filtersByOrganisationAndPolicyException() {
        String dwp = auditor("/api/v1/audit/entries.csv?organisation=dwp").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(dwp.split("\r\n")).hasSize(1 + 4);
        String flagged = auditor("/api/v1/audit/entries.csv?policyException=true").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(flagged.split("\r\n")).hasSize(2);
        assertThat(flagged).contains("purpose-not-registered-for-service");
    }

    @Test
    void streamsJsonLinesWithTheExactCanonicalBytes() {
        byte[] body = auditor("/api/v1/audit/entries.jsonl?organisation=nhs-gp-riverside").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("application", "jsonl"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        for (String line : lines) {
            assertThat(line).startsWith("{\"entry\":{");
            String canonical = line.substring("{\"entry\":".length(), line.lastIndexOf(",\"leafIndex\":"));
            byte[] leaf = ReferenceTree.leafHash(canonical.getBytes(StandardCharsets.UTF_8));
            String id = readTree(canonical).get("id").asString();
            assertThat(jdbc.queryForObject("SELECT leaf_hash FROM ledger_entry WHERE entry_id = ?", byte[].class,
                    UUID.fromString(id))).as(HexFormat.of().formatHex(leaf)).isEqualTo(leaf);
        }
    }

    @Test
    void summarisesByOrganisationPurposeLegalBasisAndMonth() {
        JsonNode summary = auditor("/api/v1/audit/summary").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(summary.get("entries").asLong()).isEqualTo(8);
        assertThat(summary.get("byOrganisation").get("dwp").asLong()).isEqualTo(4);
        assertThat(summary.get("byOrganisation").get("nhs-gp-riverside").asLong()).isEqualTo(4);
        assertThat(summary.get("byPurpose").get("al:BenefitEligibility").asLong()).isEqualTo(3);
        assertThat(summary.get("byLegalBasis").get("ukgdpr:9.2.h").asLong()).isEqualTo(4);
        assertThat(summary.get("policyExceptions").asLong()).isEqualTo(1);
        long months = 0;
        for (JsonNode n : summary.get("byMonth")) {
            months += n.asLong();
        }
        assertThat(months).isEqualTo(8);
        assertThat(summary.get("byMonth").propertyNames().iterator().next()).matches("\\d{4}-\\d{2}");
    }

    @Test
    void listsPolicyExceptions() {
        JsonNode page = auditor("/api/v1/audit/policy-exceptions").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(page.get("entries")).hasSize(1);
        assertThat(page.get("entries").get(0).get("policyException").asBoolean()).isTrue();
    }

    @Test
    void refusesEveryoneButAuditors() {
        for (String path : new String[] {"/api/v1/audit/entries.csv", "/api/v1/audit/entries.jsonl",
                "/api/v1/audit/summary", "/api/v1/audit/policy-exceptions", "/api/v1/audit/self-audit"}) {
            web.get().uri(path).exchange().expectStatus().isUnauthorized();
            web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().citizen(nhsNumber()))).exchange()
                    .expectStatus().isForbidden();
            web.get().uri(path).headers(h -> h.setBasicAuth(TestServices.DWP, TestServices.secret(TestServices.DWP)))
                    .exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void namesBadFilters() {
        auditor("/api/v1/audit/entries.csv?organisation=nope&from=2026-13-01&policyException=maybe&colour=red")
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.parameter == 'organisation')]").exists()
                .jsonPath("$.errors[?(@.parameter == 'from')]").exists()
                .jsonPath("$.errors[?(@.parameter == 'policyException')]").exists()
                .jsonPath("$.errors[?(@.parameter == 'colour')]").exists();
    }

    private WebTestClient.ResponseSpec auditor(String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange();
    }

    private static JsonNode readTree(String json) {
        return JSON.readTree(json);
    }
}
