package uk.gov.accessledger.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;

/**
 * Batches race for the same subject's chain: batch requests are not serialised per subject the
 * way single entries are by the group commit, so two of them can append the same chain position
 * at once. The loser must retry, never answer 5xx. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ConcurrentBatchesContract extends ApiTestSupport {

    private static final int ROUNDS = 30;
    private static final int CLIENTS = 4;

    @LocalServerPort
    int port;

    @Test
    void concurrentBatchesForOneSubjectAreAllRecordedWithoutA5xx() {
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // Even rounds race for a new chain's first position, odd rounds for a later one.
            String citizen = nhsNumber();
            if (round % 2 == 1) {
                postOk(TestServices.GP, "/api/v1/entries", access(citizen));
            }
            statuses.addAll(race(i -> access(citizen)));
        }
        assertThat(statuses).as("statuses of %s concurrent batches", ROUNDS * CLIENTS).containsOnly(201);
    }

    /** docs/api.md: the same entry sent by several clients at once is recorded once; the others replay it. */
    @Test
    void theSameBatchSentConcurrentlyIsRecordedOnceAndReplayedToTheOthers() {
        for (int round = 0; round < ROUNDS; round++) {
            ObjectNode entry = access(nhsNumber());
            long before = count("ledger_entry");
            List<Integer> statuses = race(i -> entry);
            assertThat(statuses).as("statuses of %s clients sending one batch", CLIENTS)
                    .containsOnlyOnce(201).containsOnly(201, 200);
            assertThat(count("ledger_entry")).isEqualTo(before + 1);
        }
    }

    /** Sends {@link #CLIENTS} one-entry batches at once and answers their statuses. */
    private List<Integer> race(IntFunction<ObjectNode> entry) {
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).build();
        return Flux.range(0, CLIENTS).flatMap(i -> {
            ObjectNode batch = JSON.createObjectNode();
            batch.putArray("entries").add(entry.apply(i));
            return client.post().uri("/api/v1/entries/batch").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(batch.toString()).exchangeToMono(r -> Mono.just(r.statusCode().value()));
        }, CLIENTS).collectList().block(Duration.ofMinutes(1));
    }
}
