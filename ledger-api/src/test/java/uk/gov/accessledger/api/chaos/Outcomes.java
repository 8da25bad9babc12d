package uk.gov.accessledger.api.chaos;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every answer the clients got, counted by phase of the run, node and outcome: the HTTP status
 * ({@code "201"}, {@code "503"}, ...) or {@code refused} (no connection: the node was down),
 * {@code broken} (the connection failed after the request was sent: no answer), {@code timeout}.
 * Keeps a few bodies of each unexpected status for the report.
 */
final class Outcomes {

    static final String REFUSED = "refused";
    static final String BROKEN = "broken";
    static final String TIMEOUT = "timeout";

    private record Key(String phase, String node, String outcome) {
    }

    private static final int SAMPLES = 5;

    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<String>> samples = new ConcurrentHashMap<>();
    private final List<String> phases = new CopyOnWriteArrayList<>(List.of("start"));
    private volatile String phase = "start";

    /** Later answers count towards {@code name}. */
    void phase(String name) {
        if (!phases.contains(name)) {
            phases.add(name);
        }
        phase = name;
    }

    String phase() {
        return phase;
    }

    void count(LedgerNode node, String outcome) {
        counts.computeIfAbsent(new Key(phase, node.name, outcome), k -> new LongAdder()).increment();
    }

    /** Counts an answer and, if it is neither a success nor a 503, keeps its body (a few of each status). */
    void count(LedgerNode node, int status, String body) {
        count(node, Integer.toString(status));
        if (status >= 300 && status != 503) {
            ConcurrentLinkedQueue<String> kept = samples.computeIfAbsent(Integer.toString(status),
                    k -> new ConcurrentLinkedQueue<>());
            if (kept.size() < SAMPLES) {
                kept.add(phase + " " + node.name + ": " + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
            }
        }
    }

    /** How many answers match: null matches anything. */
    long total(String phase, String node, String outcome) {
        return counts.entrySet().stream()
                .filter(e -> phase == null || e.getKey().phase.equals(phase))
                .filter(e -> node == null || e.getKey().node.equals(node))
                .filter(e -> outcome == null || e.getKey().outcome.equals(outcome))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** 5xx answers other than 503, in {@code phase} (null: all). */
    long serverErrorsOtherThan503(String phase) {
        return counts.entrySet().stream()
                .filter(e -> phase == null || e.getKey().phase.equals(phase))
                .filter(e -> e.getKey().outcome.startsWith("5") && !e.getKey().outcome.equals("503"))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** 4xx answers: the clients send only valid entries, so any is a fault. */
    long clientErrors() {
        return counts.entrySet().stream().filter(e -> e.getKey().outcome.startsWith("4"))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** phase (in the order of the run) → node → outcome → count. */
    Map<String, Map<String, Map<String, Long>>> table() {
        Map<String, Map<String, Map<String, Long>>> table = new LinkedHashMap<>();
        phases.forEach(p -> table.put(p, new TreeMap<>()));
        counts.forEach((k, v) -> table.get(k.phase).computeIfAbsent(k.node, n -> new TreeMap<>())
                .put(k.outcome, v.sum()));
        table.values().removeIf(Map::isEmpty);
        return table;
    }

    Map<String, List<String>> samples() {
        Map<String, List<String>> out = new TreeMap<>();
        samples.forEach((status, bodies) -> out.put(status, List.copyOf(bodies)));
        return out;
    }
}
