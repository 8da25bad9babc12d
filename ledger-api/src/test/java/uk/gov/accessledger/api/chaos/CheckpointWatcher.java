package uk.gov.accessledger.api.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Polls {@code GET /log/checkpoint} on every node that is up, as a monitor would, and keeps every
 * distinct signed checkpoint it was served, with the node and the phase of the run in which it
 * was first seen. The checks require each of them to be a prefix of the final tree: a checkpoint
 * seen before a fault must be consistent with every one after it.
 */
final class CheckpointWatcher {

    record Seen(String note, String node, String phase) {
    }

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private final LedgerCluster cluster;
    private final Outcomes outcomes;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this::run, "checkpoint-watcher");
    private volatile boolean stopping;

    CheckpointWatcher(LedgerCluster cluster, Outcomes outcomes) {
        this.cluster = cluster;
        this.outcomes = outcomes;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        stopping = true;
        thread.join(10_000);
    }

    Map<String, Seen> seen() {
        return Map.copyOf(seen);
    }

    private void run() {
        while (!stopping) {
            for (LedgerNode node : cluster.nodes) {
                if (!node.isUp()) {
                    continue;
                }
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.uri("/log/checkpoint"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        seen.putIfAbsent(r.body(), new Seen(r.body(), node.name, outcomes.phase()));
                    }
                } catch (IOException e) {
                    // the node went away between the check and the request: the clients count those
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
