package uk.gov.accessledger.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import uk.gov.accessledger.bench.load.LoadPhase;
import uk.gov.accessledger.bench.load.LoadResults;
import uk.gov.accessledger.bench.query.ScalePhase;
import uk.gov.accessledger.bench.query.ScaleResults;
import uk.gov.accessledger.bench.shared.CpuCost;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/** The read target rows take their figures from a scale.json, and say so when there is none. */
class ScaleTargetRowsTest {

    private static ScalePhase phase(String name, double p95) {
        return phase(name, 8, p95);
    }

    private static ScalePhase phase(String name, int clients, double p95) {
        return new ScalePhase(name, clients, 1000, null, null, 30, null, 33L, null, 1.0, p95, p95 * 2, p95 * 3,
                null, null, null, null, null, null);
    }

    /** An export phase, or (by its name) a COPY baseline, which runs no API and so has no heap. */
    private static ScalePhase export(String name, long rate) {
        return export(name, rate, null);
    }

    private static ScalePhase export(String name, long rate, CpuCost cpu) {
        boolean copy = name.startsWith(ScalePhase.COPY_PREFIX);
        return new ScalePhase(name, 1, null, 10_000_000L, 1L << 30, 12.5, copy ? null : 0.01, null, rate, null,
                null, null, null, copy ? null : "-Xmx256m", copy ? null : 300L, copy ? null : 350L,
                copy ? null : 400L, copy ? null : 20, cpu);
    }

    private static ScalePhase exportWithCpu(String name, long rate) {
        return export(name, rate, new CpuCost("entry", 0.0091, 0.0024, 0.0024, 0.0005, 0.17));
    }

    private static ScaleResults scale(ScalePhase... phases) {
        return new ScaleResults(null, null, null, 10_000_000L, 1_000_000, "2.0", List.of(phases), null, null);
    }

    private static TargetRow row(List<TargetRow> rows, PerformanceTarget target) {
        return rows.stream().filter(r -> r.what().equals(target.what())).findFirst().orElseThrow();
    }

    @Test
    void historyAndExportRowsJudgeTheMeasuredFigures() {
        ScaleResults scale = scale(phase(ScalePhase.HISTORY, 12.5), phase(ScalePhase.ENTRY_WITH_PROOF, 30),
                        export(ScalePhase.EXPORT_PREFIX + "entries.jsonl", 150_000), export(ScalePhase.EXPORT_PREFIX + "entries.csv", 90_000));
        List<TargetRow> rows = TargetRow.from(Map.of(), null, scale);

        TargetRow history = row(rows, PerformanceTarget.HISTORY_PAGE);
        assertThat(history.verdict()).isEqualTo("meets");
        assertThat(history.measured()).contains("p95 12.5 ms").contains("entry page + its tlog-proof");
        TargetRow export = row(rows, PerformanceTarget.STREAMED_EXPORT);
        assertThat(export.verdict()).as("the slower export decides").isEqualTo("misses");
        assertThat(export.measured()).contains("-Xmx256m");
    }

    @Test
    void proofRowMissesWhenTheApiAtScaleIsSlowerThanTheTargetThoughTheComputationIsFast() {
        Map<String, Figure> figures = Map.of(
                "proof.inclusion.p99", new Figure("proof.inclusion.p99", "inclusion", "µs", false, List.of(20.0), null),
                "proof.consistency.p99", new Figure("proof.consistency.p99", "consistency", "µs", false, List.of(17.0),
                        null));
        ScaleResults slow = scale(phase(ScalePhase.INCLUSION, 20), phase(ScalePhase.CONSISTENCY, 2));
        assertThat(row(TargetRow.from(figures, null, slow), PerformanceTarget.PROOF).verdict())
                .isEqualTo("misses over HTTP (the computation meets)");
        ScaleResults fast = scale(phase(ScalePhase.INCLUSION, 2), phase(ScalePhase.CONSISTENCY, 2));
        assertThat(row(TargetRow.from(figures, null, fast), PerformanceTarget.PROOF).verdict())
                .isEqualTo("meets");
        ScaleResults mixed = scale(phase(ScalePhase.INCLUSION, 1, 2), phase(ScalePhase.INCLUSION, 8, 20),
                        phase(ScalePhase.CONSISTENCY, 1, 2), phase(ScalePhase.CONSISTENCY, 8, 2));
        assertThat(row(TargetRow.from(figures, null, mixed), PerformanceTarget.PROOF).verdict())
                .isEqualTo("meets with 1 client; misses with 8 clients over HTTP (the computation meets)");
    }

    @Test
    void historyRowSaysWhichClientCountsMeetTheTarget() {
        ScaleResults scale = scale(phase(ScalePhase.HISTORY, 1, 8), phase(ScalePhase.HISTORY, 8, 40));
        TargetRow history = row(TargetRow.from(Map.of(), null, scale), PerformanceTarget.HISTORY_PAGE);
        assertThat(history.verdict()).isEqualTo("meets with 1 client; misses with 8 clients");
        assertThat(history.measured()).contains("1 client: p50 1.00 ms, p95 8.00 ms").contains("8 clients: p50 1.00 ms, p95 40.0 ms");
    }

