package uk.gov.accessledger.bench.query;

import java.util.List;
import uk.gov.accessledger.bench.bulk.BulkLoadFigures;

/**
 * What a querybench run measured, as scale.json holds it (the keys are these components' names):
 * the log it read, the bulk load that filled it when given, the machine's load average before,
 * during and after, and the phases in the order they ran.
 *
 * @param treeSize the leaves of the log's latest checkpoint
 * @param subjects the citizens the reads were drawn from
 */
public record ScaleResults(String started, String loadAverageBefore, BulkLoadFigures bulkload, Long treeSize,
        Integer subjects, String loadAverageDuring, List<ScalePhase> phases, String loadAverageAfter,
        String finished) {

    public ScaleResults {
        phases = phases == null ? List.of() : List.copyOf(phases);
    }

    /** Every phase named {@code name} (one per client count), in the order they ran. */
    public List<ScalePhase> phases(String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).toList();
    }

    /** The (first) phase named {@code name}, or null. */
    public ScalePhase phase(String name) {
        return phases.stream().filter(p -> p.phase().equals(name)).findFirst().orElse(null);
    }
}
