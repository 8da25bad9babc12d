package uk.gov.accessledger.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;

/**
 * Twenty clients send an entry with one id at the same moment, alone or in a batch beside a new
 * entry, some with one content and some with another. The first to commit wins the id; every
 * request with the winner's content gets the winner's receipt (201 or 200), every other one a
 * 409 with nothing of its batch stored; none gets a 5xx. Run on each database.
 */
abstract class SameEntryAtOnceContract extends ApiTestSupport {

    private static final int CLIENTS = 20;
    private static final int ROUNDS = 5;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @LocalServerPort
    int port;

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    @Test
    void answersEveryConcurrentRepeatOfAnIdWithTheWinnersReceiptOrA409() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String citizen = nhsNumber();
            ObjectNode first = access(citizen);
            ObjectNode second = first.deepCopy().put("staffReference", "staff-other");
            String id = first.get("id").asString();
            long entriesBefore = count("ledger_entry");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                ObjectNode entry = c % 4 == 3 ? second : first;
                boolean batch = c % 2 == 1;
                answers.add(clients.submit(() -> {
                    start.await();
                    return send(entry, batch);
                }));
            }
            start.countDown();
            List<Answer> done = new ArrayList<>();
            for (Future<Answer> f : answers) {
                done.add(f.get(60, TimeUnit.SECONDS));
            }

            assertThat(done).as("answers").allSatisfy(a -> assertThat(a.status).as(a.body)
                    .isIn(200, 201, 409));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE entry_id = ?", Long.class,
                    UUID.fromString(id))).isEqualTo(1);
            String storedReference = JSON.readTree(jdbc.queryForObject(
                    "SELECT canonical FROM ledger_entry WHERE entry_id = ?", byte[].class, UUID.fromString(id)))
                    .toString().contains("staff-other") ? "staff-other" : "staff-7f3a";
            List<JsonNode> receipts = new ArrayList<>();
            long newEntriesBeside = 0;
            for (Answer a : done) {
                boolean winnersContent = a.sent.get("staffReference").asString().equals(storedReference);
                if (winnersContent) {
                    assertThat(a.status).as(a.body).isIn(200, 201);
                } else {
                    assertThat(a.status).as(a.body).isEqualTo(409);
                }
                if (a.status != 409) {
                    JsonNode body = JSON.readTree(a.body);
                    receipts.add(a.batch ? body.get("receipts").get(0) : body);
                    newEntriesBeside += a.batch ? 1 : 0;
                }
            }
            assertThat(done.stream().filter(a -> a.status == 201 && !a.batch).count())
                    .as("single requests that recorded the id").isLessThanOrEqualTo(1);
            assertThat(receipts).extracting(r -> r.get("seq").asLong() + " " + r.get("leafHash").asString() + " "
                    + r.get("recordedAt").asString()).as("receipts of the id").containsOnly(
                    receipts.get(0).get("seq").asLong() + " " + receipts.get(0).get("leafHash").asString() + " "
                            + receipts.get(0).get("recordedAt").asString());
            assertThat(count("ledger_entry") - entriesBefore).as("entries stored: the id and the new entries beside it")
                    .isEqualTo(1 + newEntriesBeside);
        }
    }

    private Answer send(ObjectNode entry, boolean batch) throws Exception {
        String body = entry.toString();
        String path = "/api/v1/entries";
        if (batch) {
            ObjectNode wrapper = JSON.createObjectNode();
            wrapper.withArray("entries").add(entry).add(access(nhsNumber()));
            body = wrapper.toString();
            path = "/api/v1/entries/batch";
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((TestServices.GP + ":"
                        + TestServices.secret(TestServices.GP)).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(entry, batch, response.statusCode(), response.body());
    }

    private record Answer(ObjectNode sent, boolean batch, int status, String body) {
    }
}
