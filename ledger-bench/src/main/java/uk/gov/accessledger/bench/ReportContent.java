package uk.gov.accessledger.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything a report says, whichever format it is written in. */
record ReportContent(Instant started, Instant finished, String command, Map<String, String> machine,
        Map<String, String> load, Map<String, String> settings, Map<String, String> data, List<Figure> figures,
        List<TargetRow> targets, Map<String, Object> loadResults, Map<String, Object> scaleResults) {

    Figure figure(String id) {
        return figures.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }
}
