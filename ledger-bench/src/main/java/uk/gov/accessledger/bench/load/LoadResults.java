package uk.gov.accessledger.bench.load;

import java.util.List;
import java.util.Map;

/**
 * What a load run measured, as load.json holds it (the keys are these components' names). Figures
 * a run could not take are absent: the JIT warm-up without {@code --api-pid}, the group commits
 * without {@code --operator}, the baselines and the floor without {@code --pg-url}, and the round
 * trips until {@code roundtrips} adds them.
 *
 * @param secondsFromLastAckToAllInCheckpoint from the last acknowledgement until the signed
 *     checkpoint covered every acknowledged entry (or 60 s passed)
 * @param postgresRoundTrips by ingest phase name
 * @param postgresRoundTripsFrom which run the round trips were counted in
 */
public record LoadResults(String started, String loadAverageBefore, String url, Integer batchSize,
        Long treeSizeBefore, JitWarmup jitWarmup, Double apiCompileSecondsDuringSingles,
        GroupCommit singleEntryGroupCommit, Long treeSizeAfter, Boolean allAcknowledgedInCheckpoint,
        Long entriesAcknowledged, Double secondsFromLastAckToAllInCheckpoint, Double floorEntriesPerSecond,
        Double batchedToFloorRatio, List<LoadPhase> phases, Double baselineRowsPerSecond,
        Double batchedToBaselineRatio, String loadAverageDuring, String loadAverageAfter, String finished,
        Map<String, RoundTripSummary> postgresRoundTrips, String postgresRoundTripsFrom) {

    public LoadResults {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** The (first) phase named {@code name}, or null. */
    public LoadPhase phase(String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElse(null);
    }

    /** These results with the round trips per entry counted in the run {@code from} describes. */
    LoadResults withRoundTrips(Map<String, RoundTripSummary> roundTrips, String from) {
        return new LoadResults(started, loadAverageBefore, url, batchSize, treeSizeBefore, jitWarmup,
                apiCompileSecondsDuringSingles, singleEntryGroupCommit, treeSizeAfter, allAcknowledgedInCheckpoint,
                entriesAcknowledged, secondsFromLastAckToAllInCheckpoint, floorEntriesPerSecond, batchedToFloorRatio,
                phases, baselineRowsPerSecond, batchedToBaselineRatio, loadAverageDuring, loadAverageAfter, finished,
                roundTrips, from);
    }

    /** {@code value}, NaN when absent. */
    public static double orNaN(Number value) {
        return value == null ? Double.NaN : value.doubleValue();
    }
}
