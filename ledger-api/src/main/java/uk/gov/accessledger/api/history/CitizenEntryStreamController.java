package uk.gov.accessledger.api.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.config.WorkerThreads;
import uk.gov.accessledger.api.projection.HistoryFilter;
import uk.gov.accessledger.api.projection.LedgerEntries;
import uk.gov.accessledger.api.projection.LedgerEntryRow;
import uk.gov.accessledger.api.security.CitizenSubjects;

/**
 * A citizen's new entries as they are recorded, as server-sent events (the WHATWG HTML "Server-sent
 * events" format): each event is named {@code entry}, has the entry's {@code seq} as its id and the
 * same {@link EntryView} JSON as the list as its data. The subject comes only from the verified
 * token, so a stream can carry nothing about anyone else; entries still withheld from the subject
 * ({@code discloseAfter}) are never sent.
 *
 * <p>Each stream polls its subject's part of the (subject, seq) index every poll interval, on a
 * worker thread. Polling, rather than a notification from the writer, is what works across nodes:
 * any node's commit is visible to every node's next poll, and because a subject's chain commits in
 * seq order, "seq greater than the last one sent" never skips an entry. The stream ends when the
 * token expires (the client reconnects with a fresh one and its {@code Last-Event-ID}) and when the
 * node stops.
 */
@RestController
class CitizenEntryStreamController {

    /** The most entries one poll reads; a longer backlog is sent over the following polls. */
    static final int BATCH = 100;

    private final LedgerEntries entries;
    private final EntryViews views;
    private final CitizenSubjects subjects;
    private final EntryStreams streams;
    private final EntryStreamProperties properties;
    private final Clock clock;

    CitizenEntryStreamController(LedgerEntries entries, EntryViews views, CitizenSubjects subjects,
                                 EntryStreams streams, EntryStreamProperties properties, Clock clock) {
        this.entries = entries;
        this.views = views;
        this.subjects = subjects;
        this.streams = streams;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends a comment {@code open} once the starting point is fixed (entries recorded from then on
     * are sent), then every new entry, and a comment {@code heartbeat} every heartbeat interval.
     */
    @GetMapping(path = "/api/v1/me/entries/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<EntryView>> stream(@AuthenticationPrincipal Jwt token,
                                            @RequestParam Map<String, String> params,
                                            @RequestHeader(name = "Last-Event-ID", required = false)
                                            String lastEventId, ServerWebExchange exchange) {
        String subject = subjects.subjectOf(token);
        HistoryQuery.StreamQuery query = HistoryQuery.parseStream(params, lastEventId);
        if (exchange.getRequest().getMethod() == HttpMethod.HEAD) {
            // The headers a GET would get, and no stream: WebFlux would otherwise subscribe to the
            // stream only to discard it, holding a place until the token expires.
            return Flux.empty();
        }
        // A place is taken when the stream is subscribed and given back however it ends.
        return Flux.using(() -> streams.open(subject), slot -> events(subject, query, token), EntryStreams.Slot::close);
    }

    private Flux<ServerSentEvent<EntryView>> events(String subject, HistoryQuery.StreamQuery query, Jwt token) {
        Position position = new Position(subject, query.filter());
        Flux<ServerSentEvent<EntryView>> newEntries = Flux.interval(Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop() // a slow client or database skips polls rather than queueing them
                .concatMap(tick -> WorkerThreads.call(position::poll), 1)
                .concatMapIterable(batch -> batch)
                .map(view -> ServerSentEvent.builder(view).id(Long.toString(view.seq())).event("entry").build());
        Flux<ServerSentEvent<EntryView>> heartbeats = Flux.interval(properties.heartbeatInterval())
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<EntryView>builder().comment("heartbeat").build());
        return WorkerThreads.call(() -> position.start(query.after()))
                .map(started -> ServerSentEvent.<EntryView>builder().comment("open").build())
                .concatWith(Flux.merge(newEntries, heartbeats))
                .takeUntilOther(expiry(token))
                .takeUntilOther(streams.stopped());
    }

    private Mono<Long> expiry(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        if (expiresAt == null) {
            return Mono.never();
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return Mono.delay(left.isNegative() ? Duration.ZERO : left);
    }

    /**
     * Where one stream is in its subject's chain. Touched by one poll at a time (the polls are
     * concatenated), each on some worker thread, hence volatile.
     */
    private final class Position {

        private final String subject;
        private final HistoryFilter filter;

        /** Every entry with seq up to this one has been sent or passed over. */
        private volatile long last;

        Position(String subject, HistoryFilter filter) {
            this.subject = subject;
            this.filter = filter;
        }

        /** Starts after {@code after}, or after the subject's newest entry when null. */
        boolean start(Long after) {
            last = after != null ? after : entries.head(subject);
            return true;
        }

        /** The visible, matching entries recorded since the last poll, oldest first. */
        List<EntryView> poll() {
            long head = entries.head(subject);
            if (head <= last) {
                return List.of();
            }
            List<LedgerEntryRow> rows = entries.recordedAfter(subject, last, head, filter, BATCH, today());
            last = rows.size() == BATCH ? rows.get(BATCH - 1).seq() : head;
            return rows.stream().map(views::view).toList();
        }

        private LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
    }
}
