package uk.gov.accessledger.bench.load;

import java.time.Instant;
import java.util.List;
import uk.gov.accessledger.bench.shared.CpuCost;
import uk.gov.accessledger.bench.shared.Latencies;

/**
 * One phase of a load run as load.json holds it. Rates are over the phase's seconds; latencies
 * (request start to answer, nearest-rank percentiles) are absent when no request was answered,
 * and the CPU per unit when /proc could not be read.
 *
 * @param phase the phase's name: one of the constants below, or a warm-up
 * @param requests the requests answered as expected
 * @param failures the requests answered otherwise or not at all
 * @param startedAt when the phase started (ISO-8601), for matching a flight recording against it
 */
public record LoadPhase(String phase, int clients, int requests, int entries, int failures, double seconds,
        String startedAt, String endedAt, double entriesPerSecond, double requestsPerSecond, Double p50Ms,
        Double p95Ms, Double p99Ms, String firstFailure, CpuCost cpu) {

    /** The plain JDBC batch INSERT baseline, run before and after batched ingest. */
    public static final String BASELINE = "baseline: plain JDBC batch INSERT";
    public static final String BATCHED = "batched ingest";
    public static final String SINGLE = "single-entry ingest";
    /** Clients sending single entries with {@code ?wait=inclusion} during the single-entry phase. */
    public static final String WAITING_FOR_INCLUSION = "request → in a signed checkpoint (?wait=inclusion)";
    /**
     * The single-entry requests sent again, by as many clients: each is answered 200 with its
     * receipt after the same HTTP, authentication, parsing and group commit, one read and the receipt
     * signature, but nothing is written. What single-entry ingest costs beyond this is recording: the
     * chain commands, the writes and the commit.
     */
    public static final String REPEATS = "single-entry repeats (200: the same requests again, nothing written)";
    /** The floor (see {@link LedgerRowsFloor}). */
    public static final String FLOOR = "floor: the ledger's own rows by plain JDBC, no application code";
    public static final String INCLUSION_PROOF = "inclusion proof via the API";
    public static final String CONSISTENCY_PROOF = "consistency proof via the API";
    /** The phases whose PostgreSQL round trips per entry {@code roundtrips} counts. */
    static final List<String> INGEST = List.of(BATCHED, SINGLE);

    /** The phase of {@code requests} answered ones whose latencies are {@code latencies}. */
    static LoadPhase measured(String name, int clients, int requests, int entries, int failures, double seconds,
            Latencies latencies, String firstFailure, Instant startedAt, Instant endedAt) {
        boolean timed = latencies.count() > 0;
        return new LoadPhase(name, clients, requests, entries, failures, seconds, startedAt.toString(),
                endedAt.toString(), entries / seconds, requests / seconds,
                timed ? latencies.percentileMillis(50) : null, timed ? latencies.percentileMillis(95) : null,
                timed ? latencies.percentileMillis(99) : null, firstFailure, null);
    }

    /** This phase with the CPU per unit it cost, when it could be read. */
    LoadPhase withCpu(CpuCost cost) {
        return new LoadPhase(phase, clients, requests, entries, failures, seconds, startedAt, endedAt,
                entriesPerSecond, requestsPerSecond, p50Ms, p95Ms, p99Ms, firstFailure, cost);
    }

    /** Requests sent: the good answers ({@code requests}) and the failures (bad answers, errors). */
    int attempted() {
        return requests + failures;
    }
}
