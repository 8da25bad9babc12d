package uk.gov.accessledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Sinks;

/**
 * A stopping node lets every write it took finish before its connections close, and records none
 * that arrives afterwards: such a write is answered 503 without reaching the handlers.
 */
class StoppingNodeRefusesWritesTest {

    private final StoppingNodeRefusesWrites gate = new StoppingNodeRefusesWrites(new ObjectMapper());

    @Test
    void stopWaitsForTheWriteItLetThroughAndRefusesLaterWritesWithoutHandlingThem() throws Exception {
        gate.start();
        Sinks.Empty<Void> handling = Sinks.empty();
        MockServerWebExchange first = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/entries"));
        CompletableFuture<Void> firstDone = gate.filter(first, exchange -> handling.asMono()).toFuture();
        assertThat(gate.inFlight()).isEqualTo(1);

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(gate::stop);
        // stop() may not return while the write it let through is unanswered.
        Thread.sleep(200);
        assertThat(stopped).isNotDone();

        AtomicBoolean handled = new AtomicBoolean();
        MockServerWebExchange late = MockServerWebExchange.from(MockServerHttpRequest.post("/api/v1/entries/batch"));
        gate.filter(late, exchange -> {
            handled.set(true);
            return exchange.getResponse().setComplete();
        }).block();
        assertThat(handled).as("a write arriving while the node stops reached the handlers").isFalse();
        assertThat(late.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(late.getResponse().getHeaders().getFirst(HttpHeaders.CONNECTION)).isEqualTo("close");
        assertThat(late.getResponse().getBodyAsString().block()).contains("this node is stopping");
        assertThat(stopped).isNotDone();

        handling.tryEmitEmpty();
        firstDone.get(5, TimeUnit.SECONDS);
        stopped.get(5, TimeUnit.SECONDS);
        assertThat(gate.isRunning()).isFalse();
        assertThat(gate.inFlight()).isZero();
    }

    @Test
    void readsPassWhileTheNodeStops() {
        gate.start();
        gate.stop();
        AtomicBoolean handled = new AtomicBoolean();
        gate.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health/readiness")), exchange -> {
            handled.set(true);
            return exchange.getResponse().setComplete();
        }).block();
        assertThat(handled).isTrue();
    }
}
