package uk.gov.accessledger.portal.history;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Completes when the portal stops, before graceful shutdown waits for open requests: live update
 * streams end on it, and browsers reconnect (to another instance) instead of holding shutdown up.
 */
@Component
class PortalStopping implements SmartLifecycle {

    private final Sinks.Empty<Void> stopped = Sinks.empty();
    private volatile boolean running;

    Mono<Void> signal() {
        return stopped.asMono();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopped.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
