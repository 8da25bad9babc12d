package uk.gov.accessledger.portal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.mock.web.server.MockWebSession;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.gov.accessledger.portal.ledger.EntryView;
import uk.gov.accessledger.portal.ledger.HistoryQuery;
import uk.gov.accessledger.portal.ledger.LedgerClient;
import uk.gov.accessledger.portal.ledger.LedgerUnavailableException;
import uk.gov.accessledger.portal.ledger.SignInExpiredException;

/**
 * The portal's live-update stream with ledger-api stood in for: what it asks ledger-api for, the
 * rows it sends, and how it ends (sign-in refused, ledger-api busy or down, an idle session). The
 * browser test covers the same stream end to end.
 */
class LiveEntriesControllerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final LedgerClient ledger = mock(LedgerClient.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final MockWebSession session = new MockWebSession();
    private LiveEntriesController controller;

    @BeforeEach
    void setUp() throws Exception {
        when(ledger.reference()).thenReturn(Mono.just(JSON.readTree("""
                {"organisations": [{"code": "nhs-gp-riverside", "name": {"en": "Riverside Medical Practice"}}],
                 "purposes": [{"code": "al:DirectCare", "label": {"en": "Your health and care"}}]}""")));
        controller = new LiveEntriesController(ledger, new EntryRowHtml(templates()), new PortalStopping(), clock);
        CitizenActivity.idle(session, clock.instant()); // signed in and active now
    }

    @Test
    void asksLedgerApiForTheCheckedFiltersAndPositionAndSendsEachEntryAsTheRowThePageShows() {
        EntryView entry = entry("Riverside Medical Practice");
        when(ledger.newEntries(any(), any(), any())).thenReturn(Flux.just(
                ServerSentEvent.<EntryView>builder().comment("open").build(),
                ServerSentEvent.builder(entry).id("7").event("entry").build()));
        MultiValueMap<String, String> params = params("organisation", "nhs-gp-riverside", "purpose", "no-such-code",
                "after", "5");

        List<ServerSentEvent<String>> events = all(controller.live(params, "6", session));
        assertThat(events).hasSize(3);
        assertThat(events.get(0).comment()).isEqualTo("open");
        assertThat(events.get(0).retry()).isEqualTo(LiveEntriesController.RECONNECT);
        assertThat(events.get(1).comment()).isEqualTo("heartbeat");
        ServerSentEvent<String> row = events.get(2);
        assertThat(row.event()).isEqualTo("entry");
        assertThat(row.id()).isEqualTo("7");
        assertThat(row.data()).startsWith("<tr class=\"govuk-table__row\" id=\"entry-" + entry.id() + "\">")
                .contains("href=\"/entries/" + entry.id() + "\"")
                .contains("Riverside Medical Practice looked at your health record")
                .contains(">New<").contains("Your health and care").endsWith("</tr>");

        ArgumentCaptor<HistoryQuery> query = ArgumentCaptor.forClass(HistoryQuery.class);
        verify(ledger).newEntries(query.capture(), eq(5L), eq(6L));
        assertThat(query.getValue().organisation()).isEqualTo("nhs-gp-riverside");
        assertThat(query.getValue().purpose()).as("an unknown code is 'any'").isNull();
    }

    @Test
    void passesNoPositionItCannotReadAsASeq() {
        when(ledger.newEntries(any(), any(), any())).thenReturn(Flux.empty());
        assertThat(all(controller.live(params("after", "1 OR 1=1"), "not-a-seq", session))).hasSize(1);
        verify(ledger).newEntries(any(), isNull(), isNull());
    }

    @Test
    void escapesEverythingItPutsInARow() {
        EntryView entry = entry("<script>alert(1)</script>");
        when(ledger.newEntries(any(), any(), any())).thenReturn(Flux.just(
                ServerSentEvent.builder(entry).id("1").event("entry").build()));
        assertThat(all(controller.live(params(), null, session)).get(1).data()).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void tellsThePageToStopWhenLedgerApiRefusesTheSignIn() {
        when(ledger.newEntries(any(), any(), any())).thenReturn(Flux.error(mock(SignInExpiredException.class)));
        List<ServerSentEvent<String>> events = all(controller.live(params(), null, session));
        assertThat(events).hasSize(2);
        assertThat(events.get(1).event()).isEqualTo("end");
        assertThat(session.isExpired()).as("only the stream ends").isFalse();
    }

    @Test
    void pausesForLedgerApisRetryAfterWhenItIsBusyOrDown() {
        LedgerUnavailableException busy = mock(LedgerUnavailableException.class);
        when(busy.retryAfter()).thenReturn(Optional.of(Duration.ofSeconds(30)));
        LedgerUnavailableException down = mock(LedgerUnavailableException.class);
        when(down.retryAfter()).thenReturn(Optional.empty());
        when(ledger.newEntries(any(), any(), any())).thenReturn(Flux.error(busy), Flux.error(down));

        List<ServerSentEvent<String>> first = all(controller.live(params(), null, session));
        assertThat(first).hasSize(2);
        assertThat(first.get(1).comment()).isEqualTo("paused");
        assertThat(first.get(1).retry()).isEqualTo(Duration.ofSeconds(30));
        List<ServerSentEvent<String>> second = all(controller.live(params(), null, session));
        assertThat(second).hasSize(2);
        assertThat(second.get(1).retry()).isEqualTo(LiveEntriesController.RECONNECT);
    }

    @Test
    void signsOutASessionIdleForItsTimeoutInsteadOfKeepingItAlive() throws Exception {
        Sinks.Many<ServerSentEvent<EntryView>> upstream = Sinks.many().unicast().onBackpressureBuffer();
        when(ledger.newEntries(any(), any(), any())).thenReturn(upstream.asFlux());
        ServerSentEvent<EntryView> heartbeat = ServerSentEvent.<EntryView>builder().comment("heartbeat").build();

        BlockingQueue<ServerSentEvent<String>> received = new LinkedBlockingQueue<>();
        CountDownLatch ended = new CountDownLatch(1);
        controller.live(params(), null, session).subscribe(received::add, e -> { }, ended::countDown);
        assertThat(next(received).comment()).isEqualTo("open");
        clock.advance(Duration.ofMinutes(29));
        upstream.tryEmitNext(heartbeat);
        assertThat(next(received).comment()).isEqualTo("heartbeat");
        clock.advance(Duration.ofMinutes(1));
        upstream.tryEmitNext(heartbeat);
        assertThat(next(received).event()).isEqualTo("end");
        assertThat(ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(session.isExpired()).as("invalidated").isTrue();

        MockWebSession stale = new MockWebSession();
        CitizenActivity.idle(stale, clock.instant().minus(Duration.ofHours(1)));
        List<ServerSentEvent<String>> events = all(controller.live(params(), null, stale));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).event()).isEqualTo("end");
        assertThat(stale.isExpired()).isTrue();
    }

    @Test
    void countsEveryRequestButTheStreamAsActivityAndStartsNoSession() {
        CitizenActivity activity = new CitizenActivity(clock);
        MockWebSession signedIn = new MockWebSession();
        signedIn.start();
        Instant pageViewed = clock.instant();
        filter(activity, "/entries", signedIn);
        clock.advance(Duration.ofMinutes(10));
        filter(activity, "/entries/live", signedIn);
        assertThat(CitizenActivity.idle(signedIn, pageViewed.plus(Duration.ofMinutes(30)))).isTrue();
        filter(activity, "/entries/some-id", signedIn);
        assertThat(CitizenActivity.idle(signedIn, pageViewed.plus(Duration.ofMinutes(30)))).isFalse();
        assertThat(CitizenActivity.idle(signedIn, clock.instant().plus(Duration.ofMinutes(30)))).isTrue();

        MockWebSession anonymous = new MockWebSession();
        filter(activity, "/css/portal.css", anonymous);
        assertThat(anonymous.isStarted()).isFalse();
    }

    // --- helpers ---

    private static List<ServerSentEvent<String>> all(Flux<ServerSentEvent<String>> events) {
        return events.collectList().block(WAIT);
    }

    private static ServerSentEvent<String> next(BlockingQueue<ServerSentEvent<String>> received) throws Exception {
        ServerSentEvent<String> e = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(e).as("an event within " + WAIT).isNotNull();
        return e;
    }

    private static void filter(CitizenActivity activity, String path, MockWebSession session) {
        MockServerWebExchange exchange = MockServerWebExchange.builder(MockServerHttpRequest.get(path))
                .session(session).build();
        activity.filter(exchange, e -> Mono.empty()).block(WAIT);
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    private static MultiValueMap<String, String> params(String... pairs) {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static EntryView entry(String organisationName) {
        JsonNode body = JSON.createObjectNode().put("kind", "access").put("organisation", "nhs-gp-riverside")
                .put("action", "dpv:Consult").put("purpose", "al:DirectCare")
                .set("dataCategories", JSON.createArrayNode().add("pd:HealthRecord"));
        Map<String, EntryView.Label> labels = Map.of(
                "nhs-gp-riverside", new EntryView.Label(organisationName, null, null),
                "dpv:Consult", new EntryView.Label("looked at", null, null),
                "al:DirectCare", new EntryView.Label("Your health and care", null, null),
                "pd:HealthRecord", new EntryView.Label("Health record", null, null));
        Instant at = Instant.parse("2026-11-25T08:59:00Z");
        return new EntryView(UUID.randomUUID(), "access", 7, "00", null, at, at, false, body, "", labels);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

}
