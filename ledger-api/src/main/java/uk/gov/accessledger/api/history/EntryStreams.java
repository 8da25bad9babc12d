package uk.gov.accessledger.api.history;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;

/**
 * The entry streams open on this node. Each costs an indexed query per poll interval, so their
 * number is capped per node and per subject; beyond a cap the answer is back-pressure (503 or
 * 429 with Retry-After), never a failure. When the node stops, every stream ends, so clients
 * reconnect to another node instead of holding up graceful shutdown.
 */
@Component
class EntryStreams implements SmartLifecycle {

    private final EntryStreamProperties properties;

    /** Open streams per subject; {@code total} is the sum of the values. Both guarded by {@code this}. */
    private final Map<String, Integer> bySubject = new HashMap<>();
    private int total;
    private boolean closed;

    private final Sinks.Empty<Void> stopped = Sinks.empty();
    private volatile boolean running;

    EntryStreams(EntryStreamProperties properties, MeterRegistry meters) {
        this.properties = properties;
        Gauge.builder("ledger.entry.streams.open", this, EntryStreams::count).register(meters);
    }

    /**
     * Takes a place for one stream of {@code subject}; close the returned slot when the stream ends.
     * Call it when the stream is subscribed, not when it is built: a stream built but never
     * subscribed (as for a HEAD request) would otherwise keep its place.
     * Throws a 503 problem when the node is full or stopping, a 429 when the subject has too many.
     */
    synchronized Slot open(String subject) {
        if (closed || total >= properties.maxOpen()) {
            throw new ProblemException(ProblemType.BUSY, closed ? "this node is stopping; reconnect"
                    : "this node has as many open streams as it serves; retry later", List.of(),
                    properties.heartbeatInterval());
        }
        int mine = bySubject.getOrDefault(subject, 0);
        if (mine >= properties.maxOpenPerSubject()) {
            throw new ProblemException(ProblemType.TOO_MANY_STREAMS, "you already have " + mine
                    + " open streams, the most allowed; close one", List.of(), properties.heartbeatInterval());
        }
        bySubject.put(subject, mine + 1);
        total++;
        return new Slot(subject);
    }

    /** Completes when this node stops: every stream takes it as its end. */
    Mono<Void> stopped() {
        return stopped.asMono();
    }

    /** How many streams are open on this node. */
    synchronized int count() {
        return total;
    }

    private synchronized void release(String subject) {
        bySubject.computeIfPresent(subject, (s, n) -> n == 1 ? null : n - 1);
        total--;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        synchronized (this) {
            closed = true;
        }
        running = false;
        stopped.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One stream's place; closing it more than once releases it once. */
    final class Slot implements AutoCloseable {

        private final String subject;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String subject) {
            this.subject = subject;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                release(subject);
            }
        }
    }
}
