package uk.gov.accessledger.bench.query;

import java.util.List;
import uk.gov.accessledger.bench.shared.CpuCost;

/**
 * One phase of a querybench run as scale.json holds it. A read phase (a page or proof over HTTP,
 * or its plain JDBC baseline) has requests, a rate in requests per second and latencies; an export
 * and its COPY baseline have entries, bytes and a rate in entries per second, and an export the
 * API's heap setting and resident memory. What a phase does not have is absent.
 *
 * @param seconds the phase's length: whole seconds for a read phase, as measured for an export
 */
public record ScalePhase(String phase, int clients, Integer requests, Long entries, Long bytes, Number seconds,
        Double firstByteSeconds, Long requestsPerSecond, Long entriesPerSecond, Double p50Ms, Double p95Ms,
        Double p99Ms, Double maxMs, String apiHeap, Long apiRssMiBFirst, Long apiRssMiBLast, Long apiRssMiBMax,
        Integer apiRssSamples, CpuCost cpu) {

    public static final String HISTORY = "citizen history page (50 entries)";
    public static final String ENTRY = "entry page";
    public static final String ENTRY_PROOF = "entry proof (tlog-proof)";
    public static final String ENTRY_WITH_PROOF = "entry page + its proof";
    public static final String INCLUSION = "inclusion proof via the API";
    public static final String CONSISTENCY = "consistency proof via the API";
    public static final String HISTORY_JDBC = "baseline: history page SQL by plain JDBC";
    public static final String INCLUSION_JDBC = "baseline: inclusion proof nodes by plain JDBC";
    public static final String CONSISTENCY_JDBC = "baseline: consistency proof nodes by plain JDBC";
    public static final String EXPORT_PREFIX = "export ";
    public static final String COPY_PREFIX = "baseline: COPY TO STDOUT of the rows of ";
    /** The two exports, by their file names under /api/v1/audit/. */
    public static final List<String> EXPORTS = List.of("entries.jsonl", "entries.csv");

    /** A read phase of {@code requests} requests over {@code seconds}. */
    static ScalePhase read(String name, int clients, int requests, int seconds, double p50Ms, double p95Ms,
            double p99Ms, double maxMs) {
        return new ScalePhase(name, clients, requests, null, null, seconds, null,
                Math.round(requests / (double) seconds), null, p50Ms, p95Ms, p99Ms, maxMs, null, null, null, null,
                null, null);
    }

    /** An export read to the end (or the limit), or with {@code apiHeap} null its COPY baseline. */
    static ScalePhase export(String name, long entries, long bytes, double seconds, Double firstByteSeconds,
            long entriesPerSecond, String apiHeap, Rss rss, CpuCost cpu) {
        return new ScalePhase(name, 1, null, entries, bytes, seconds, firstByteSeconds, null, entriesPerSecond, null,
                null, null, null, apiHeap, rss == null ? null : rss.first(), rss == null ? null : rss.last(),
                rss == null ? null : rss.max(), rss == null ? null : rss.samples(), cpu);
    }

    /** The API's resident memory during an export, in MiB, from {@code samples} samples. */
    record Rss(long first, long last, long max, int samples) {
    }

    /** Whether this is an export or its COPY baseline, whose rate is in entries per second. */
    public boolean export() {
        return entriesPerSecond != null;
    }
}
