package uk.gov.accessledger.api.chaos;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import uk.gov.accessledger.api.support.ApiTestSupport;
import uk.gov.accessledger.api.support.TestServices;

/**
 * Closed-loop clients, as services behind a load balancer: each sends single entries or batches
 * about a shared pool of citizens to its own node, and on anything but a receipt (503, a broken
 * or refused connection, a timeout) sends the same request again, to the next node that is up,
 * until it is acknowledged, as a service that must not lose a record would. Every answer is
 * counted in {@link Outcomes}; every acknowledged entry is kept with its receipt.
 */
final class ClientLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String SERVICE = TestServices.GP;
    private static final long SEED = 20261205L;
    /** The JDK's client sends a {@code Connection} header only when allowed to (Failsafe allows it). */
    private static final boolean CAN_CLOSE_CONNECTIONS = System.getProperty("jdk.httpclient.allowRestrictedHeaders", "")
            .toLowerCase(Locale.ROOT).contains("connection");

    private final LedgerCluster cluster;
    private final Outcomes outcomes;
    private final List<String> citizens;
    private final int batchSize;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic " + Base64.getEncoder().encodeToString(
            (SERVICE + ":" + TestServices.secret(SERVICE)).getBytes(StandardCharsets.UTF_8));
    private final Map<UUID, Acknowledgement> acks = new ConcurrentHashMap<>();
    private final List<String> contradictions = Collections.synchronizedList(new ArrayList<>());
    /** "phase node" of each request a node dropped unanswered but had recorded: its resend was answered 200. */
    private final List<String> recordedUnanswered = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong requests = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    /** A node whose requests ask for the connection to be closed after the answer: see {@link #closeConnectionsTo}. */
    private volatile LedgerNode closing;
    private volatile boolean stopping;

    /**
     * {@code singles} clients send one entry a request and {@code batches} clients {@code batchSize}
     * entries, all about {@code citizens}; client {@code i} prefers node {@code i mod nodes}.
     */
    ClientLoad(LedgerCluster cluster, Outcomes outcomes, List<String> citizens, int singles, int batches,
               int batchSize) {
        this.cluster = cluster;
        this.outcomes = outcomes;
        this.citizens = citizens;
        this.batchSize = batchSize;
        for (int i = 0; i < singles + batches; i++) {
            int index = i;
            boolean batch = i >= singles;
            Thread t = new Thread(() -> run(index, batch), "client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /** Stops sending; a request in flight is answered or times out first. */
    void stop() throws InterruptedException {
        stopping = true;
        for (Thread t : threads) {
            t.join(REQUEST_TIMEOUT.toMillis() + 5_000);
        }
    }

    /**
     * From now on requests to {@code node} go on connections of their own ({@code Connection:
     * close}), so that when it shuts down a request is either refused or answered, never lost
     * on an idle keep-alive connection the server closed as the client reused it.
     */
    void closeConnectionsTo(LedgerNode node) {
        closing = node;
    }

    Map<UUID, Acknowledgement> acks() {
        return acks;
    }

    /** Acknowledgements of one id that named different entries, malformed receipts, clients that failed. */
    List<String> contradictions() {
        return List.copyOf(contradictions);
    }

    /**
     * Requests {@code node} dropped unanswered in {@code phase} (a broken connection) although it
     * had recorded them; a dropped request it had not recorded is not counted, as its client cannot
     * tell it from a connection the node closed before reading the request.
     */
    long recordedUnanswered(String phase, LedgerNode node) {
        String key = phase + " " + node.name;
        synchronized (recordedUnanswered) {
            return recordedUnanswered.stream().filter(key::equals).count();
        }
    }

    long requests() {
        return requests.get();
    }

    private void run(int index, boolean batch) {
        Random random = new Random(SEED + index);
        int preferred = index % cluster.nodes.size();
        try {
            while (!stopping) {
                List<UUID> ids = new ArrayList<>();
                String body;
                if (batch) {
                    ObjectNode request = JSON.createObjectNode();
                    ArrayNode entries = request.putArray("entries");
                    for (int i = 0; i < batchSize; i++) {
                        entries.add(entry(random, ids));
                    }
                    body = request.toString();
                } else {
                    body = entry(random, ids).toString();
                }
                String path = batch ? "/api/v1/entries/batch" : "/api/v1/entries";
                List<String> dropped = new ArrayList<>();
                for (int attempt = 0; !stopping; attempt++) {
                    LedgerNode node = cluster.anyUp(preferred + attempt);
                    if (node == null) {
                        Thread.sleep(50);
                    } else if (send(node, path, body, ids, batch, dropped)) {
                        break;
                    } else {
                        Thread.sleep(Math.min(500, 20L * (attempt + 1)));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            contradictions.add("client " + index + " stopped: " + e);
        }
    }

    private ObjectNode entry(Random random, List<UUID> ids) {
        ObjectNode entry = ApiTestSupport.access(citizens.get(random.nextInt(citizens.size())));
        ids.add(UUID.fromString(entry.get("id").asString()));
        return entry;
    }

    /** Answers true when the request is done with: acknowledged, or refused for good (4xx). */
    private boolean send(LedgerNode node, String path, String body, List<UUID> ids, boolean batch,
                         List<String> dropped) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (node == closing && CAN_CLOSE_CONNECTIONS) {
            request.header("Connection", "close");
        }
        requests.incrementAndGet();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            outcomes.count(node, Outcomes.REFUSED);
            return false;
        } catch (HttpTimeoutException e) {
            outcomes.count(node, Outcomes.TIMEOUT);
            return false;
        } catch (IOException e) {
            outcomes.count(node, Outcomes.BROKEN);
            dropped.add(outcomes.phase() + " " + node.name);
            return false;
        }
        int status = response.statusCode();
        outcomes.count(node, status, response.body());
        if (status == 200 || status == 201) {
            if (status == 200 && !dropped.isEmpty()) {
                // Already recorded, all of it (a request is all or nothing), though no earlier
                // attempt was answered: the node that broke the connection had recorded it.
                recordedUnanswered.add(dropped.get(dropped.size() - 1));
            }
            acknowledge(node, status, response.body(), ids, batch);
            return true;
        }
        // A 4xx other than 429 would be refused again: the clients send only valid entries, so
        // it is counted (and fails the run) but not repeated.
        return status >= 400 && status < 500 && status != 429;
    }

    private void acknowledge(LedgerNode node, int status, String body, List<UUID> ids, boolean batch) {
        List<Acknowledgement> receipts = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(body);
            if (batch) {
                json.get("receipts").forEach(r -> receipts.add(Acknowledgement.of(r, node.name, status)));
            } else {
                receipts.add(Acknowledgement.of(json, node.name, status));
            }
        } catch (RuntimeException e) {
            contradictions.add(node.name + " answered " + status + " without well-formed receipts: " + e.getMessage());
            return;
        }
        List<UUID> answered = receipts.stream().map(Acknowledgement::id).toList();
        if (!answered.equals(ids)) {
            contradictions.add(node.name + " answered " + status + " with receipts for " + answered + ", want " + ids);
            return;
        }
        for (Acknowledgement ack : receipts) {
            Acknowledgement earlier = acks.putIfAbsent(ack.id(), ack);
            if (earlier != null && !earlier.sameEntryAs(ack)) {
                contradictions.add("entry " + ack.id() + " acknowledged as " + earlier + " and later as " + ack);
            }
        }
    }
}
