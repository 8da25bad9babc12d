package uk.gov.accessledger.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.bench.shared.JsonFiles;

/**
 * The report writes what it wrote before: a committed benchmarks.json (a full run's figures, load
 * and scale results) read back and rendered again gives the committed Markdown and JSON exactly,
 * target rows included. The expected files are the report of that run; they differ from
 * docs/benchmarks.md only in the batched-ingest target's words, which now quote docs/design.md.
 */
class CommittedReportTest {

    private static final String DIR = "/uk/gov/accessledger/bench/report/";

    @Test
    void rendersACommittedRunAsItWasReported() throws Exception {
        JsonReport.Document committed = JsonFiles.read(resource("committed-benchmarks.json"), JsonReport.Document.class);
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (JsonReport.FigureJson f : committed.figures()) {
            figures.put(f.id(), new Figure(f.id(), f.label(), f.unit(), f.higherIsBetter(), f.runs(), f.baseline()));
        }
        ReportContent content = new ReportContent(Instant.parse(committed.started()),
                Instant.parse(committed.finished()), committed.command(), committed.machine(), committed.loadAverage(),
                committed.settings(), committed.data(), List.copyOf(figures.values()),
                TargetRow.from(figures, committed.load(), committed.scale()), committed.load(), committed.scale());

        assertThat(MarkdownReport.render(content)).isEqualTo(text("expected-benchmarks.md"));
        assertThat(JsonReport.render(content)).isEqualTo(text("expected-benchmarks.json"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CommittedReportTest.class.getResource(DIR + name).toURI());
    }

    private static String text(String name) throws IOException {
        try (InputStream in = CommittedReportTest.class.getResourceAsStream(DIR + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
