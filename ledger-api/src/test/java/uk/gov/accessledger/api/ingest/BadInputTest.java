package uk.gov.accessledger.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * Every kind of bad input gets a 4xx problem+json that names the field, and stores nothing:
 * neither an event nor a read-model row.
 */
class BadInputTest extends ApiTestSupport {

    private static final String P = "urn:access-ledger:problem:";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "bad-input");
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(
                bad("missing id", e -> e.remove("id"), "/id"),
                bad("id not a UUID", e -> e.put("id", "entry-1"), "/id"),
                bad("missing kind", e -> e.remove("kind"), "/kind"),
                bad("unknown kind", e -> e.put("kind", "deletion"), "/kind"),
                bad("concern sent by a service", e -> e.put("kind", "concern"), "/kind"),
                bad("missing subject", e -> e.remove("subject"), "/subject"),
                bad("subject not an object", e -> e.put("subject", "9434765919"), "/subject"),
                bad("unknown scheme", e -> ((ObjectNode) e.get("subject")).put("scheme", "passport"),
                        "/subject/scheme"),
                bad("NHS number with a wrong check digit", e -> ((ObjectNode) e.get("subject")).put("id", "9434765918"),
                        "/subject/id"),
                bad("NHS number too short", e -> ((ObjectNode) e.get("subject")).put("id", "943476591"),
                        "/subject/id"),
                bad("NINO with a forbidden prefix", e -> ((ObjectNode) e.get("subject")).put("scheme", "nino")
                        .put("id", "QQ123456C"), "/subject/id"),
                bad("NINO with a bad suffix", e -> ((ObjectNode) e.get("subject")).put("scheme", "nino")
                        .put("id", "AB123456E"), "/subject/id"),
                bad("unknown field in subject", e -> ((ObjectNode) e.get("subject")).put("name", "Jo"),
                        "/subject/name"),
                bad("unknown purpose", e -> e.put("purpose", "dpv:Marketing"), "/purpose"),
                bad("unknown legal basis", e -> e.put("legalBasis", "ukgdpr:6.1.z"), "/legalBasis"),
                bad("unknown action", e -> e.put("action", "dpv:Sell"), "/action"),
                bad("unknown data category", e -> e.putArray("dataCategories").add("pd:HealthRecord")
                        .add("pd:ShoeSize"), "/dataCategories/1"),
                bad("empty data categories", e -> e.putArray("dataCategories"), "/dataCategories"),
                bad("repeated data category", e -> e.putArray("dataCategories").add("pd:Name").add("pd:Name"),
                        "/dataCategories/1"),
                bad("missing staff role", e -> e.remove("staffRole"), "/staffRole"),
                bad("blank staff role", e -> e.put("staffRole", "  "), "/staffRole"),
                bad("staff role too long", e -> e.put("staffRole", "x".repeat(101)), "/staffRole"),
                bad("control character", e -> e.put("justification", "a\u0000b"), "/justification"),
                bad("purpose of the wrong type", e -> e.put("purpose", 7), "/purpose"),
                bad("emergency not a boolean", e -> e.put("emergency", "yes"), "/emergency"),
                bad("occurredAt not a timestamp", e -> e.put("occurredAt", "yesterday"), "/occurredAt"),
                bad("occurredAt in the future", e -> e.put("occurredAt",
                        Instant.now().plus(1, ChronoUnit.DAYS).toString()), "/occurredAt"),
                bad("discloseAfter without a reason", e -> e.put("discloseAfter", "2030-01-01"),
                        "/discloseAfterReason"),
                bad("discloseAfter not a date", e -> e.put("discloseAfter", "soon")
                        .put("discloseAfterReason", "x"), "/discloseAfter"),
                bad("unknown field", e -> e.put("organisation", "dwp"), "/organisation"),
                bad("sharing decision for two other organisations", e -> e.put("kind", "sharing-decision")
                        .put("requestingOrganisation", "dwp").put("holdingOrganisation", "hmrc")
                        .put("decision", "approved").put("decidedByRole", "IG lead")
                        .put("decidedAt", Instant.now().minusSeconds(60).toString()), "/holdingOrganisation"),
                bad("correction without corrects", e -> {
                    e.removeAll();
                    e.put("id", UUID.randomUUID().toString()).put("kind", "correction")
                            .put("mode", "annotate").put("reason", "typo");
                    e.putObject("subject").put("scheme", "nhs-number").put("id", nhsNumber());
                }, "/corrects"));
    }

    private static Arguments bad(String description, Consumer<ObjectNode> breakIt, String pointer) {
        return Arguments.of(description, breakIt, pointer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void rejectsABadEntryNamingTheFieldAndStoresNothing(String description, Consumer<ObjectNode> breakIt,
                                                        String pointer) {
        ObjectNode entry = access(nhsNumber());
        breakIt.accept(entry);
        long[] before = stored();
        post(TestServices.GP, "/api/v1/entries", entry).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(P + "invalid-request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.pointer == '" + pointer + "')]").exists();
        assertThat(stored()).containsExactly(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void rejectsAWholeBatchWhenOneEntryIsBadAndStoresNothing(String description, Consumer<ObjectNode> breakIt,
                                                              String pointer) {
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode entries = batch.putArray("entries");
        entries.add(access(nhsNumber())).add(access(nhsNumber()));
        ObjectNode broken = access(nhsNumber());
        breakIt.accept(broken);
        entries.add(broken);
        long[] before = stored();
        post(TestServices.GP, "/api/v1/entries/batch", batch).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(P + "invalid-request")
                .jsonPath("$.errors[?(@.pointer == '/entries/2" + pointer + "')]").exists();
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsMalformedJsonSayingWhere() {
        long[] before = stored();
        post(TestServices.GP, "/api/v1/entries", "{\"id\": \"x\",\n \"kind\": }").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(P + "malformed-json")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("line 2"))
                .jsonPath("$.errors[0].pointer").isEqualTo("");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsDuplicateKeysAsMalformed() {
        String body = access(nhsNumber()).toString().replaceFirst("\\{", "{\"kind\":\"access\",");
        post(TestServices.GP, "/api/v1/entries", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(P + "malformed-json");
    }

    @Test
    void rejectsAnEmptyBody() {
        web.post().uri("/api/v1/entries")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP)))
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo(P + "malformed-json")
                .jsonPath("$.errors[0].pointer").isEqualTo("");
    }

    @Test
    void rejectsAWhitespaceOnlyBodyAsMalformedInSingleAndBatch() {
        long[] before = stored();
        for (String path : List.of("/api/v1/entries", "/api/v1/entries/batch")) {
            post(TestServices.GP, path, " \n").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo(P + "malformed-json")
                    .jsonPath("$.errors[0].pointer").isEqualTo("");
        }
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsAWrongContentTypeWith415() {
        long[] before = stored();
        web.post().uri("/api/v1/entries")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP)))
                .contentType(MediaType.TEXT_PLAIN).bodyValue(access(nhsNumber()).toString()).exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(P + "unsupported-media-type")
                .jsonPath("$.errors[0].detail").value(d -> assertThat((String) d).contains("Content-Type"));
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsAnOversizeSingleEntryWith413() {
        ObjectNode entry = access(nhsNumber()).put("justification", "x".repeat(70_000));
        long[] before = stored();
        post(TestServices.GP, "/api/v1/entries", entry).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(P + "body-too-large");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsABodyOverTheCodecLimitWith413() {
        String huge = "{\"entries\":[" + ("\"" + "x".repeat(1_000) + "\",").repeat(4_500) + "1]}";
        post(TestServices.GP, "/api/v1/entries/batch", huge).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(P + "body-too-large");
    }

    @Test
    void rejectsABatchOfMoreThan1000EntriesAndStoresNothing() {
        ObjectNode batch = batchOfAccesses(1001);
        long[] before = stored();
        post(TestServices.GP, "/api/v1/entries/batch", batch).expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo(P + "batch-too-large")
                .jsonPath("$.errors[0].pointer").isEqualTo("/entries");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsAnEmptyBatchAndUnknownBatchFields() {
        post(TestServices.GP, "/api/v1/entries/batch", "{\"entries\":[],\"note\":1}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.pointer == '/entries')]").exists()
                .jsonPath("$.errors[?(@.pointer == '/note')]").exists();
    }

    @Test
    void rejectsABatchThatRepeatsAnIdAndStoresNothing() {
        ObjectNode batch = JSON.createObjectNode();
        ObjectNode entry = access(nhsNumber());
        batch.putArray("entries").add(entry).add(access(nhsNumber())).add(entry.deepCopy());
        long[] before = stored();
        post(TestServices.GP, "/api/v1/entries/batch", batch).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/entries/2/id");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsBadQueryParametersByName() {
        citizenGet(nhsNumber(), "/api/v1/me/entries?limit=0&from=yesterday&cursor=bm9wZQ").expectStatus()
                .isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.parameter == 'limit')]").exists()
                .jsonPath("$.errors[?(@.parameter == 'from')]").exists()
                .jsonPath("$.errors[?(@.parameter == 'cursor')]").exists();
    }

    @Test
    void rejectsABadConcernAndStoresNothing() {
        String citizen = nhsNumber();
        String id = postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asString();
        long[] before = stored();
        web.post().uri("/api/v1/me/entries/" + id + "/concerns")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"message\":\"\",\"urgent\":true}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.pointer == '/message')]").exists()
                .jsonPath("$.errors[?(@.pointer == '/urgent')]").exists();
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        web.get().uri("/api/v1/entries/nothing-here")
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(P + "not-found");
    }
}
