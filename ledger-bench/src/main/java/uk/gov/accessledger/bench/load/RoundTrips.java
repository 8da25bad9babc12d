package uk.gov.accessledger.bench.load;

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
import uk.gov.accessledger.bench.shared.JsonFiles;

/**
 * Counts the API's PostgreSQL round trips per entry, by the code that made them, from a flight
 * recording of every socket read (load.sh with {@code LEDGER_BENCH_PROFILE=true} records one). A
 * count does not drift with machine load as a rate does, so it shows what bounds ingest on any
 * machine: each round trip costs at least the database's commit-free latency, serially per request.
 */
public final class RoundTrips {

    static final int POSTGRES_PORT = 5432;

    private RoundTrips() {
    }

    /**
     * {@code roundtrips JFR LOAD_JSON [TARGET_JSON]}: counts the round trips in the recording
     * {@code JFR} of the load run that wrote {@code LOAD_JSON}, and adds them to {@code TARGET_JSON}
     * (default {@code LOAD_JSON}), a load.json of another run.
     */
    public static void main(String... args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            throw new IllegalArgumentException("usage: roundtrips JFR LOAD_JSON [TARGET_JSON]: got "
                    + args.length + " arguments, want 2 or 3");
        }
        Path target = Path.of(args.length > 2 ? args[2] : args[1]);
        LoadResults load = JsonFiles.read(Path.of(args[1]), LoadResults.class);
        LoadResults updated = JsonFiles.read(target, LoadResults.class);
        JsonFiles.write(target, updated.withRoundTrips(analyse(Path.of(args[0]), load), "a separate short load run ("
                + load.started() + ") with a flight recording of every PostgreSQL socket read"));
    }

    /**
     * The round trips within each phase of {@code load} that ingests entries, grouped by caller.
     *
     * @param recording a JFR file with jdk.SocketRead events at threshold 0 and stack traces
     */
    static Map<String, RoundTripSummary> analyse(Path recording, LoadResults load) throws IOException {
        List<RecordedEvent> reads = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.SocketRead") && event.getInt("port") == POSTGRES_PORT) {
                reads.add(event);
            }
        }
        Map<String, RoundTripSummary> result = new LinkedHashMap<>();
        for (String name : LoadPhase.INGEST) {
            LoadPhase phase = load.phase(name);
            if (phase == null) {
                continue;
            }
            Instant from = Instant.parse(phase.startedAt());
            Instant to = Instant.parse(phase.endedAt());
            double entries = phase.entries();
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
            List<RoundTripSummary.Caller> callers = byCaller.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                    .map(e -> new RoundTripSummary.Caller(e.getKey(), e.getValue()[0], e.getValue()[0] / entries,
                            e.getValue()[1] / 1e6 / e.getValue()[0]))
                    .toList();
            result.put(name, new RoundTripSummary(entries, total, total / entries, callers));
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
