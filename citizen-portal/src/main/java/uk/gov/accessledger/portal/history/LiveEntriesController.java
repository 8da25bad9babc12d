package uk.gov.accessledger.portal.history;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import uk.gov.accessledger.portal.ledger.LedgerClient;
import uk.gov.accessledger.portal.ledger.LedgerUnavailableException;
import uk.gov.accessledger.portal.ledger.SignInExpiredException;

/**
 * Live updates of the history page ({@code static/js/live-updates.js} listens): relays ledger-api's
 * stream of the signed-in citizen's new entries, called with the citizen's own token, and sends
 * each as the HTML row the page would show. No parameter names a subject; the filters and
 * {@code after} only narrow what ledger-api already limits to the token's citizen.
 *
 * <p>Events: {@code entry} (data: one {@code <tr>}, id: the entry's seq, which the browser sends
 * back as {@code Last-Event-ID} when it reconnects, so nothing is lost or repeated), comments
 * (heartbeats), and {@code end} when the citizen's sign-in is no longer accepted or has been idle
 * for the session timeout (the session is then ended: see {@link CitizenActivity}); the page stops
 * listening. When ledger-api ends the stream or cannot be reached, or the portal stops, the stream
 * ends with a {@code retry} delay and the browser reconnects by itself.
 */
@Controller
class LiveEntriesController {

    private static final Logger log = LoggerFactory.getLogger(LiveEntriesController.class);
    private static final Pattern SEQ = Pattern.compile("-1|[0-9]{1,18}");
    /** How long the browser waits before reconnecting, unless ledger-api asked for longer. */
    static final Duration RECONNECT = Duration.ofSeconds(3);

    private final LedgerClient ledger;
    private final EntryRowHtml html;
    private final PortalStopping stopping;
    private final Clock clock;

    @Autowired
    LiveEntriesController(LedgerClient ledger, EntryRowHtml html, PortalStopping stopping) {
        this(ledger, html, stopping, Clock.systemUTC());
    }

    LiveEntriesController(LedgerClient ledger, EntryRowHtml html, PortalStopping stopping, Clock clock) {
        this.ledger = ledger;
        this.html = html;
        this.stopping = stopping;
        this.clock = clock;
    }

    @GetMapping(path = CitizenActivity.LIVE_PATH, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> live(@RequestParam MultiValueMap<String, String> params,
                                       @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                       WebSession session) {
        if (CitizenActivity.idle(session, clock.instant())) {
            return signOutIdle(session);
        }
        Long after = seq(params.getFirst("after"));
        Long lastEvent = seq(lastEventId);
        Flux<ServerSentEvent<String>> relayed = ledger.reference().flatMapMany(reference -> {
            Filters f = HistoryController.filters(params, reference);
            LocalDate today = LocalDate.now(clock.withZone(EntryText.UK));
            return ledger.newEntries(HistoryController.query(f, today, null), after, lastEvent);
        }).map(event -> event.data() == null
                ? ServerSentEvent.<String>builder().comment("heartbeat").build()
                : ServerSentEvent.builder(html.fresh(EntryRow.of(event.data()))).id(event.id()).event("entry").build());
        return Flux.just(ServerSentEvent.<String>builder().comment("open").retry(RECONNECT).build())
                // ledger-api's heartbeats (every 15 s) are when an idle sign-in is noticed
                .concatWith(relayed.takeWhile(event -> !CitizenActivity.idle(session, clock.instant())))
                .concatWith(Flux.defer(() -> CitizenActivity.idle(session, clock.instant())
                        ? signOutIdle(session) : Flux.empty()))
                .takeUntilOther(stopping.signal())
                .onErrorResume(SignInExpiredException.class, e -> Flux.just(end("Sign in again to see new records")))
                .onErrorResume(LedgerUnavailableException.class, e -> {
                    log.info("live updates paused: {}", e.getMessage());
                    Duration wait = e.retryAfter().filter(r -> r.compareTo(RECONNECT) > 0).orElse(RECONNECT);
                    return Flux.just(ServerSentEvent.<String>builder().comment("paused").retry(wait).build());
                });
    }

    /** Ends the session, as its idle timeout would have without live updates, and the stream with it. */
    private static Flux<ServerSentEvent<String>> signOutIdle(WebSession session) {
        return session.invalidate().thenMany(Flux.just(end("You were signed out because you were inactive")));
    }

    private static ServerSentEvent<String> end(String why) {
        return ServerSentEvent.builder(why).event("end").build();
    }

    /** A seq from the page or the browser; anything else is ignored rather than sent on. */
    private static Long seq(String value) {
        return value != null && SEQ.matcher(value.strip()).matches() ? Long.valueOf(value.strip()) : null;
    }
}
