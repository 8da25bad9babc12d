package uk.gov.accessledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read target rows take their figures from a scale.json, and say so when there is none. */
class ScaleTargetRowsTest {

    private static Map<String, Object> phase(String name, double p95) {
        return Map.of("phase", name, "clients", 8, "requests", 1000, "p50Ms", 1.0, "p95Ms", p95, "p99Ms", p95 * 2);
    }

    private static Map<String, Object> export(String name, long rate) {
        return Map.of("phase", name, "clients", 1, "entries", 10_000_000, "entriesPerSecond", rate,
                "apiHeap", "-Xmx256m", "apiRssMiBMax", 400);
    }

    private static TargetRow row(List<TargetRow> rows, String prefix) {
        return rows.stream().filter(r -> r.what().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void historyAndExportRowsJudgeTheMeasuredFigures() {
        Map<String, Object> scale = Map.of("treeSize", 10_000_000, "subjects", 1_000_000, "loadAverageDuring", "2.0",
                "phases", List.of(phase(QueryBench.HISTORY, 12.5), phase(QueryBench.ENTRY_WITH_PROOF, 30),
                        export("export entries.jsonl", 150_000), export("export entries.csv", 90_000)));
        List<TargetRow> rows = TargetRow.from(Map.of(), null, scale);

        TargetRow history = row(rows, "a citizen's history page");
        assertThat(history.verdict()).isEqualTo("meets");
        assertThat(history.measured()).contains("p95 12.5 ms").contains("entry page + its tlog-proof");
        TargetRow export = row(rows, "streamed export");
        assertThat(export.verdict()).as("the slower export decides").isEqualTo("misses");
        assertThat(export.measured()).contains("-Xmx256m");
    }

    @Test
    void proofRowMissesWhenTheApiAtScaleIsSlowerThanTheTargetThoughTheComputationIsFast() {
        Map<String, Figure> figures = Map.of(
                "proof.inclusion.p99", new Figure("proof.inclusion.p99", "inclusion", "µs", false, List.of(20.0), null),
                "proof.consistency.p99", new Figure("proof.consistency.p99", "consistency", "µs", false, List.of(17.0),
                        null));
        Map<String, Object> slow = Map.of("treeSize", 10_000_000, "loadAverageDuring", "2.0", "phases",
                List.of(phase(QueryBench.INCLUSION, 20), phase(QueryBench.CONSISTENCY, 2)));
        assertThat(row(TargetRow.from(figures, null, slow), "inclusion or consistency proof").verdict())
                .isEqualTo("misses over HTTP (the computation meets)");
        Map<String, Object> fast = Map.of("treeSize", 10_000_000, "loadAverageDuring", "2.0", "phases",
                List.of(phase(QueryBench.INCLUSION, 2), phase(QueryBench.CONSISTENCY, 2)));
        assertThat(row(TargetRow.from(figures, null, fast), "inclusion or consistency proof").verdict())
                .isEqualTo("meets (computation)");
    }

    @Test
    void rowsWithoutAScaleRunSayTheyWereNotMeasured() {
        List<TargetRow> rows = TargetRow.from(Map.of(), null, null);
        assertThat(row(rows, "a citizen's history page").measured()).isEqualTo(TargetRow.NOT_MEASURED);
        assertThat(row(rows, "streamed export").measured()).isEqualTo(TargetRow.NOT_MEASURED);
    }
}