    @Test
    void readRowsGiveTheirPlainJdbcAndCopyBaselinesMatchedByClientCount() {
        Map<String, Figure> figures = Map.of(
                "proof.inclusion.p99", new Figure("proof.inclusion.p99", "inclusion", "µs", false, List.of(20.0), null),
                "proof.consistency.p99", new Figure("proof.consistency.p99", "consistency", "µs", false, List.of(25.0),
                        null));
        ScaleResults scale = scale(phase(ScalePhase.HISTORY, 1, 6), phase(ScalePhase.HISTORY_JDBC, 1, 1.5),
                        phase(ScalePhase.HISTORY, 8, 12), phase(ScalePhase.HISTORY_JDBC, 8, 4),
                        phase(ScalePhase.INCLUSION, 1, 2), phase(ScalePhase.INCLUSION_JDBC, 1, 0.25),
                        phase(ScalePhase.CONSISTENCY, 1, 3), phase(ScalePhase.CONSISTENCY_JDBC, 1, 0.5),
                        export(ScalePhase.EXPORT_PREFIX + "entries.jsonl", 300_000), export(ScalePhase.COPY_PREFIX + "entries.jsonl", 600_000),
                        exportWithCpu(ScalePhase.EXPORT_PREFIX + "entries.csv", 120_000), export(ScalePhase.COPY_PREFIX + "entries.csv", 480_000));
        List<TargetRow> rows = TargetRow.from(figures, null, scale);

        TargetRow history = row(rows, PerformanceTarget.HISTORY_PAGE);
        assertThat(history.baseline()).contains("1 client: p50 1.00 ms, p95 1.50 ms")
                .contains("8 clients: p50 1.00 ms, p95 4.00 ms");
        assertThat(history.ratio()).isEqualTo("API p95 / plain JDBC p95: 1 client 4.00×; 8 clients 3.00×");
        TargetRow proof = row(rows, PerformanceTarget.PROOF);
        // phase() sets p99 to twice p95.
        assertThat(proof.baseline()).contains("inclusion, 1 client: p50 1.00 ms, p95 0.25 ms, p99 0.50 ms")
                .contains("consistency, 1 client: p50 1.00 ms, p95 0.50 ms, p99 1.00 ms");
        assertThat(proof.ratio()).startsWith("over HTTP p99 / plain JDBC p99: inclusion, 1 client 8.00×; "
                + "consistency, 1 client 6.00×; target / worst in-process p99 = 200×");
        TargetRow export = row(rows, PerformanceTarget.STREAMED_EXPORT);
        assertThat(export.baseline())
                .contains("rows both exports read: 600,000 entries/s after the JSON Lines export, 480,000 after the CSV");
        assertThat(export.ratio()).isEqualTo("export / COPY: JSON Lines 0.50×, CSV 0.25×");
        String markdown = MarkdownReport.render(new ReportContent(Instant.now(), Instant.now(),
                "scale", Map.of(), Map.of(), Map.of(), Map.of(), List.of(), rows, null, scale));
        assertThat(markdown).contains("| export entries.csv | 1 | 10000000 | 120,000 | — | — | — | -Xmx256m, 400 MiB |")
                .contains("| " + ScalePhase.COPY_PREFIX + "entries.csv | 1 | 10000000 | 480,000 | — | — | — | — |");
        assertThat(export.note()).endsWith("; CSV's CPU per entry: API 9.10 µs, PostgreSQL 2.40 µs, load generator"
                + " 2.40 µs, other 0.50 µs; machine idle 17.0 %").doesNotContain("JSON Lines' CPU");
    }

    @Test
    void checkpointRowComparesWithTheAcknowledgementsOfTheSameMoment() {
        LoadResults load = new LoadResults(null, null, null, null, null, null, null, null, null, null, null, 0.1,
                null, null, List.of(
                        new LoadPhase(LoadPhase.SINGLE, 64, 30_000, 30_000, 0, 30, null, null, 1000, 1000, 40.0, 80.0,
                                100.0, null, null),
                        new LoadPhase(LoadPhase.WAITING_FOR_INCLUSION, 4, 200, 200, 0, 30, null, null, 6.7, 6.7, 120.0,
                                null, 250.0, null, null)),
                null, null, null, null, null, null, null);
        TargetRow checkpoint = row(TargetRow.from(Map.of(), load, null), PerformanceTarget.ACK_TO_CHECKPOINT);
        assertThat(checkpoint.verdict()).isEqualTo("meets");
        assertThat(checkpoint.baseline()).contains("p99 100 ms");
        assertThat(checkpoint.ratio()).isEqualTo("p99 to the checkpoint / p99 to the acknowledgement = 2.50×");
    }

    @Test
    void readRowsWithoutBaselinePhasesSayNone() {
        ScaleResults scale = scale(phase(ScalePhase.HISTORY, 1, 6), export(ScalePhase.EXPORT_PREFIX + "entries.jsonl", 300_000),
                        export(ScalePhase.EXPORT_PREFIX + "entries.csv", 120_000));
        List<TargetRow> rows = TargetRow.from(Map.of(), null, scale);
        assertThat(row(rows, PerformanceTarget.HISTORY_PAGE).ratio()).isEqualTo("—");
        assertThat(row(rows, PerformanceTarget.STREAMED_EXPORT).ratio()).isEqualTo("—");
    }

    @Test
    void offlineRowJudgesTheVerifiersHasherAndSaysWhenItTakesTwoThreads() {
        BiFunction<Double, Double, String> verdict = (oneThread, twoThreads) -> row(TargetRow.from(
                Map.of("offline.ledgerCore", perEntry("offline.ledgerCore", 150_000),
                        "offline.jdk", perEntry("offline.jdk", oneThread),
                        "offline.jdkTwoThreads", perEntry("offline.jdkTwoThreads", twoThreads)), null, null),
                PerformanceTarget.OFFLINE_VERIFICATION).verdict();
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
        assertThat(row(rows, PerformanceTarget.HISTORY_PAGE).measured()).isEqualTo(TargetRow.NOT_MEASURED);
        assertThat(row(rows, PerformanceTarget.STREAMED_EXPORT).measured()).isEqualTo(TargetRow.NOT_MEASURED);
    }
}
