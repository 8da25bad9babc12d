package uk.gov.accessledger.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.api.support.TestTokens;

/**
 * {@code GET /api/v1/me/entries/stream} over real HTTP: each citizen's stream carries their own new
 * entries and nothing of anyone else's, resumes without gaps, respects disclose-after and the list's
 * filters, ends when the token expires, and answers back-pressure beyond its caps. Run on H2 and on
 * PostgreSQL by the two subclasses. The waits below bound how long a test may hang; they assert
 * nothing about speed.
 */
abstract class EntryStreamContract extends ApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String P = "urn:access-ledger:problem:";

    /** Small caps and quick polls and heartbeats, so the caps and heartbeats are cheap to test. */
    static void streamLimits(DynamicPropertyRegistry registry) {
        registry.add("ledger.entry-stream.poll-interval", () -> "100ms");
        registry.add("ledger.entry-stream.heartbeat-interval", () -> "300ms");
        registry.add("ledger.entry-stream.max-open", () -> "4");
        registry.add("ledger.entry-stream.max-open-per-subject", () -> "2");
    }

    @Autowired
    EntryStreams streams;

    private final List<Stream> opened = new ArrayList<>();

    @BeforeEach
    void noStreamIsOpen() {
        await().atMost(WAIT).until(() -> streams.count() == 0);
    }

    @AfterEach
    void closeStreams() {
        opened.forEach(Stream::close);
    }

    @Test
    void sendsEachNewEntryToItsOwnSubjectsStreamAndNothingToAnyoneElses() throws Exception {
        String amara = nhsNumber();
        String rhys = nhsNumber();
        String bystander = nhsNumber();
        postOk(TestServices.GP, "/api/v1/entries", access(amara)); // before the streams: not sent
        Stream amaras = open(amara, "");
        Stream rhyss = open(rhys, "");
        Stream bystanders = open(bystander, "");

        String a1 = record(amara);
        ServerSentEvent<JsonNode> first = amaras.nextEntry();
        assertThat(first.data().path("id").asString()).isEqualTo(a1);
        assertThat(first.id()).isEqualTo(first.data().path("seq").asString()).isEqualTo("1");
        JsonNode listed = citizenGetOk(amara, "/api/v1/me/entries?limit=1").path("entries").get(0);
        assertThat(withoutLeafIndex(first.data())).as("the same EntryView as the list")
                .isEqualTo(withoutLeafIndex(listed));

        // Rhys's stream was open while Amara's entry was recorded; the first it carries is Rhys's own.
        String r1 = record(rhys);
        assertThat(rhyss.nextEntry().data().path("id").asString()).isEqualTo(r1);
        String a2 = record(amara);
        assertThat(amaras.nextEntry().data().path("id").asString()).as("not Rhys's").isEqualTo(a2);

        // The bystander's stream carried heartbeats all along, and no entry.
        bystanders.awaitComments(3);
        assertThat(bystanders.entries()).isEmpty();
        assertThat(amaras.entries()).isEmpty();
        assertThat(rhyss.entries()).isEmpty();
    }

    @Test
    void resumesAfterLastEventIdOrAfterWithoutGapsOrRepeats() throws Exception {
        String citizen = nhsNumber();
        String e0 = record(citizen);
        String e1 = record(citizen);
        String e2 = record(citizen);

        Stream everything = open(citizen, "?after=-1");
        assertThat(List.of(id(everything.nextEntry()), id(everything.nextEntry()), id(everything.nextEntry())))
                .containsExactly(e0, e1, e2);

        Stream reconnected = open(citizen, "?after=-1", h -> h.set("Last-Event-ID", "0"));
        assertThat(List.of(id(reconnected.nextEntry()), id(reconnected.nextEntry()))).as("Last-Event-ID wins")
                .containsExactly(e1, e2);
        reconnected.close();
        await().atMost(WAIT).until(() -> streams.count() == 1);

        Stream fromAfter = open(citizen, "?after=1");
        assertThat(id(fromAfter.nextEntry())).isEqualTo(e2);
        String e3 = record(citizen);
        assertThat(id(fromAfter.nextEntry())).isEqualTo(e3);
        assertThat(id(everything.nextEntry())).isEqualTo(e3);
        fromAfter.awaitComments(2);
        assertThat(fromAfter.entries()).isEmpty();
    }

    @Test
    void neverSendsAnEntryWithheldUntilItsDiscloseAfterDate() throws Exception {
        String citizen = nhsNumber();
        Stream stream = open(citizen, "");
        ObjectNode withheld = access(citizen).put("discloseAfter",
                LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()).put("discloseAfterReason", "fraud investigation");
        postOk(TestServices.GP, "/api/v1/entries", withheld);
        String visible = record(citizen);
        ServerSentEvent<JsonNode> next = stream.nextEntry();
        assertThat(id(next)).isEqualTo(visible);
        assertThat(next.id()).isEqualTo("1");
        assertThat(open(citizen, "?after=-1").nextEntry().id()).as("from the start too").isEqualTo("1");
    }

    @Test
    void appliesTheListsFilters() throws Exception {
        String citizen = nhsNumber();
        Stream gpOnly = open(citizen, "?organisation=" + TestServices.GP_ORG + "&kind=access");
        postOk(TestServices.DWP, "/api/v1/entries", access(citizen).put("purpose", "al:BenefitEligibility")
                .put("legalBasis", "ukgdpr:6.1.e"));
        String gp = record(citizen);
        assertThat(id(gpOnly.nextEntry())).isEqualTo(gp);
    }

    @Test
    void endsTheStreamWhenTheTokenExpires() throws Exception {
        String citizen = nhsNumber();
        Stream stream = openWithToken(TestTokens.get().citizen(citizen, Duration.ofSeconds(2)), "", h -> { });
        assertThat(stream.ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void capsStreamsPerSubjectWith429AndPerNodeWith503AndFreesPlacesWhenTheyClose() throws Exception {
        String citizen = nhsNumber();
        open(citizen, "");
        open(citizen, "");
        citizenStream(TestTokens.get().citizen(citizen), "").expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.type").isEqualTo(P + "too-many-streams");
        open(nhsNumber(), "");
        Stream fourth = open(nhsNumber(), "");
        citizenStream(TestTokens.get().citizen(nhsNumber()), "").expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.type").isEqualTo(P + "busy");
        assertThat(streams.count()).isEqualTo(4);

        fourth.close();
        await().atMost(WAIT).until(() -> streams.count() == 3);
        String latecomer = nhsNumber();
        Stream now = open(latecomer, "");
        String entry = record(latecomer);
        assertThat(id(now.nextEntry())).isEqualTo(entry);
    }

    @Test
    void headRequestsTakeNoStreamPlace() {
        String citizen = nhsNumber();
        String token = TestTokens.get().citizen(citizen);
        for (int i = 0; i < 5; i++) {
            web.head().uri("/api/v1/me/entries/stream").accept(MediaType.TEXT_EVENT_STREAM)
                    .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM);
        }
        assertThat(streams.count()).as("places held after five HEAD requests").isZero();
        open(citizen, "");
        open(citizen, "");
        assertThat(streams.count()).isEqualTo(2);
    }

    @Test
    void refusesBadParametersNamingThem() {
        String token = TestTokens.get().citizen(nhsNumber());
        citizenStream(token, "?after=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("after");
        citizenStream(token, "?after=-2").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("after");
        citizenStream(token, "?subject=someone-else").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("subject");
        web.get().uri("/api/v1/me/entries/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set("Last-Event-ID", "abc");
                }).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("Last-Event-ID");
        assertThat(streams.count()).as("a refused stream holds no place").isZero();
    }

    @Test
    void isForCitizensOnly() {
        web.get().uri("/api/v1/me/entries/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/v1/me/entries/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/me/entries/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(TestTokens.get().auditor())).exchange()
                .expectStatus().isForbidden();
    }

    // --- helpers ---

    private String record(String nhsNumber) {
        return postOk(TestServices.GP, "/api/v1/entries", access(nhsNumber)).path("id").asString();
    }

    private static String id(ServerSentEvent<JsonNode> event) {
        return event.data().path("id").asString();
    }

    private static JsonNode withoutLeafIndex(JsonNode view) {
        ObjectNode copy = (ObjectNode) view.deepCopy();
        copy.remove("leafIndex");
        return copy;
    }

    private WebTestClient.ResponseSpec citizenStream(String token,
                                                                                                  String query) {
        return web.get().uri("/api/v1/me/entries/stream" + query).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    private Stream open(String nhsNumber, String query) {
        return openWithToken(TestTokens.get().citizen(nhsNumber), query, h -> { });
    }

    private Stream open(String nhsNumber, String query, Consumer<HttpHeaders> headers) {
        return openWithToken(TestTokens.get().citizen(nhsNumber), query, headers);
    }

    /** Opens a stream and waits for its {@code open} comment: from then on, new entries are sent. */
    private Stream openWithToken(String token, String query, Consumer<HttpHeaders> headers) {
        FluxExchangeResult<ServerSentEvent<JsonNode>> result = web.get().uri("/api/v1/me/entries/stream" + query)
                .accept(MediaType.TEXT_EVENT_STREAM).headers(h -> {
                    h.setBearerAuth(token);
                    headers.accept(h);
                }).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { });
        Stream stream = new Stream();
        stream.subscription = result.getResponseBody().subscribe(stream.events::add, e -> stream.ended.countDown(),
                stream.ended::countDown);
        opened.add(stream);
        try {
            ServerSentEvent<JsonNode> first = stream.events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(first).as("the open comment").isNotNull();
            assertThat(first.comment()).isEqualTo("open");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return stream;
    }

    /** The events one open stream has received, in order. */
    private static final class Stream {

        final BlockingQueue<ServerSentEvent<JsonNode>> events = new LinkedBlockingQueue<>();
        final CountDownLatch ended = new CountDownLatch(1);
        Disposable subscription;

        /** The next entry event, skipping heartbeats; fails after {@link #WAIT}. */
        ServerSentEvent<JsonNode> nextEntry() throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                ServerSentEvent<JsonNode> e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e != null && "entry".equals(e.event())) {
                    return e;
                }
                if (e != null) {
                    assertThat(e.comment()).isEqualTo("heartbeat");
                }
            }
            throw new AssertionError("no entry event within " + WAIT);
        }

        /** Waits for {@code n} more heartbeat comments, keeping any entry events that come between. */
        void awaitComments(int n) throws InterruptedException {
            List<ServerSentEvent<JsonNode>> kept = new ArrayList<>();
            int seen = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (seen < n && System.nanoTime() < deadline) {
                ServerSentEvent<JsonNode> e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (e != null && "heartbeat".equals(e.comment())) {
                    seen++;
                } else if (e != null) {
                    kept.add(e);
                }
            }
            assertThat(seen).as("heartbeats").isEqualTo(n);
            kept.addAll(events);
            events.clear();
            events.addAll(kept);
        }

        /** Entry events received and not yet taken. */
        List<ServerSentEvent<JsonNode>> entries() {
            return events.stream().filter(e -> "entry".equals(e.event())).toList();
        }

        void close() {
            if (subscription != null) {
                subscription.dispose();
            }
        }
    }
}
