package uk.gov.accessledger.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import uk.gov.accessledger.api.audit.SelfAudit;
import uk.gov.accessledger.api.audit.SelfAuditReport.Check;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.chain.AccessDetails;

/**
 * A ledger that already holds an entry whose time is out of range (issue 16, item 1): the code
 * before the bounds accepted any year ({@code occurredAt: -999999999-01-01T00:00:00Z}), and its
 * read model then held another {@code happened_at} than the canonical bytes. Such an entry can
 * never be removed, so every
 * query must still answer, serving the time its canonical bytes hold; the self-audit names the
 * column that disagrees with them. The entry is recorded as that code did, past the request parser,
 * through the real recorder, event store and projection.
 */
abstract class OutOfRangeEntryContract extends ApiTestSupport {

    @Autowired
    EntryRecorder recorder;

    @Autowired
    SelfAudit selfAudit;

    /**
     * A time the old code accepted and this database then stored as another: the read model's
     * column disagrees with the canonical bytes.
     */
    abstract Instant outOfRange();

    private String citizen;
    private UUID poisoned;

    @BeforeEach
    void recordAnEntryAsTheOldCodeDid() throws Exception {
        citizen = nhsNumber();
        String good = postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asString();
        String subject = jdbc.queryForObject("SELECT subject FROM ledger_entry WHERE entry_id = ?", String.class,
                UUID.fromString(good));
        poisoned = UUID.randomUUID();
        AccessDetails details = new AccessDetails(TestServices.GP_ORG, TestServices.GP, "GP", null, "dpv:Consult",
                List.of("pd:HealthRecord"), "al:DirectCare", "ukgdpr:9.2.h", null, null, outOfRange(), false, false,
                null, null);
        recorder.record(List.of(new ParsedEntry(poisoned, subject, details, List.of(), new byte[32], "")));
        OffsetDateTime column = jdbc.queryForObject("SELECT happened_at FROM ledger_entry WHERE entry_id = ?",
                OffsetDateTime.class, poisoned);
        assertThat(column.toInstant()).as("the read model holds a time other than the signed one")
                .isNotEqualTo(outOfRange());
        awaitLogged();
    }

    @Test
    void everyQueryStillAnswersAndServesTheSignedTime() {
        JsonNode summary = auditor("/api/v1/audit/summary").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(summary.get("entries").asLong()).isEqualTo(count("ledger_entry"));
        auditor("/api/v1/audit/summary?from=2026-01-01&to=2026-12-31").expectStatus().isOk();
        auditor("/api/v1/audit/policy-exceptions").expectStatus().isOk();
        auditor("/api/v1/audit/entries.csv").expectStatus().isOk();
        auditor("/api/v1/audit/entries.jsonl").expectStatus().isOk();
        auditor("/api/v1/audit/export").expectStatus().isOk();

        JsonNode history = citizenGetOk(citizen, "/api/v1/me/entries");
        assertThat(history.get("entries")).hasSize(2);
        JsonNode served = citizenGetOk(citizen, "/api/v1/me/entries/" + poisoned).get("entry");
        assertThat(Instant.parse(served.get("happenedAt").asString()))
                .isEqualTo(Instant.parse(served.at("/entry/occurredAt").asString()));
        assertThat(Instant.parse(served.get("happenedAt").asString())).isEqualTo(outOfRange());
        citizenGetOk(citizen, "/api/v1/me/entries?from=1970-01-01&to=9999-12-31");
        JsonNode organisation = web.get().uri("/api/v1/organisation/entries")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(organisation.get("entries")).anySatisfy(e -> {
            assertThat(e.get("id").asString()).isEqualTo(poisoned.toString());
            assertThat(Instant.parse(e.get("happenedAt").asString())).isEqualTo(outOfRange());
        });
    }

    @Test
    void theSelfAuditNamesTheColumnThatDisagreesWithTheSignedBytes() {
        assertThat(selfAudit.run().findings()).anySatisfy(f -> {
            assertThat(f.check()).isEqualTo(Check.ENTRY_COLUMNS);
            assertThat(f.entryId()).isEqualTo(poisoned);
            assertThat(f.detail()).contains("happened_at");
        });
        web.post().uri("/api/v1/audit/self-audit").headers(h -> h.setBearerAuth(TestTokens.get().auditor()))
                .exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec auditor(String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange();
}
}
