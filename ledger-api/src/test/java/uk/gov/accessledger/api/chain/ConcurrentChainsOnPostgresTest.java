package uk.gov.accessledger.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;
import uk.gov.accessledger.subject.CitizenIdentifier;
import uk.gov.accessledger.subject.SubjectPseudonymiser;

/**
 * 10,000 concurrent single-entry requests over 200 subjects, on PostgreSQL, leave every subject's
 * chain gap-free and fork-free, with every link recomputable from the stored bytes.
 */
class ConcurrentChainsOnPostgresTest extends ApiTestSupport {

    private static final int REQUESTS = 10_000;
    private static final int SUBJECTS = 200;
    private static final int IN_FLIGHT = 64;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    SubjectPseudonymiser pseudonymiser;

    @Test
    void concurrentRequestsLeaveEveryChainGapFreeAndForkFree() throws Exception {
        List<String> citizens = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            citizens.add(nhsNumber());
        }
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(TestServices.GP, TestServices.secret(TestServices.GP))).build();
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        Flux.range(0, REQUESTS)
                .flatMap(i -> client.post().uri("/api/v1/entries").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(access(citizens.get(i % SUBJECTS)).toString())
                        .retrieve().bodyToMono(JsonNode.class)
                        .doOnNext(r -> acknowledged.put(r.get("id").asText(), i % SUBJECTS))
                        .onErrorResume(e -> {
                            failures.incrementAndGet();
                            return reactor.core.publisher.Mono.empty();
                        }), IN_FLIGHT)
                .blockLast(Duration.ofMinutes(10));

        assertThat(failures.get()).as("failed requests").isZero();
        assertThat(acknowledged).hasSize(REQUESTS);

        HexFormat hex = HexFormat.of();
        for (String citizen : citizens) {
            String subject = pseudonymiser.pseudonymOf(CitizenIdentifier.parse("nhs-number", citizen));
            List<Map<String, Object>> chain = jdbc.queryForList(
                    "SELECT seq, prev_hash, leaf_hash, canonical FROM ledger_entry WHERE subject = ? ORDER BY seq",
                    subject);
            assertThat(chain).as("chain of one subject").hasSize(REQUESTS / SUBJECTS);
            byte[] previous = null;
            for (int seq = 0; seq < chain.size(); seq++) {
                Map<String, Object> link = chain.get(seq);
                assertThat(((Number) link.get("seq")).longValue()).isEqualTo(seq);
                byte[] canonical = (byte[]) link.get("canonical");
                assertThat((byte[]) link.get("leaf_hash")).isEqualTo(leafHash(canonical));
                assertThat((byte[]) link.get("prev_hash")).isEqualTo(previous);
                JsonNode entry = JSON.readTree(canonical);
                assertThat(entry.get("seq").asLong()).isEqualTo(seq);
                assertThat(entry.has("prev") ? entry.get("prev").asText() : null)
                        .isEqualTo(previous == null ? null : hex.formatHex(previous));
                previous = (byte[]) link.get("leaf_hash");
            }
            Long events = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, subject);
            assertThat(events).isEqualTo(REQUESTS / SUBJECTS);
        }
    }

    private static byte[] leafHash(byte[] canonical) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0x00);
        return sha.digest(canonical);
    }

}
