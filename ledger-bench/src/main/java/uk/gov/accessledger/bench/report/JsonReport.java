package uk.gov.accessledger.bench.report;

import java.util.List;
import java.util.Map;
import uk.gov.accessledger.bench.load.LoadResults;
import uk.gov.accessledger.bench.query.ScaleResults;
import uk.gov.accessledger.bench.shared.JsonFiles;

/** The report as JSON, for tools that track figures across runs. Every number is in the unit given beside it. */
final class JsonReport {

    private JsonReport() {
    }

    /** benchmarks.json: its keys are these components' names; {@code load} and {@code scale} only when given. */
    record Document(String started, String finished, String command, Map<String, String> machine,
            Map<String, String> loadAverage, Map<String, String> settings, Map<String, String> data,
            List<FigureJson> figures, List<TargetRow> targets, LoadResults load, ScaleResults scale) {
    }

    /**
     * One figure with its statistics over runs, and beside its baseline when that was measured too.
     *
     * @param ratioToBaseline median / the baseline's median
     */
    record FigureJson(String id, String label, String unit, boolean higherIsBetter, double median, double min,
            double max, List<Double> runs, String baseline, Double ratioToBaseline) {
    }

    static String render(ReportContent content) {
        List<FigureJson> figures = content.figures().stream().map(figure -> {
            Figure baseline = figure.baselineId() == null ? null : content.figure(figure.baselineId());
            return new FigureJson(figure.id(), figure.label(), figure.unit(), figure.higherIsBetter(), figure.median(),
                    figure.min(), figure.max(), figure.runs(), baseline == null ? null : figure.baselineId(),
                    baseline == null ? null : figure.median() / baseline.median());
        }).toList();
        return JsonFiles.text(new Document(content.started().toString(), content.finished().toString(),
                content.command(), content.machine(), content.load(), content.settings(), content.data(), figures,
                content.targets(), content.loadResults(), content.scaleResults()));
    }
}
