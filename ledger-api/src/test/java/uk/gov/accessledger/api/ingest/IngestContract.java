package uk.gov.accessledger.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;
import uk.gov.accessledger.testonly.ReferenceTree;

/** Ingest and history behaviour; run on H2 and on PostgreSQL by the two subclasses. */
abstract class IngestContract extends ApiTestSupport {

    @Autowired
    private Cache chainCache;

    private static final String ENTRIES = "/api/v1/entries";

    @Test
    void recordsAnAccessAndTheCitizenSeesItWithAVerifiableHash() throws Exception {
        String citizen = nhsNumber();
        ObjectNode request = access(citizen);
        JsonNode receipt = post(TestServices.GP, ENTRIES, request).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(receipt.get("id").asString()).isEqualTo(request.get("id").asString());
        assertThat(receipt.get("seq").asLong()).isZero();
        assertThat(receipt.get("kind").asString()).isEqualTo("access");

        JsonNode page = citizenGetOk(citizen, "/api/v1/me/entries");
        assertThat(page.get("entries")).hasSize(1);
        JsonNode entry = page.get("entries").get(0);
        byte[] canonical = Base64.getDecoder().decode(entry.get("canonical").asString());
        assertThat(HexFormat.of().formatHex(ReferenceTree.leafHash(canonical))).isEqualTo(receipt.get("leafHash").asString());
        assertThat(entry.get("entry").get("organisation").asString()).isEqualTo(TestServices.GP_ORG);
        assertThat(entry.get("entry").has("prev")).isFalse();
        assertThat(entry.get("labels").get("al:DirectCare").get("description").asString()).isNotBlank();
        assertThat(new String(canonical, StandardCharsets.UTF_8)).doesNotContain(citizen);
    }

