package uk.gov.accessledger.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/**
 * Runs every benchmark once through JMH on tiny data (the report's smoke mode) and checks that the
 * report holds every figure and every target row, so neither the benchmarks nor the report can rot
 * unnoticed. It asserts nothing about speed.
 */
class ReportSmokeTest {

    @TempDir
    Path out;

    @Test
    void smokeRunMeasuresEveryFigureAndWritesBothReports() throws Exception {
        ReportContent content = new Report(ReportSettings.parse("--smoke", "--out", out.toString())).run();

        assertThat(content.figures()).extracting(Figure::id).containsExactlyElementsOf(Figures.ids());
        for (Figure figure : content.figures()) {
            assertThat(figure.median()).as(figure.id()).isPositive().isFinite();
        }

        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("benchmarks.json")));
        List<String> ids = new ArrayList<>();
        json.get("figures").forEach(figure -> ids.add(figure.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(Figures.ids());
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
        assertThat(json.get("targets")).hasSize(PerformanceTarget.values().length);
        assertThat(json.get("settings").get("smoke run (tiny data, not a measurement)").asText()).isEqualTo("true");

        String markdown = Files.readString(out.resolve("benchmarks.md"));
        assertThat(markdown)
                .contains("| " + PerformanceTarget.OFFLINE_VERIFICATION.what() + " |")
                .contains("| " + PerformanceTarget.STREAMED_EXPORT.what() + " | " + PerformanceTarget.STREAMED_EXPORT.target()
                        + " | " + TargetRow.NOT_MEASURED + " |")
                .contains("`sha256.jdk.entry`")
                .contains("## Load average while measuring");
    }

    @Test
    void everyBenchmarkMethodIsReadByAFigure() throws Exception {
        List<String> benchmarks = new ArrayList<>();
        for (String line : new String(ReportSmokeTest.class.getResourceAsStream("/META-INF/BenchmarkList")
                .readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            // A line of JMH's list: JMH S <len> <class> S <len> <generated class> S <len> <method> ...
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9) {
                benchmarks.add(fields[3] + "." + fields[9]);
            }
        }
        assertThat(Figures.benchmarks()).containsExactlyInAnyOrderElementsOf(benchmarks);
    }
}
