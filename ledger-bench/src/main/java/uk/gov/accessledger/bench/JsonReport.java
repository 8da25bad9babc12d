package uk.gov.accessledger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as JSON, for tools that track figures across runs. Every number is in the unit given beside it. */
final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    static String render(ReportContent content) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", content.started().toString());
        root.put("finished", content.finished().toString());
        root.put("command", content.command());
        root.put("machine", content.machine());
        root.put("loadAverage", content.load());
        root.put("settings", content.settings());
        root.put("data", content.data());
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Figure figure : content.figures()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", figure.id());
            f.put("label", figure.label());
            f.put("unit", figure.unit());
            f.put("higherIsBetter", figure.higherIsBetter());
            f.put("median", figure.median());
            f.put("min", figure.min());
            f.put("max", figure.max());
            f.put("runs", figure.runs());
            Figure baseline = figure.baselineId() == null ? null : content.figure(figure.baselineId());
            if (baseline != null) {
                f.put("baseline", figure.baselineId());
                f.put("ratioToBaseline", figure.median() / baseline.median());
            }
            figures.add(f);
        }
        root.put("figures", figures);
        root.put("targets", content.targets());
        if (content.loadResults() != null) {
            root.put("load", content.loadResults());
        }
        if (content.scaleResults() != null) {
            root.put("scale", content.scaleResults());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("couldn't write the JSON report: " + e.getMessage(), e);
        }
    }
}
