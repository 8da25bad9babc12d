package uk.gov.accessledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.RawHttp;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * The HTTP edge tried byte by byte: every error from every layer (Reactor Netty's decoder, Spring
 * Security's firewall, content negotiation, the codecs, the handlers) is an RFC 9457 problem that
 * names no Java class; JSON Pointers are escaped; tile paths outside the tree are 404s; and a
 * kept-alive connection keeps answering after early errors.
 */
class HttpEdgeTest extends ApiTestSupport {

    private static final String P = "urn:access-ledger:problem:";
    /** What would give away the implementation: qualified class names, exceptions, the JSON library. */
    private static final Pattern INTERNALS = Pattern.compile(
            "[a-z]+\\.[a-z]+\\.[A-Z]|Exception|jackson|Jackson|JsonNode|DeserializationFeature|StreamReadConstraints|`");
    /** How long one answer may take before it counts as never coming; a bound, not a speed target. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        h2(registry, "http-edge");
    }

    private static String gp() {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(
                (TestServices.GP + ":" + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8))
                + "\r\n";
    }

    private static String bearer(String token) {
        return "Authorization: Bearer " + token + "\r\n";
    }

    @Test
    void answersErrorsFromEveryLayerWithProblems() throws Exception {
        String json = "Content-Type: application/json\r\n";
        String body = access(nhsNumber()).toString();
        long before = count("ledger_entry");
        Map<String, String> wants = new LinkedHashMap<>();
        wants.put(RawHttp.request("POST", "/api/v1/entries", "Content-Type: json\r\n" + gp(), body),
                "415 unsupported-media-type");
        wants.put(RawHttp.request("POST", "/api/v1/entries", "Content-Type: text/plain\r\n" + gp(), body),
                "415 unsupported-media-type");
        wants.put(RawHttp.request("GET", "/log/checkpoint", "Accept: (((\r\n", ""), "406 not-acceptable");
        wants.put(RawHttp.request("GET", "/api/v1/reference", "Accept: (((\r\n" + gp(), ""), "406 not-acceptable");
        wants.put(RawHttp.request("GET", "/api/v1/reference", "Accept: image/png\r\n" + gp(), ""),
                "406 not-acceptable");
        wants.put(RawHttp.request("POST", "/api/v1//entries", json + gp(), body), "400 malformed-request");
        wants.put(RawHttp.request("GET", "/log/%2e%2e/checkpoint", "", ""), "400 malformed-request");
        wants.put(RawHttp.request("GET", "/log/checkpoint?pad=" + "a".repeat(5000), "", ""), "414 uri-too-long");
        wants.put(RawHttp.request("GET", "/log/checkpoint", "X-Pad: " + "a".repeat(9000) + "\r\n", ""),
                "431 headers-too-large");
        wants.put("NOT HTTP AT ALL\r\n\r\n", "400 malformed-request");
        wants.put(RawHttp.request("GET", "/log/checkpoint", "Content-Length: ten\r\n", ""), "400 malformed-request");
        wants.put(RawHttp.request("GET", "/api/v1/nothing-here", gp(), ""), "403 forbidden");
        wants.put(RawHttp.request("GET", "/nothing-here", "", ""), "401 unauthenticated");
        wants.put(RawHttp.request("PUT", "/api/v1/entries", json + gp(), body), "405 method-not-allowed");
        wants.put(RawHttp.request("POST", "/log/checkpoint", json, body), "405 method-not-allowed");
        wants.put(RawHttp.request("GET", "/log/tile/0/01", "", ""), "404 not-found");
        wants.put(RawHttp.request("GET", "/api/v1/me/entries", bearer(TestTokens.get().citizen(nhsNumber()))
                + "Accept: text/csv\r\n", ""), "406 not-acceptable");
        for (Map.Entry<String, String> want : wants.entrySet()) {
            RawHttp.Response response = RawHttp.exchange(port, want.getKey());
            String what = want.getKey().substring(0, Math.min(60, want.getKey().length()));
            assertProblem(response, what);
            assertThat(response.status() + " " + JSON.readTree(response.body()).path("type").asString()
                    .replace(P, "")).as(what).isEqualTo(want.getValue());
        }
        assertThat(count("ledger_entry")).isEqualTo(before);
    }

    @Test
    void answersEveryMethodOnEveryPathWithSuccessOrAProblem() throws Exception {
        String[] paths = {"/api/v1/entries", "/api/v1/entries/batch", "/api/v1/me/entries", "/api/v1/me/entries/x",
            "/api/v1/me/entries/stream", "/api/v1/organisation/entries", "/api/v1/audit/summary",
            "/api/v1/audit/entries.csv", "/api/v1/reference", "/api/v1/log/proof/inclusion", "/log/checkpoint",
            "/log/key", "/log/tile/0/000", "/log/tile/entries/000", "/actuator/health", "/actuator/prometheus",
            "/v3/api-docs", "/", "/nothing"};
        String[] methods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"};
        String[] credentials = {"", gp(), bearer(TestTokens.get().citizen(nhsNumber())),
            bearer(TestTokens.get().auditor())};
        long before = count("ledger_entry");
        for (String path : paths) {
            for (String method : methods) {
                for (String credential : credentials) {
                    if (method.equals("GET") && path.endsWith("/stream")) {
                        continue; // a stream never ends; its GET is the stream tests' business
                    }
                    String request = RawHttp.request(method, path, credential
                            + (method.equals("GET") || method.equals("HEAD") ? ""
                            : "Content-Type: application/json\r\n"), method.equals("GET")
                            || method.equals("HEAD") ? "" : "{}");
                    RawHttp.Response response;
                    try (RawHttp http = new RawHttp(port, ANSWER_BOUND)) {
                        http.send(request.getBytes(StandardCharsets.ISO_8859_1));
                        response = http.read(method.equals("HEAD"));
                    }
                    String what = method + " " + path + (credential.isEmpty() ? " anonymously"
                            : " with " + credential.substring(0, 21));
                    assertThat(response.status()).as(what).isLessThan(500);
                    if (response.status() >= 400) {
                        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
                        if (!method.equals("HEAD")) {
                            assertProblem(response, what);
                        }
                    }
                }
            }
        }
        assertThat(count("ledger_entry")).isEqualTo(before);
    }

    @Test
    void describesUnreadableJsonInPlainWords() throws Exception {
        long before = count("ledger_entry");
        String entry = access(nhsNumber()).toString();
        Map<String, String> wants = Map.of(
                entry + " {}", "trailing data after the JSON value",
                entry.replace("\"kind\"", "\"x\":NaN,\"kind\""), "NaN and Infinity are not JSON numbers",
                entry.replace("\"kind\"", "\"x\":" + "1".repeat(1001) + ",\"kind\""),
                "numbers of more than 1000 digits are not accepted",
                entry.replace("\"kind\"", "'x':1,\"kind\""), "",
                entry.substring(0, 20), "the body ends inside the JSON value",
                entry.replace("\"kind\"", "\"x\":01,\"kind\""), "",
                entry.replace("\"kind\"", "/* c */\"kind\""), "");
        for (Map.Entry<String, String> want : wants.entrySet()) {
            JsonNode problem = post(TestServices.GP, "/api/v1/entries", want.getKey()).expectStatus().isBadRequest()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(problem.path("type").asString()).isEqualTo(P + "malformed-json");
            assertThat(problem.toString()).as(want.getValue()).doesNotContainPattern(INTERNALS);
            assertThat(problem.path("detail").asString()).contains(want.getValue());
        }
        assertThat(count("ledger_entry")).isEqualTo(before);
    }

    @Test
    void escapesMemberNamesInJsonPointers() {
        long before = count("ledger_entry");
        ObjectNode batch = batchOfAccesses(1);
        batch.put("a/b", 1);
        post(TestServices.GP, "/api/v1/entries/batch", batch).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/a~1b");
        ObjectNode entry = access(nhsNumber());
        entry.put("m~n/o", 1);
        post(TestServices.GP, "/api/v1/entries", entry).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/m~0n~1o");
        assertThat(count("ledger_entry")).isEqualTo(before);
    }

    @Test
    void servesNoTileOutsideTheTreeHoweverLargeItsIndexOrLevel() throws Exception {
        postOk(TestServices.GP, "/api/v1/entries/batch", batchOfAccesses(256));
        awaitLogged();
        web.get().uri("/log/tile/0/000").exchange().expectStatus().isOk();
        String auditor = TestTokens.get().auditor();
        // 2^56: times 256 wraps to 0 in 64-bit arithmetic. Level 8: a shift by 64 bits is a shift by 0.
        for (String path : new String[] {"/log/tile/0/x072/x057/x594/x037/x927/936", "/log/tile/8/000",
            "/log/tile/8/000.p/1", "/log/tile/63/000.p/1", "/log/tile/64/000",
            "/log/tile/entries/x072/x057/x594/x037/x927/936",
            "/log/tile/0/x009/x223/x372/x036/x854/x775/808", "/log/tile/1/001", "/log/tile/0/x001/000.p/1"}) {
            web.get().uri(path).headers(h -> h.setBearerAuth(auditor)).exchange().expectStatus().isNotFound()
                    .expectHeader().value("Cache-Control", cache -> assertThat(cache).doesNotContain("max-age=3"))
                    .expectBody().jsonPath("$.type").isEqualTo(P + "not-found");
        }
    }

    @Test
    void answersEveryRequestAfterEarlyErrorsOnOneConnectionAndStoresOnlyAcknowledgedEntries() throws Exception {
        String citizen = bearer(TestTokens.get().citizen(nhsNumber()));
        String json = "Content-Type: application/json\r\n";
        long before = count("ledger_entry");
        int acknowledged = 0;
        List<String> unanswered = new ArrayList<>();
        RawHttp http = new RawHttp(port, ANSWER_BOUND);
        try {
            for (int i = 0; i < 480; i++) {
                String body = access(nhsNumber()).toString();
                String request = switch (i % 5) {
                    case 0 -> RawHttp.request("POST", "/api/v1/entries", json
                            + "Authorization: Basic Z3Vlc3M6Z3Vlc3M=\r\n", body);
                    case 1 -> RawHttp.request("POST", "/api/v1/entries", json + citizen, body);
                    case 2 -> RawHttp.request("POST", "/api/v1/entries/nothing-here", json + gp(), body);
                    case 3 -> RawHttp.request("POST", "/api/v1/entries", "Content-Type: text/plain\r\n" + gp(), body);
                    default -> RawHttp.request("POST", "/api/v1/entries", json + gp(), body);
                };
                int want = new int[] {401, 403, 404, 415, 201}[i % 5];
                http.send(request.getBytes(StandardCharsets.ISO_8859_1));
                RawHttp.Response response;
                try {
                    response = http.read();
                } catch (SocketTimeoutException e) {
                    unanswered.add("request " + i + " (want " + want + ")");
                    http.close();
                    http = new RawHttp(port, ANSWER_BOUND);
                    continue;
                }
                assertThat(response.status()).as("request %d", i).isEqualTo(want);
                if (want == 201) {
                    acknowledged++;
                }
                // A client opens a new connection after an answer that said Connection: close.
                if ("close".equalsIgnoreCase(response.header("Connection"))) {
                    http.close();
                    http = new RawHttp(port, ANSWER_BOUND);
                }
            }
        } finally {
            http.close();
        }
        assertThat(unanswered).as("requests with no answer within %s", ANSWER_BOUND).isEmpty();
        assertThat(count("ledger_entry") - before).as("entries stored").isEqualTo(acknowledged);
    }

    /**
     * reactor/reactor-netty#4361: a request queued behind one still being answered, and then
     * answered at once, left the connection unread, so the request after it waited for the client
     * to give up. Here a history read (answered on a worker thread) and an early 401 arrive together,
     * and the third request must still be answered.
     */
    @Test
    void answersTheRequestAfterAQueuedEarlyAnswerOnAKeptAliveConnection() throws Exception {
        String citizen = bearer(TestTokens.get().citizen(nhsNumber()));
        List<String> unanswered = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            try (RawHttp http = new RawHttp(port, Duration.ofSeconds(5))) {
                http.send((RawHttp.request("GET", "/api/v1/me/entries", citizen, "")
                        + RawHttp.request("GET", "/nothing-here", "", "")).getBytes(StandardCharsets.ISO_8859_1));
                assertThat(http.read().status()).isEqualTo(200);
                assertThat(http.read().status()).isEqualTo(401);
                http.send(RawHttp.request("GET", "/log/checkpoint", "", "").getBytes(StandardCharsets.ISO_8859_1));
                try {
                    assertThat(http.read().status()).isEqualTo(200);
                } catch (SocketTimeoutException e) {
                    unanswered.add("round " + round);
                }
            }
        }
        assertThat(unanswered).as("third requests with no answer within 5 s").isEmpty();
    }

    /** Raw requests: a client library would drop the nameless pair before sending it. */
    @Test
    void refusesAQueryParameterWithoutANameAndIgnoresAnEmptyPair() throws Exception {
        String citizen = bearer(TestTokens.get().citizen(nhsNumber()));
        for (String query : List.of("?=", "?=5", "?limit=2&=")) {
            String request = RawHttp.request("GET", "/api/v1/me/entries" + query, citizen, "");
            RawHttp.Response response = RawHttp.exchange(port, request);
            assertThat(response.status()).as(request).isEqualTo(400);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("type").asString()).isEqualTo(P + "invalid-request");
            assertThat(problem.path("errors").path(0).path("parameter").asText(null)).isEqualTo("");
        }
        assertThat(RawHttp.exchange(port, RawHttp.request("GET", "/api/v1/me/entries?&limit=2&&", citizen, ""))
                .status()).isEqualTo(200);
    }

    private static void assertProblem(RawHttp.Response response, String request) throws Exception {
        String what = request + " answered " + response;
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).as(what).startsWith(P);
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(response.body()).as(what).doesNotContainPattern(INTERNALS);
    }
}
