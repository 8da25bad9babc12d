package uk.gov.accessledger.bench.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import uk.gov.accessledger.bench.load.LoadResults;
import uk.gov.accessledger.bench.query.ScaleResults;

/**
 * Everything a report says, whichever format it is written in.
 *
 * @param loadResults the load run's figures, or null
 * @param scaleResults the scale run's figures, or null
 */
record ReportContent(Instant started, Instant finished, String command, Map<String, String> machine,
        Map<String, String> load, Map<String, String> settings, Map<String, String> data, List<Figure> figures,
        List<TargetRow> targets, LoadResults loadResults, ScaleResults scaleResults) {

    Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }
}
