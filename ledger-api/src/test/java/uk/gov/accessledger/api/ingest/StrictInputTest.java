package uk.gov.accessledger.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * Strict input (issue 16, items 1, 2, 6 and 10): times and dates only in their one documented
 * form and within the ledger's bounds, in bodies and in query parameters; text only as
 * well-formed UTF-8 without unpaired surrogates or control characters; entry ids only in the
 * 8-4-4-4-12 form; concern ids assigned by the ledger. Every refusal is a problem naming the field,
 * and stores nothing.
 */
class StrictInputTest extends ApiTestSupport {

    private static final String P = "urn:access-ledger:problem:";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "strict-input");
    }

    static Stream<Arguments> outOfRangeTimes() {
        return Stream.of(
                bad("occurredAt of year -999999999", e -> e.put("occurredAt", "-999999999-01-01T00:00:00Z"),
                        "/occurredAt"),
                bad("occurredAt of year +999999999", e -> e.put("occurredAt", "+999999999-01-01T00:00:00Z"),
                        "/occurredAt"),
                bad("occurredAt before 1970", e -> e.put("occurredAt", "1969-12-31T23:59:59Z"), "/occurredAt"),
                bad("occurredAt of year 0", e -> e.put("occurredAt", "0000-01-01T00:00:00Z"), "/occurredAt"),
                bad("decidedAt of year -999999999", e -> sharingDecision(e)
                        .put("decidedAt", "-999999999-01-01T00:00:00Z"), "/decidedAt"),
                bad("decidedAt before 1970", e -> sharingDecision(e).put("decidedAt", "1900-01-01T00:00:00Z"),
                        "/decidedAt"),
                bad("reviewBy of year +999999999", e -> sharingDecision(e).put("reviewBy", "+999999999-12-31"),
                        "/reviewBy"),
                bad("reviewBy of year 10000", e -> sharingDecision(e).put("reviewBy", "+10000-01-01"), "/reviewBy"),
                bad("reviewBy before 1970", e -> sharingDecision(e).put("reviewBy", "1969-12-31"), "/reviewBy"),
                bad("discloseAfter of year +999999999", e -> e.put("discloseAfter", "+999999999-12-31")
                        .put("discloseAfterReason", "fraud investigation"), "/discloseAfter"),
                bad("discloseAfter of year 10000", e -> e.put("discloseAfter", "10000-01-01")
                        .put("discloseAfterReason", "fraud investigation"), "/discloseAfter"));
    }

    static Stream<Arguments> lenientTimes() {
        return Stream.of("2026-11-25T09:30:00.Z", "2026-11-25t09:30:00z", "2026-11-25T09:30:00+00:00",
                "2026-11-25 09:30:00Z", "2026-11-25T09:30Z", "2026-11-25T09:30:60Z", "2026-11-25T24:00:00Z",
                "2026-02-29T09:30:00Z", "2026-11-25T09:30:00.1234567891Z", "\uFF12026-11-25T09:30:00Z",
                " 2026-11-25T09:30:00Z").map(t -> bad("occurredAt " + t, e -> e.put("occurredAt", t), "/occurredAt"));
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of("\u0001", "\r", "\t", "\u007F", "\u0085", "\u009F").flatMap(c -> Stream.of(
                bad("staffRole with U+" + hex(c), e -> e.put("staffRole", "GP" + c), "/staffRole"),
                bad("staffReference with U+" + hex(c), e -> e.put("staffReference", "s" + c + "7"), "/staffReference"),
                bad("caseReference with U+" + hex(c), e -> e.put("caseReference", "c" + c), "/caseReference"),
                bad("justification with U+" + hex(c), e -> e.put("justification", "a" + c + "b"), "/justification"),
                bad("discloseAfterReason with U+" + hex(c), e -> e.put("discloseAfter", "2030-01-01")
                        .put("discloseAfterReason", "a" + c), "/discloseAfterReason"),
                bad("decidedByRole with U+" + hex(c), e -> sharingDecision(e).put("decidedByRole", "IG" + c),
                        "/decidedByRole")));
    }

    static Stream<Arguments> looseIds() {
        return Stream.of("0-0-0-0-1", "3f2504e0-4f89-41d3-9a0c-0305e82c330", "3f2504e04f8941d39a0c0305e82c3301",
                "{3f2504e0-4f89-41d3-9a0c-0305e82c3301}", "3f2504e0-4f89-41d3-9a0c-0305e82c33g1",
                "+f2504e0-4f89-41d3-9a0c-0305e82c3301", "3f2504e0-4f89-41d3-9a0c-0305e82c3301 ")
                .map(id -> bad("id " + id, e -> e.put("id", id), "/id"));
    }

    static Stream<Arguments> badEntries() {
        return Stream.of(outOfRangeTimes(), lenientTimes(), controlCharacters(), looseIds(),
                Stream.of(bad("line feed in staffRole", e -> e.put("staffRole", "GP\nlead"), "/staffRole"),
                        bad("a version 8 id, which the ledger keeps for its own",
                        e -> e.put("id", "3f2504e0-4f89-81d3-9a0c-0305e82c3301"), "/id"),
                        bad("lone high surrogate in staffRole", e -> e.put("staffRole", "GP \ud800"), "/staffRole"),
                        bad("lone low surrogate in justification", e -> e.put("justification", "\udc00x"),
                                "/justification"),
                        bad("lone surrogate in an unknown field", e -> e.put("note", "\ud800"), "/note"),
                        bad("lone surrogate in a data category", e -> e.putArray("dataCategories").add("\ud800"),
                                "/dataCategories/0")))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void rejectsAnEntryOutsideTheStrictFormsNamingTheFieldAndStoresNothing(String description,
                                                                           Consumer<ObjectNode> breakIt,
                                                                           String pointer) {
        ObjectNode entry = access(nhsNumber());
        breakIt.accept(entry);
        long[] before = stored();
        expectProblem(post(TestServices.GP, "/api/v1/entries", json(entry)), pointer);
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("entries").add(access(nhsNumber())).add(entry);
        expectProblem(post(TestServices.GP, "/api/v1/entries/batch", json(batch)), "/entries/1" + pointer);
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void acceptsTheDocumentedTimeFormsAndKeepsMilliseconds() {
        String citizen = nhsNumber();
        for (String occurredAt : new String[] {"2026-01-02T03:04:05Z", "2026-01-02T03:04:05.1Z",
                "2026-01-02T03:04:05.123456789Z", "1970-01-01T00:00:00Z"}) {
            JsonNode receipt = postOk(TestServices.GP, "/api/v1/entries", access(citizen)
                    .put("occurredAt", occurredAt).put("justification", "two\nlines"));
            JsonNode entry = citizenGetOk(citizen, "/api/v1/me/entries/" + receipt.get("id").asString());
            assertThat(Instant.parse(entry.at("/entry/entry/occurredAt").asString()))
                    .isEqualTo(Instant.parse(occurredAt).truncatedTo(ChronoUnit.MILLIS));
        }
    }

    @Test
    void rejectsOverlongUtf8NamingTheFieldAndStoresNothing() {
        byte[] single = withBytes(access(nhsNumber()).put("staffRole", "GP@").toString(), "@", 0xC0, 0xAF);
        long[] before = stored();
        expectMalformed(postBytes(TestServices.GP, "/api/v1/entries", single), "/staffRole");
        ObjectNode batch = JSON.createObjectNode();
        batch.putArray("entries").add(access(nhsNumber())).add(access(nhsNumber()).put("justification", "x@"));
        expectMalformed(postBytes(TestServices.GP, "/api/v1/entries/batch",
                withBytes(batch.toString(), "@", 0xC0, 0xAF)), "/entries/1/justification");
        expectMalformed(postBytes(TestServices.GP, "/api/v1/entries",
                withBytes(access(nhsNumber()).put("staffRole", "@").toString(), "@", 0xED, 0xA0, 0x80)), "/staffRole");
        expectMalformed(postBytes(TestServices.GP, "/api/v1/entries",
                withBytes(access(nhsNumber()).put("staffRole", "@").toString(), "@", 0xFF)), "/staffRole");
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void refusesBadTextInAConcernMessageAndStoresNothing() {
        String citizen = nhsNumber();
        String about = postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asString();
        long[] before = stored();
        for (String message : new String[] {"GP \ud800", "not me\u0000", "not\rme", "bell\u0007", "x\u0085"}) {
            ObjectNode body = JSON.createObjectNode().put("message", message);
            expectProblem(concern(citizen, about, json(body).getBytes(StandardCharsets.UTF_8)), "/message");
        }
        expectMalformed(concern(citizen, about, withBytes("{\"message\":\"not me@\"}", "@", 0xC0, 0xAF)),
                "/message");
        assertThat(stored()).containsExactly(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=+999999999-12-31", "to=+292278994-08-17", "from=1969-12-31",
            "to=10000-01-01", "from=2026-1-5", "to=2026-02-30", "from=2026-11-25T00:00:00Z"})
    void rejectsDateParametersOutsideTheBoundsByName(String parameter) {
        String name = parameter.substring(0, parameter.indexOf('='));
        expectParameterProblem(citizenGet(nhsNumber(), "/api/v1/me/entries?" + parameter), name);
        expectParameterProblem(serviceGet("/api/v1/organisation/entries?" + parameter), name);
        for (String path : new String[] {"/api/v1/audit/summary", "/api/v1/audit/entries.csv",
                "/api/v1/audit/entries.jsonl", "/api/v1/audit/policy-exceptions", "/api/v1/audit/export"}) {
            expectParameterProblem(auditorGet(path + "?" + parameter), name);
        }
    }

    @Test
    void acceptsDateParametersAtTheBounds() {
        citizenGet(nhsNumber(), "/api/v1/me/entries?from=1970-01-01&to=9999-12-31").expectStatus().isOk();
        auditorGet("/api/v1/audit/summary?from=1970-01-01&to=9999-12-31").expectStatus().isOk();
    }

    @Test
    void assignsConcernIdsOfItsOwnKindAndRetriesByIdempotencyKey() {
        String citizen = nhsNumber();
        String about = postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asString();
        String key = UUID.randomUUID().toString();
        byte[] body = ("{\"message\":\"not me\",\"idempotencyKey\":\"" + key + "\"}").getBytes(StandardCharsets.UTF_8);
        JsonNode first = concern(citizen, about, body).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        UUID id = UUID.fromString(first.get("id").asString());
        assertThat(id.version()).as("the ledger's own id version").isEqualTo(8);
        long[] after = stored();
        JsonNode retried = concern(citizen, about, body).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
        assertThat(retried.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(retried.get("leafHash").asString()).isEqualTo(first.get("leafHash").asString());
        concern(citizen, about, ("{\"message\":\"something else\",\"idempotencyKey\":\"" + key + "\"}")
                .getBytes(StandardCharsets.UTF_8)).expectStatus().isEqualTo(409);
        assertThat(stored()).containsExactly(after);
        // Without a key, each concern is new.
        JsonNode other = concern(citizen, about, "{\"message\":\"not me\"}".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(UUID.fromString(other.get("id").asString()).version()).isEqualTo(8);
        assertThat(other.get("id").asString()).isNotEqualTo(first.get("id").asString());
    }

    @Test
    void refusesACitizenChosenConcernIdAndStoresNothing() {
        String citizen = nhsNumber();
        String about = postOk(TestServices.GP, "/api/v1/entries", access(citizen)).get("id").asString();
        long[] before = stored();
        // The id a service will use later cannot be taken by a citizen.
        String servicesNextId = UUID.randomUUID().toString();
        expectProblem(concern(citizen, about, ("{\"message\":\"not me\",\"id\":\"" + servicesNextId + "\"}")
                .getBytes(StandardCharsets.UTF_8)), "/id");
        // Nor can a citizen learn that an id exists: the one of an entry of theirs is refused the same way.
        expectProblem(concern(citizen, about, ("{\"message\":\"not me\",\"id\":\"" + about + "\"}")
                .getBytes(StandardCharsets.UTF_8)), "/id");
        expectProblem(concern(citizen, about, "{\"message\":\"not me\",\"idempotencyKey\":\"0-0-0-0-1\"}"
                .getBytes(StandardCharsets.UTF_8)), "/idempotencyKey");
        assertThat(stored()).containsExactly(before);
        postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber()).put("id", servicesNextId));
    }

    @Test
    void answersALooseEntryIdInAPathAsNotFound() {
        String citizen = nhsNumber();
        postOk(TestServices.GP, "/api/v1/entries", access(citizen).put("id", "00000000-0000-0000-0000-000000000001"));
        long[] before = stored();
        for (String path : new String[] {"/api/v1/me/entries/0-0-0-0-1", "/api/v1/me/entries/0-0-0-0-1/proof"}) {
            citizenGet(citizen, path).expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        concern(citizen, "0-0-0-0-1", "{\"message\":\"not me\"}".getBytes(StandardCharsets.UTF_8))
                .expectStatus().isNotFound();
        citizenGet(citizen, "/api/v1/me/entries/00000000-0000-0000-0000-000000000001").expectStatus().isOk();
        assertThat(stored()).containsExactly(before);
    }

    @Test
    void refusesALooseCorrectionTargetAndStoresNothing() {
        String citizen = nhsNumber();
        postOk(TestServices.GP, "/api/v1/entries", access(citizen).put("id", "00000000-0000-0000-0000-000000000002"));
        ObjectNode correction = JSON.createObjectNode().put("id", UUID.randomUUID().toString())
                .put("kind", "correction").put("corrects", "0-0-0-0-2").put("mode", "annotate").put("reason", "typo");
        correction.putObject("subject").put("scheme", "nhs-number").put("id", citizen);
        long[] before = stored();
        expectProblem(post(TestServices.GP, "/api/v1/entries", correction), "/corrects");
        assertThat(stored()).containsExactly(before);
    }

    private static ObjectNode sharingDecision(ObjectNode e) {
        e.remove(List.of("staffRole", "staffReference", "action", "occurredAt"));
        return e.put("kind", "sharing-decision").put("requestingOrganisation", "dwp")
                .put("holdingOrganisation", TestServices.GP_ORG).put("decision", "refused")
                .put("decidedByRole", "IG lead").put("decidedAt", Instant.now().minusSeconds(60).toString());
    }

    /**
     * The JSON text of {@code node} with every surrogate written as a {@code \\uXXXX} escape, as a
     * client would send a lone one: as raw text it could not be encoded as UTF-8 at all.
     */
    private static String json(JsonNode node) {
        StringBuilder text = new StringBuilder();
        node.toString().chars().forEach(c -> text.append(Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return text.toString();
    }

    private static Arguments bad(String description, Consumer<ObjectNode> breakIt, String pointer) {
        return Arguments.of(description, breakIt, pointer);
    }

    private static String hex(String c) {
        return String.format("%04X", (int) c.charAt(0));
    }

    /** {@code json}'s UTF-8 with the first {@code marker} replaced by {@code bytes}. */
    private static byte[] withBytes(String json, String marker, int... bytes) {
        int at = json.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(json.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private WebTestClient.ResponseSpec postBytes(String service, String path, byte[] body) {
        return web.post().uri(path).headers(h -> h.setBasicAuth(service, TestServices.secret(service)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec concern(String citizen, String about, byte[] body) {
        return web.post().uri("/api/v1/me/entries/" + about + "/concerns")
                .headers(h -> h.setBearerAuth(TestTokens.get().citizen(citizen)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec serviceGet(String path) {
        return web.get().uri(path).headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP)))
                .exchange();
    }

    private WebTestClient.ResponseSpec auditorGet(String path) {
        return web.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, String pointer) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(P + "invalid-request")
                .jsonPath("$.errors[?(@.pointer == '" + pointer + "')]").exists();
    }

    private static void expectMalformed(WebTestClient.ResponseSpec response, String pointer) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(P + "malformed-json")
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    private static void expectParameterProblem(WebTestClient.ResponseSpec response, String parameter) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.parameter == '" + parameter + "')]").exists();
    }
}
