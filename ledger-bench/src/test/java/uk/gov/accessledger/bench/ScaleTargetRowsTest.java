package uk.gov.accessledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The read target rows take their figures from a scale.json, and say so when there is none. */
class ScaleTargetRowsTest {

    private static Map<String, Object> phase(String name, double p95) {
        return phase(name, 8, p95);
    }

    private static Map<String, Object> phase(String name, int clients, double p95) {
        return Map.of("phase", name, "clients", clients, "requests", 1000, "p50Ms", 1.0, "p95Ms", p95,
                "p99Ms", p95 * 2);
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
                .isEqualTo("meets");
        Map<String, Object> mixed = Map.of("treeSize", 10_000_000, "loadAverageDuring", "2.0", "phases",
                List.of(phase(QueryBench.INCLUSION, 1, 2), phase(QueryBench.INCLUSION, 8, 20),
                        phase(QueryBench.CONSISTENCY, 1, 2), phase(QueryBench.CONSISTENCY, 8, 2)));
        assertThat(row(TargetRow.from(figures, null, mixed), "inclusion or consistency proof").verdict())
                .isEqualTo("meets with 1 client; misses with 8 clients over HTTP (the computation meets)");
    }

    @Test
    void historyRowSaysWhichClientCountsMeetTheTarget() {
        Map<String, Object> scale = Map.of("treeSize", 10_000_000, "subjects", 1_000_000, "loadAverageDuring", "2.0",
                "phases", List.of(phase(QueryBench.HISTORY, 1, 8), phase(QueryBench.HISTORY, 8, 40)));
        TargetRow history = row(TargetRow.from(Map.of(), null, scale), "a citizen's history page");
        assertThat(history.verdict()).isEqualTo("meets with 1 client; misses with 8 clients");
        assertThat(history.measured()).contains("1 client: p50 1.00 ms, p95 8.00 ms").contains("8 clients: p50 1.00 ms, p95 40.0 ms");
    }

    @Test
    void offlineRowJudgesTheVerifiersHasherAndSaysWhenItTakesTwoThreads() {
        java.util.function.BiFunction<Double, Double, String> verdict = (oneThread, twoThreads) -> row(TargetRow.from(
                Map.of("offline.ledgerCore", perEntry("offline.ledgerCore", 150_000),
                        "offline.jdk", perEntry("offline.jdk", oneThread),
                        "offline.jdkTwoThreads", perEntry("offline.jdkTwoThreads", twoThreads)), null, null),
                "offline verification").verdict();
        assertThat(verdict.apply(800_000.0, 1_400_000.0)).isEqualTo("meets on two threads");
        assertThat(verdict.apply(1_100_000.0, 1_900_000.0)).isEqualTo("meets");
        assertThat(verdict.apply(500_000.0, 900_000.0)).isEqualTo("misses");
    }

    private static Figure perEntry(String key, double median) {
        return new Figure(key, key, "entries/s", true, List.of(median), null);
    }

    @Test
    void rowsWithoutAScaleRunSayTheyWereNotMeasured() {
        List<TargetRow> rows = TargetRow.from(Map.of(), null, null);
        assertThat(row(rows, "a citizen's history page").measured()).isEqualTo(TargetRow.NOT_MEASURED);
        assertThat(row(rows, "streamed export").measured()).isEqualTo(TargetRow.NOT_MEASURED);
    }
}
