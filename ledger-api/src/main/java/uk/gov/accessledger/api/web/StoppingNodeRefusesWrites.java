package uk.gov.accessledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import uk.gov.accessledger.api.problem.ProblemType;
import uk.gov.accessledger.api.problem.Problems;

/**
 * A stopping node answers every write it took and records none it did not answer. When the node
 * stops, before the web server's graceful shutdown, this refuses every new write (POST, PUT,
 * PATCH, DELETE) with a 503 problem and {@code Connection: close}, recording nothing, and waits
 * until every write it had let through has been answered; only then does the web server close
 * its idle connections.
 *
 * <p>Reactor Netty's graceful shutdown alone is not enough: it closes every connection it finds
 * without a request in progress, and a request decoded on the connection's event loop at that
 * moment is still handed to the application, which records it while its connection is closing,
 * so the client gets no answer for an entry that was stored. A write that reaches this filter
 * after the node began stopping is refused before anything reads it, so whatever happens to its
 * connection, nothing was recorded.
 */
final class StoppingNodeRefusesWrites implements WebFilter, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoppingNodeRefusesWrites.class);

    /** Longer than any write takes unless the database is away, when a write answers 503 anyway. */
    static final Duration DRAIN_PATIENCE = Duration.ofSeconds(30);

    private final ObjectMapper mapper;
    /** Writes let through and not yet answered. */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;
    private volatile boolean running;

    StoppingNodeRefusesWrites(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isWrite(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        // Counted before the check, so stop() never misses a write that passed it.
        inFlight.incrementAndGet();
        if (stopping) {
            finished();
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
            return Problems.write(exchange, mapper, ProblemType.BUSY, "this node is stopping; retry on another node");
        }
        return chain.filter(exchange).doFinally(signal -> finished());
    }

    private void finished() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    private static boolean isWrite(HttpMethod method) {
        return HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method)
                || HttpMethod.DELETE.equals(method);
    }

    /** Writes let through and not yet answered; for tests. */
    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /** Refuses new writes, then waits, bounded, until every write let through has been answered. */
    @Override
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + DRAIN_PATIENCE.toNanos();
        synchronized (this) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("stopping with {} write(s) still unanswered after {} s", inFlight.get(),
                            DRAIN_PATIENCE.toSeconds());
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown closes idle connections. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
    }
}
