package uk.gov.accessledger.portal.history;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * When the signed-in citizen last did something: any request of theirs except the live updates'
 * stream. An open history page reconnects its stream from time to time, and each reconnect would
 * keep the session from idling out; so the stream goes by this instead, and signs the citizen out
 * after the same idle time as a page without live updates would ({@code server.reactive.session.timeout}).
 */
@Component
class CitizenActivity implements WebFilter {

    static final String LIVE_PATH = "/entries/live";
    private static final String LAST_ACTIVITY = CitizenActivity.class.getName() + ".last";

    private final Clock clock;

    CitizenActivity() {
        this(Clock.systemUTC());
    }

    CitizenActivity(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (LIVE_PATH.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        // Only a session that already exists: an anonymous request for a stylesheet starts none.
        return exchange.getSession().doOnNext(session -> {
            if (session.isStarted()) {
                session.getAttributes().put(LAST_ACTIVITY, clock.instant());
            }
        }).then(chain.filter(exchange));
    }

    /**
     * Whether the session has been idle for its whole idle time at {@code now}. A session with no
     * activity recorded counts as active from {@code now}.
     */
    static boolean idle(WebSession session, Instant now) {
        Object last = session.getAttributes().putIfAbsent(LAST_ACTIVITY, now);
        return last instanceof Instant at && !now.isBefore(at.plus(session.getMaxIdleTime()));
    }
}
