package uk.gov.accessledger.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts the API's PostgreSQL round trips per entry, by the code that made them, from a flight
 * recording of every socket read (load.sh with {@code LEDGER_BENCH_PROFILE=true} records one). A
 * count does not drift with machine load as a rate does, so it shows what bounds ingest on any
 * machine: each round trip costs at least the database's commit-free latency, serially per request.
 */
final class RoundTrips {

    static final int POSTGRES_PORT = 5432;

    private RoundTrips() {
    }

    /**
     * The round trips within each phase of {@code load} that ingests entries, grouped by caller.
     *
     * @param recording a JFR file with jdk.SocketRead events at threshold 0 and stack traces
     */
    static Map<String, Object> analyse(Path recording, Map<String, Object> load) throws IOException {
        List<RecordedEvent> reads = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.SocketRead") && event.getInt("port") == POSTGRES_PORT) {
                reads.add(event);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : List.of("batched ingest", "single-entry ingest")) {
            Map<String, Object> phase = LoadReport.phase(load, name);
            if (phase == null) {
                continue;
            }
            Instant from = Instant.parse((String) phase.get("startedAt"));
            Instant to = Instant.parse((String) phase.get("endedAt"));
            double entries = LoadReport.number(phase, "entries");
            Map<String, long[]> byCaller = new LinkedHashMap<>();
            long total = 0;
            for (RecordedEvent read : reads) {
                if (read.getStartTime().isBefore(from) || read.getStartTime().isAfter(to)) {
                    continue;
                }
                long[] counts = byCaller.computeIfAbsent(caller(read), key -> new long[2]);
                counts[0]++;
                counts[1] += read.getDuration().toNanos();
                total++;
            }
            List<Map<String, Object>> callers = new ArrayList<>();
            byCaller.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .forEach(e -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("caller", e.getKey());
                        row.put("roundTrips", e.getValue()[0]);
                        row.put("perEntry", e.getValue()[0] / entries);
                        row.put("meanMs", e.getValue()[1] / 1e6 / e.getValue()[0]);
                        callers.add(row);
                    });
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("entries", entries);
            summary.put("roundTrips", total);
            summary.put("perEntry", total / entries);
            summary.put("byCaller", callers);
            result.put(name, summary);
        }
        return result;
    }

    /**
     * The innermost frame of the ledger's own code, of Axon's event store, or of a transaction
     * commit; what issued the query. "other" when the stack holds none of them.
     */
    private static String caller(RecordedEvent read) {
        if (read.getStackTrace() == null) {
            return "other";
        }
        for (RecordedFrame frame : read.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            String method = frame.getMethod().getName();
            if (type.startsWith("uk.gov.accessledger.") || type.endsWith(".JdbcEventStorageEngine")
                    || (type.endsWith("TransactionManager") && (method.equals("doCommit") || method.equals("doBegin")))) {
                String simple = type.substring(type.lastIndexOf('.') + 1);
                return simple + "." + method.replaceAll("^lambda\\$(\\w+)\\$\\d+$", "$1");
            }
        }
        return "other";
    }
}
