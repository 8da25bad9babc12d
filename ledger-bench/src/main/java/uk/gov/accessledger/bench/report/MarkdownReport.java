package uk.gov.accessledger.bench.report;

import java.util.List;
import java.util.Map;
import uk.gov.accessledger.bench.bulk.BulkLoadFigures;
import uk.gov.accessledger.bench.load.JitWarmup;
import uk.gov.accessledger.bench.load.LoadPhase;
import uk.gov.accessledger.bench.load.LoadResults;
import uk.gov.accessledger.bench.load.RoundTripSummary;
import uk.gov.accessledger.bench.query.ScalePhase;
import uk.gov.accessledger.bench.query.ScaleResults;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/** The report as Markdown, the form committed as docs/benchmarks.md. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(ReportContent content) {
        StringBuilder md = new StringBuilder();
        md.append("# Access Ledger benchmarks\n\n");
        md.append("Measured ").append(content.started()).append(" to ").append(content.finished())
                .append(" with:\n\n    ").append(content.command()).append("\n\n");
        md.append("Figures are the median over runs (one run = one JVM fork of JMH), with the minimum and maximum "
                + "over runs. Baselines ran in the same session, so ratios drift less than absolute numbers on a "
                + "shared machine.\n\n");

        md.append("## Targets (").append(PerformanceTarget.SOURCE).append(")\n\n");
        md.append("| what | target | measured here | verdict | baseline (same run) | ratio | what the figure covers |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (TargetRow row : content.targets()) {
            md.append("| ").append(row.what()).append(" | ").append(row.target()).append(" | ").append(row.measured())
                    .append(" | ").append(row.verdict()).append(" | ").append(row.baseline()).append(" | ")
                    .append(row.ratio()).append(" | ").append(row.note()).append(" |\n");
        }

        md.append("\n## Micro-benchmarks\n\n");
        md.append("| figure | id | unit | median | min | max | runs | baseline | median / baseline |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---|---:|\n");
        for (Figure figure : content.figures()) {
            Figure baseline = figure.baselineId() == null ? null : content.figure(figure.baselineId());
            md.append("| ").append(figure.label()).append(" | `").append(figure.id()).append("` | ")
                    .append(figure.unit()).append(" | ").append(Format.number(figure.median())).append(" | ")
                    .append(Format.number(figure.min())).append(" | ").append(Format.number(figure.max()))
                    .append(" | ").append(figure.runs().size()).append(" | ")
                    .append(baseline == null ? "—" : "`" + baseline.id() + "`").append(" | ")
                    .append(baseline == null ? "—" : Format.ratio(figure.median(), baseline.median()))
                    .append(" |\n");
        }

        if (content.loadResults() != null) {
            load(md, content.loadResults());
        }
        if (content.scaleResults() != null) {
            scale(md, content.scaleResults());
        }
        section(md, "Machine", content.machine());
        section(md, "Load average while measuring", content.load());
        section(md, "Data sizes", content.data());
        section(md, "Settings", content.settings());
        return md.toString();
    }

    private static void load(StringBuilder md, LoadResults load) {
        md.append("\n## End-to-end load (ledger-api on PostgreSQL, loopback)\n\n");
        md.append("Measured ").append(load.started()).append(" to ").append(load.finished())
                .append(" against ").append(load.url()).append("; load average before ")
                .append(load.loadAverageBefore()).append(", during ").append(load.loadAverageDuring())
                .append(", after ").append(load.loadAverageAfter()).append(".\n\n");
        JitWarmup jit = load.jitWarmup();
        if (jit != null) {
            md.append(String.format("Before measuring, batches and single entries went on for %.0f s in %s rounds"
                    + " (%s batches, then 10 s of singles) %s:"
                    + " the last round cost the API's JIT compiler %.1f s, and the warm-up %.0f s in all.%n%n",
                    jit.seconds(), jit.rounds(), jit.batchesPerRound(),
                    jit.quiet() ? "until the API's JIT compiler was quiet"
                            : "and the API's JIT compiler was still busy when the time allowed ran out",
                    jit.compileSecondsInLastRound(), jit.compileSecondsDuringWarmup()));
        }
        if (load.apiCompileSecondsDuringSingles() != null) {
            md.append(String.format("During the single-entry phase the API's JIT compiler ran for %.1f s.%n%n",
                    load.apiCompileSecondsDuringSingles()));
        }
        md.append("| phase | clients | requests | entries | failures | seconds | entries/s | requests/s "
                + "| p50 ms | p95 ms | p99 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (LoadPhase phase : load.phases()) {
            md.append("| ").append(phase.phase()).append(" | ").append(phase.clients()).append(" | ")
                    .append(phase.requests()).append(" | ").append(phase.entries()).append(" | ")
                    .append(phase.failures()).append(" | ")
                    .append(Format.number(phase.seconds())).append(" | ")
                    .append(Format.number(phase.entriesPerSecond())).append(" | ")
                    .append(Format.number(phase.requestsPerSecond())).append(" | ")
                    .append(Format.number(LoadResults.orNaN(phase.p50Ms()))).append(" | ")
                    .append(Format.number(LoadResults.orNaN(phase.p95Ms()))).append(" | ")
                    .append(Format.number(LoadResults.orNaN(phase.p99Ms()))).append(" |\n");
        }
        md.append("\nTree size before ").append(load.treeSizeBefore()).append(", after ")
                .append(load.treeSizeAfter()).append("; ")
                .append(Boolean.TRUE.equals(load.allAcknowledgedInCheckpoint())
                        ? "every acknowledged entry was in a signed checkpoint "
                        : "NOT every acknowledged entry was in a signed checkpoint ")
                .append(Format.number(LoadResults.orNaN(load.secondsFromLastAckToAllInCheckpoint())))
                .append(" s after the last acknowledgement.\n");
        phasesFailures(md, load.phases());
        if (load.postgresRoundTrips() != null) {
            roundTrips(md, load.postgresRoundTrips(), String.valueOf(load.postgresRoundTripsFrom()));
        }
    }

    /** A latency cell; exports and COPYs have none. */
    private static String latency(Double ms) {
        return ms == null || Double.isNaN(ms) ? "—" : Format.number(ms);
    }

    private static void scale(StringBuilder md, ScaleResults scale) {
        md.append("\n## Reads at scale (ledger-bench/scale.sh: bulk load, then ledger-api on PostgreSQL)\n\n");
        BulkLoadFigures bulk = scale.bulkload();
        if (bulk != null) {
            md.append("Bulk load: ").append(Format.number(bulk.entries())).append(" entries over ")
                    .append(Format.number(bulk.subjects())).append(" subjects in ")
                    .append(Format.number(bulk.totalSeconds())).append(" s (")
                    .append(Format.number(bulk.entriesPerSecond())).append(" entries/s); database ")
                    .append(Format.number((double) bulk.databaseBytes() / (1 << 30))).append(" GiB.\n\n");
        }
        md.append("Measured ").append(scale.started()).append(" to ").append(scale.finished())
                .append(" on a log of ").append(scale.treeSize()).append(" leaves; load average before ")
                .append(scale.loadAverageBefore()).append(", during ").append(scale.loadAverageDuring())
                .append(", after ").append(scale.loadAverageAfter()).append(".\n\n");
        md.append("| phase | clients | requests / entries | requests/s or entries/s | p50 ms | p95 ms | p99 ms |"
                + " API heap, resident max |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (ScalePhase phase : scale.phases()) {
            boolean export = phase.export();
            md.append("| ").append(phase.phase()).append(" | ").append(phase.clients()).append(" | ")
                    .append(export ? phase.entries() : phase.requests()).append(" | ")
                    .append(Format.number(LoadResults.orNaN(export ? phase.entriesPerSecond()
                            : phase.requestsPerSecond())))
                    .append(" | ").append(latency(phase.p50Ms())).append(" | ")
                    .append(latency(phase.p95Ms())).append(" | ")
                    .append(latency(phase.p99Ms())).append(" | ")
                    // An export has a heap and resident memory; a COPY baseline runs no API.
                    .append(phase.apiHeap() != null ? phase.apiHeap() + ", " + phase.apiRssMiBMax() + " MiB" : "—")
                    .append(" |\n");
        }
    }

    private static void roundTrips(StringBuilder md, Map<String, RoundTripSummary> roundTrips, String from) {
        md.append("\n### PostgreSQL round trips per entry\n\nCounted from ").append(from)
                .append(". A request waits for each of its round trips in turn, so on any machine they bound "
                        + "the rate one client can reach; counts do not drift with machine load as rates do.\n");
        roundTrips.forEach((phase, summary) -> {
            md.append("\n**").append(phase).append("**: ")
                    .append(Format.number(summary.perEntry())).append(" round trips per entry (")
                    .append(summary.roundTrips()).append(" for ")
                    .append(Format.number(summary.entries())).append(" entries)\n\n");
            md.append("| caller | round trips | per entry | mean ms |\n|---|---:|---:|---:|\n");
            for (RoundTripSummary.Caller row : summary.byCaller()) {
                md.append("| `").append(row.caller()).append("` | ").append(row.roundTrips()).append(" | ")
                        .append(Format.number(row.perEntry())).append(" | ")
                        .append(Format.number(row.meanMs())).append(" |\n");
            }
        });
    }

    private static void phasesFailures(StringBuilder md, List<LoadPhase> phases) {
        for (LoadPhase phase : phases) {
            if (phase.firstFailure() != null) {
                md.append("\nFirst failure in ").append(phase.phase()).append(": `")
                        .append(phase.firstFailure().replace("`", "'").replace("\n", " "))
                        .append("`\n");
            }
        }
    }

    private static void section(StringBuilder md, String title, Map<String, String> values) {
        md.append("\n## ").append(title).append("\n\n| | |\n|---|---|\n");
        values.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|"))
                .append(" |\n"));
    }
}