    @Test
    void refusesAControlCharacterInAListFilterNamingItInsteadOfFailing() {
        String citizen = nhsNumber();
        post(TestServices.GP, ENTRIES, access(citizen)).expectStatus().isCreated();
        for (String filter : List.of("kind", "organisation", "purpose", "action")) {
            web.get().uri(b -> b.path("/api/v1/me/entries").queryParam(filter, "\u0000").build())
                    .headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen))).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:access-ledger:problem:invalid-request")
                    .jsonPath("$.errors[0].parameter").isEqualTo(filter);
            web.get().uri(b -> b.path("/api/v1/organisation/entries").queryParam(filter, "a\u0001").build())
                    .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo(filter);
        }
    }

    @Test
    void chainsEachSubjectsEntriesBySeqAndPreviousLeafHash() {
        String citizen = nhsNumber();
        JsonNode first = postOk(TestServices.GP, ENTRIES, access(citizen));
        JsonNode second = postOk(TestServices.DWP, ENTRIES, dwpAccess(citizen));
        JsonNode third = postOk(TestServices.GP, ENTRIES, access(citizen));
        assertThat(second.get("seq").asLong()).isEqualTo(1);
        assertThat(third.get("seq").asLong()).isEqualTo(2);

        JsonNode detail = citizenGetOk(citizen, "/api/v1/me/entries/" + second.get("id").asString());
        assertThat(detail.get("entry").get("prev").asString()).isEqualTo(first.get("leafHash").asString());
        assertThat(detail.get("previous").get("leafHash").asString()).isEqualTo(first.get("leafHash").asString());
        assertThat(detail.get("next").get("prev").asString()).isEqualTo(second.get("leafHash").asString());
        assertThat(detail.get("entry").get("entry").get("seq").asLong()).isEqualTo(1);
    }

    @Test
    void repeatsTheSameReceiptForTheSameIdAndContent() {
        ObjectNode request = access(nhsNumber());
        JsonNode firstReceipt = post(TestServices.GP, ENTRIES, request).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        long[] before = stored();
        // Same content with its fields in another order is the same request.
        ObjectNode reordered = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        names.addAll(request.propertyNames());
        Collections.reverse(names);
        names.forEach(n -> reordered.set(n, request.get(n)));
        JsonNode again = post(TestServices.GP, ENTRIES, reordered).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(firstReceipt);
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void rejectsTheSameIdWithDifferentContentWith409AndStoresNothing() {
        ObjectNode request = access(nhsNumber());
        post(TestServices.GP, ENTRIES, request).expectStatus().isCreated();
        long[] before = stored();
        post(TestServices.GP, ENTRIES, request.deepCopy().put("staffRole", "Receptionist"))
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:access-ledger:problem:idempotency-conflict")
                .jsonPath("$.errors[0].pointer").isEqualTo("/id");
        // Another organisation reusing the id is a conflict too, never a replay of someone else's receipt.
        post(TestServices.DWP, ENTRIES, dwpAccess(request.get("subject").get("id").asString())
                .put("id", request.get("id").asString())).expectStatus().isEqualTo(409);
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void recordsABatchInOneGoWithReceiptsInRequestOrder() {
        String a = nhsNumber();
        String b = nhsNumber();
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode list = batch.putArray("entries");
        list.add(access(a)).add(access(b)).add(access(a)).add(access(b)).add(access(a));
        long[] before = stored();
        JsonNode receipts = post(TestServices.GP, ENTRIES + "/batch", batch).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("receipts");
        assertThat(receipts).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(receipts.get(i).get("id").asString()).isEqualTo(list.get(i).get("id").asString());
        }
        assertThat(receipts.get(0).get("seq").asLong()).isZero();
        assertThat(receipts.get(2).get("seq").asLong()).isEqualTo(1);
        assertThat(receipts.get(4).get("seq").asLong()).isEqualTo(2);
        assertThat(receipts.get(3).get("seq").asLong()).isEqualTo(1);
        assertThat(stored()[0]).isEqualTo(before[0] + 5);
        assertThat(stored()[1]).isEqualTo(before[1] + 5);
    }

    @Test
    void continuesChainsThatAreNoLongerInMemory() {
        String a = nhsNumber();
        String b = nhsNumber();
        JsonNode a0 = postOk(TestServices.GP, ENTRIES, access(a));
        JsonNode a1 = postOk(TestServices.GP, ENTRIES, access(a));
        JsonNode b0 = postOk(TestServices.GP, ENTRIES, access(b));
        // As after a restart: the batch below must read both chains from the event store.
        chainCache.removeAll();
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("entries").add(access(b)).add(access(a)).add(access(nhsNumber())).add(access(a));
        JsonNode receipts = post(TestServices.GP, ENTRIES + "/batch", batch).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("receipts");
        assertThat(receipts.get(0).get("seq").asLong()).isEqualTo(1);
        assertThat(receipts.get(1).get("seq").asLong()).isEqualTo(2);
        assertThat(receipts.get(2).get("seq").asLong()).isZero();
        assertThat(receipts.get(3).get("seq").asLong()).isEqualTo(3);
        JsonNode detail = citizenGetOk(a, "/api/v1/me/entries/" + receipts.get(1).get("id").asString());
        assertThat(detail.get("entry").get("prev").asString()).isEqualTo(a1.get("leafHash").asString());
        assertThat(citizenGetOk(b, "/api/v1/me/entries/" + receipts.get(0).get("id").asString())
                .get("entry").get("prev").asString()).isEqualTo(b0.get("leafHash").asString());
        assertThat(a0.get("seq").asLong()).isZero();
    }

    @Test
    void rollsBackTheWholeBatchWhenOneEntryFailsWhileRecording() {
        String citizen = nhsNumber();
        JsonNode existing = postOk(TestServices.GP, ENTRIES, access(citizen));
        ObjectNode batch = JSON.createObjectNode();
        ArrayNode list = batch.putArray("entries");
        list.add(access(citizen)).add(access(nhsNumber()));
        // A correction of an entry that does not exist is only found out by the chain itself.
        list.add(correction(citizen, UUID.randomUUID()));
        long[] before = stored();
        post(TestServices.GP, ENTRIES + "/batch", batch).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:access-ledger:problem:unknown-entry-reference")
                .jsonPath("$.errors[0].pointer").isEqualTo("/entries/2/corrects");
        assertThat(stored()).containsExactly(before);
        // The chain continues from what was committed: the rolled-back link left no trace.
        JsonNode next = postOk(TestServices.GP, ENTRIES, access(citizen));
        assertThat(next.get("seq").asLong()).isEqualTo(existing.get("seq").asLong() + 1);
    }

    @Test
    void givesEachOfManyConcurrentSingleRequestsItsOwnAnswer() throws Exception {
        // Concurrent single requests may be recorded together (GroupCommit); whatever the grouping,
        // a bad request fails alone, a repeated id gets the same entry, and chains stay whole.
        String citizen = nhsNumber();
        ObjectNode repeated = access(citizen);
        List<ObjectNode> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            good.add(access(i % 3 == 0 ? citizen : nhsNumber()));
        }
        List<ObjectNode> requests = new ArrayList<>(good);
        requests.add(repeated);
        requests.add(repeated);
        ObjectNode bad = correction(citizen, UUID.randomUUID());
        requests.add(bad);
        Collections.shuffle(requests);
        long[] before = stored();

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<EntityExchangeResult<JsonNode>>> answers = new ArrayList<>();
            for (ObjectNode request : requests) {
                answers.add(clients.submit(() -> post(TestServices.GP, ENTRIES, request).expectBody(JsonNode.class)
                        .returnResult()));
            }
            Map<ObjectNode, List<EntityExchangeResult<JsonNode>>> byRequest = new IdentityHashMap<>();
            for (int i = 0; i < requests.size(); i++) {
                byRequest.computeIfAbsent(requests.get(i), r -> new ArrayList<>())
                        .add(answers.get(i).get(60, TimeUnit.SECONDS));
            }
            for (ObjectNode request : good) {
                EntityExchangeResult<JsonNode> answer = byRequest.get(request).get(0);
                assertThat(answer.getStatus().value()).isEqualTo(201);
                assertThat(answer.getResponseBody().get("id").asString()).isEqualTo(request.get("id").asString());
            }
            List<EntityExchangeResult<JsonNode>> twice = byRequest.get(repeated);
            assertThat(twice).extracting(r -> r.getStatus().value()).containsExactlyInAnyOrder(201, 200);
            // The entry as first recorded; each receipt signed for its own request, and both good.
            for (String field : List.of("id", "kind", "seq", "leafHash", "recordedAt")) {
                assertThat(twice.get(0).getResponseBody().get(field)).as(field)
                        .isEqualTo(twice.get(1).getResponseBody().get(field));
            }
            verifiedReceipt(twice.get(0).getResponseBody());
            verifiedReceipt(twice.get(1).getResponseBody());
            EntityExchangeResult<JsonNode> refused = byRequest.get(bad).get(0);
            assertThat(refused.getStatus().value()).isEqualTo(422);
            assertThat(refused.getResponseBody().get("errors").get(0).get("pointer").asString()).isEqualTo("/corrects");
        } finally {
            clients.shutdownNow();
        }
        assertThat(stored()).containsExactly(before[0] + 31, before[1] + 31);
        JsonNode history = citizenGetOk(citizen, "/api/v1/me/entries?limit=50");
        List<Long> seqs = new ArrayList<>();
        history.get("entries").forEach(e -> seqs.add(e.get("entry").get("seq").asLong()));
        assertThat(seqs).containsExactly(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);
    }

    @Test
    void letsAnOrganisationCorrectOnlyItsOwnEntries() {
        String citizen = nhsNumber();
        JsonNode gpEntry = postOk(TestServices.GP, ENTRIES, access(citizen));
        UUID gpId = UUID.fromString(gpEntry.get("id").asString());
        long[] before = stored();
        post(TestServices.DWP, ENTRIES, correction(citizen, gpId)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/corrects");
        assertThat(stored()).containsExactly(before);

        JsonNode fixed = postOk(TestServices.GP, ENTRIES, correction(citizen, gpId));
        JsonNode detail = citizenGetOk(citizen, "/api/v1/me/entries/" + gpId);
        assertThat(detail.get("referredBy")).hasSize(1);
        assertThat(detail.get("referredBy").get(0).get("id").asString()).isEqualTo(fixed.get("id").asString());
    }

    @Test
    void flagsButRecordsAnAccessForAPurposeTheServiceIsNotRegisteredFor() {
        String citizen = nhsNumber();
        ObjectNode request = access(citizen).put("purpose", "al:TaxCollection").put("legalBasis", "ukgdpr:6.1.e");
        postOk(TestServices.GP, ENTRIES, request);
        JsonNode entry = citizenGetOk(citizen, "/api/v1/me/entries").get("entries").get(0);
        assertThat(entry.get("policyException").asBoolean()).isTrue();
        assertThat(entry.get("entry").get("policyExceptions").get(0).asString())
                .isEqualTo("purpose-not-registered-for-service");
        assertThat(entry.get("labels").has("purpose-not-registered-for-service")).isTrue();
    }

    @Test
    void showsACitizenOnlyTheirOwnEntries() {
        String alice = nhsNumber();
        String bob = nhsNumber();
        JsonNode alicesEntry = postOk(TestServices.GP, ENTRIES, access(alice));
        postOk(TestServices.GP, ENTRIES, access(bob));
        JsonNode bobsPage = citizenGetOk(bob, "/api/v1/me/entries");
        assertThat(bobsPage.get("entries")).hasSize(1);
        assertThat(bobsPage.get("entries").get(0).get("id").asString()).isNotEqualTo(alicesEntry.get("id").asString());
        // Guessing Alice's entry id gets the same answer as an id that does not exist.
        citizenGet(bob, "/api/v1/me/entries/" + alicesEntry.get("id").asString()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:access-ledger:problem:not-found");
        // No parameter can name another subject.
        citizenGet(bob, "/api/v1/me/entries?subject=" + alice).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("subject");
        long[] before = stored();
        web.post().uri("/api/v1/me/entries/" + alicesEntry.get("id").asString() + "/concerns")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen(bob)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message\":\"not me\"}").exchange().expectStatus().isNotFound();
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void recordsACitizensConcernInTheirOwnChain() {
        String citizen = nhsNumber();
        JsonNode entry = postOk(TestServices.GP, ENTRIES, access(citizen));
        JsonNode concern = web.post().uri("/api/v1/me/entries/" + entry.get("id").asString() + "/concerns")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message\":\"I do not recognise this appointment\"}").exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(concern.get("kind").asString()).isEqualTo("concern");
        assertThat(concern.get("seq").asLong()).isEqualTo(1);
        JsonNode detail = citizenGetOk(citizen, "/api/v1/me/entries/" + entry.get("id").asString());
        assertThat(detail.get("referredBy").get(0).get("entry").get("message").asString())
                .isEqualTo("I do not recognise this appointment");
    }

    @Test
    void showsAServiceOnlyItsOwnOrganisationsEntries() {
        String citizen = nhsNumber();
        JsonNode gp = postOk(TestServices.GP, ENTRIES, access(citizen));
        JsonNode dwp = postOk(TestServices.DWP, ENTRIES, dwpAccess(citizen));
        JsonNode page = web.get().uri("/api/v1/organisation/entries?limit=100")
                .headers(h -> h.setBasicAuth(TestServices.DWP, TestServices.secret(TestServices.DWP))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        page.get("entries").forEach(e -> {
            assertThat(e.get("entry").get("organisation").asString()).isEqualTo(TestServices.DWP_ORG);
            ids.add(e.get("id").asString());
        });
        assertThat(ids).contains(dwp.get("id").asString()).doesNotContain(gp.get("id").asString());
        web.get().uri("/api/v1/organisation/entries?organisation=" + TestServices.GP_ORG)
                .headers(h -> h.setBasicAuth(TestServices.DWP, TestServices.secret(TestServices.DWP))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("organisation");
    }

    @Test
    void pagesAndFiltersACitizensHistoryNewestFirst() {
        String citizen = nhsNumber();
        for (int i = 0; i < 5; i++) {
            postOk(TestServices.GP, ENTRIES, access(citizen));
        }
        postOk(TestServices.DWP, ENTRIES, dwpAccess(citizen));
        JsonNode first = citizenGetOk(citizen, "/api/v1/me/entries?limit=4");
        assertThat(first.get("entries")).hasSize(4);
        assertThat(first.get("entries").get(0).get("seq").asLong()).isEqualTo(5);
        JsonNode second = citizenGetOk(citizen, "/api/v1/me/entries?limit=4&cursor=" + first.get("next").asString());
        assertThat(second.get("entries")).hasSize(2);
        assertThat(second.get("entries").get(1).get("seq").asLong()).isZero();
        assertThat(second.has("next")).isFalse();
        JsonNode dwpOnly = citizenGetOk(citizen, "/api/v1/me/entries?organisation=" + TestServices.DWP_ORG);
        assertThat(dwpOnly.get("entries")).hasSize(1);
        JsonNode byPurpose = citizenGetOk(citizen, "/api/v1/me/entries?purpose=al:DirectCare&action=dpv:Consult");
        assertThat(byPurpose.get("entries")).hasSize(5);
    }

    @Test
    void hidesAnEntryFromTheCitizenUntilItsDiscloseAfterDate() {
        String citizen = nhsNumber();
        JsonNode visible = postOk(TestServices.GP, ENTRIES, access(citizen));
        ObjectNode withheld = access(citizen).put("discloseAfter", LocalDate.now().plusDays(30).toString())
                .put("discloseAfterReason", "Ongoing investigation");
        JsonNode hidden = postOk(TestServices.GP, ENTRIES, withheld);
        JsonNode page = citizenGetOk(citizen, "/api/v1/me/entries");
        assertThat(page.get("entries")).hasSize(1);
        citizenGet(citizen, "/api/v1/me/entries/" + hidden.get("id").asString()).expectStatus().isNotFound();
        JsonNode detail = citizenGetOk(citizen, "/api/v1/me/entries/" + visible.get("id").asString());
        assertThat(detail.get("next").get("withheld").asBoolean()).isTrue();
        assertThat(detail.get("next").has("id")).isFalse();
    }

    static ObjectNode dwpAccess(String nhsNumber) {
        ObjectNode entry = access(nhsNumber).put("staffRole", "Work coach").put("purpose", "al:BenefitEligibility")
                .put("legalBasis", "ukgdpr:6.1.e");
        entry.putArray("dataCategories").add("pd:Income");
        return entry;
    }

    static ObjectNode correction(String nhsNumber, UUID corrects) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("id", UUID.randomUUID().toString()).put("kind", "correction");
        entry.putObject("subject").put("scheme", "nhs-number").put("id", nhsNumber);
        entry.put("corrects", corrects.toString()).put("mode", "annotate")
                .put("reason", "The access was by the duty GP, not the registered GP");
        return entry;
    }
}
