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

    /** An export phase, or (by its name) a COPY baseline, which runs no API and so has no heap. */
    private static Map<String, Object> export(String name, long rate) {
        return name.startsWith(QueryBench.COPY_PREFIX)
                ? Map.of("phase", name, "clients", 1, "entries", 10_000_000, "entriesPerSecond", rate)
                : Map.of("phase", name, "clients", 1, "entries", 10_000_000, "entriesPerSecond", rate,
                        "apiHeap", "-Xmx256m", "apiRssMiBMax", 400);
    }

    private static Map<String, Object> exportWithCpu(String name, long rate) {
        Map<String, Object> phase = new java.util.HashMap<>(export(name, rate));
        phase.put("cpu", Map.of("per", "entry", "apiMs", 0.0091, "postgresMs", 0.0024, "generatorMs", 0.0024,
                "otherMs", 0.0005, "idleShare", 0.17));
        return phase;
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
    void readRowsGiveTheirPlainJdbcAndCopyBaselinesMatchedByClientCount() {
        Map<String, Figure> figures = Map.of(
                "proof.inclusion.p99", new Figure("proof.inclusion.p99", "inclusion", "µs", false, List.of(20.0), null),
                "proof.consistency.p99", new Figure("proof.consistency.p99", "consistency", "µs", false, List.of(25.0),
                        null));
        Map<String, Object> scale = Map.of("treeSize", 10_000_000, "subjects", 1_000_000, "loadAverageDuring", "2.0",
                "phases", List.of(phase(QueryBench.HISTORY, 1, 6), phase(QueryBench.HISTORY_JDBC, 1, 1.5),
                        phase(QueryBench.HISTORY, 8, 12), phase(QueryBench.HISTORY_JDBC, 8, 4),
                        phase(QueryBench.INCLUSION, 1, 2), phase(QueryBench.INCLUSION_JDBC, 1, 0.25),
                        phase(QueryBench.CONSISTENCY, 1, 3), phase(QueryBench.CONSISTENCY_JDBC, 1, 0.5),
                        export("export entries.jsonl", 300_000), export(QueryBench.COPY_PREFIX + "entries.jsonl", 600_000),
                        exportWithCpu("export entries.csv", 120_000), export(QueryBench.COPY_PREFIX + "entries.csv", 480_000)));
        List<TargetRow> rows = TargetRow.from(figures, null, scale);

        TargetRow history = row(rows, "a citizen's history page");
        assertThat(history.baseline()).contains("1 client: p50 1.00 ms, p95 1.50 ms")
                .contains("8 clients: p50 1.00 ms, p95 4.00 ms");
        assertThat(history.ratio()).isEqualTo("API p95 / plain JDBC p95: 1 client 4.00×; 8 clients 3.00×");
        TargetRow proof = row(rows, "inclusion or consistency proof");
        // phase() sets p99 to twice p95.
        assertThat(proof.baseline()).contains("inclusion, 1 client: p50 1.00 ms, p95 0.25 ms, p99 0.50 ms")
                .contains("consistency, 1 client: p50 1.00 ms, p95 0.50 ms, p99 1.00 ms");
        assertThat(proof.ratio()).startsWith("over HTTP p99 / plain JDBC p99: inclusion, 1 client 8.00×; "
                + "consistency, 1 client 6.00×; target / worst in-process p99 = 200×");
        TargetRow export = row(rows, "streamed export");
        assertThat(export.baseline())
                .contains("rows both exports read: 600,000 entries/s after the JSON Lines export, 480,000 after the CSV");
        assertThat(export.ratio()).isEqualTo("export / COPY: JSON Lines 0.50×, CSV 0.25×");
        String markdown = MarkdownReport.render(new ReportContent(java.time.Instant.now(), java.time.Instant.now(),
                "scale", Map.of(), Map.of(), Map.of(), Map.of(), List.of(), rows, null, scale));
        assertThat(markdown).contains("| export entries.csv | 1 | 10000000 | 120,000 | — | — | — | -Xmx256m, 400 MiB |")
                .contains("| " + QueryBench.COPY_PREFIX + "entries.csv | 1 | 10000000 | 480,000 | — | — | — | — |");
        assertThat(export.note()).endsWith("; CSV's CPU per entry: API 9.10 µs, PostgreSQL 2.40 µs, load generator"
                + " 2.40 µs, other 0.50 µs; machine idle 17.0 %").doesNotContain("JSON Lines' CPU");
    }

    @Test
    void checkpointRowComparesWithTheAcknowledgementsOfTheSameMoment() {
        Map<String, Object> load = Map.of("secondsFromLastAckToAllInCheckpoint", 0.1, "phases", List.of(
                Map.of("phase", "single-entry ingest", "clients", 64, "requestsPerSecond", 1000, "p50Ms", 40,
                        "p95Ms", 80, "p99Ms", 100),
                Map.of("phase", "request → in a signed checkpoint (?wait=inclusion)", "clients", 4, "p50Ms", 120,
                        "p99Ms", 250)));
        TargetRow checkpoint = row(TargetRow.from(Map.of(), load, null), "acknowledged → included");
        assertThat(checkpoint.verdict()).isEqualTo("meets");
        assertThat(checkpoint.baseline()).contains("p99 100 ms");
        assertThat(checkpoint.ratio()).isEqualTo("p99 to the checkpoint / p99 to the acknowledgement = 2.50×");
    }

    @Test
    void readRowsWithoutBaselinePhasesSayNone() {
        Map<String, Object> scale = Map.of("treeSize", 10_000_000, "subjects", 1_000_000, "loadAverageDuring", "2.0",
                "phases", List.of(phase(QueryBench.HISTORY, 1, 6), export("export entries.jsonl", 300_000),
                        export("export entries.csv", 120_000)));
        List<TargetRow> rows = TargetRow.from(Map.of(), null, scale);
        assertThat(row(rows, "a citizen's history page").ratio()).isEqualTo("—");
        assertThat(row(rows, "streamed export").ratio()).isEqualTo("—");
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
