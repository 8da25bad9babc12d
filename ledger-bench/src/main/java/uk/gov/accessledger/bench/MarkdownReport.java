package uk.gov.accessledger.bench;

import java.util.List;
import java.util.Map;

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

        md.append("## Targets (docs/design.md, \"Performance targets\")\n\n");
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

    @SuppressWarnings("unchecked")
    private static void load(StringBuilder md, Map<String, Object> load) {
        md.append("\n## End-to-end load (ledger-api on PostgreSQL, loopback)\n\n");
        md.append("Measured ").append(load.get("started")).append(" to ").append(load.get("finished"))
                .append(" against ").append(load.get("url")).append("; load average before ")
                .append(load.get("loadAverageBefore")).append(", during ").append(load.get("loadAverageDuring"))
                .append(", after ").append(load.get("loadAverageAfter")).append(".\n\n");
        Map<String, Object> jit = (Map<String, Object>) load.get("jitWarmup");
        if (jit != null) {
            md.append(String.format("Before measuring, batches and single entries went on for %.0f s in %s rounds"
                    + " (%s batches, then 10 s of singles) %s:"
                    + " the last round cost the API's JIT compiler %.1f s, and the warm-up %.0f s in all.%n%n",
                    LoadReport.number(jit, "seconds"), jit.get("rounds"), jit.get("batchesPerRound"),
                    Boolean.TRUE.equals(jit.get("quiet")) ? "until the API's JIT compiler was quiet"
                            : "and the API's JIT compiler was still busy when the time allowed ran out",
                    LoadReport.number(jit, "compileSecondsInLastRound"),
                    LoadReport.number(jit, "compileSecondsDuringWarmup")));
        }
        if (load.get("apiCompileSecondsDuringSingles") != null) {
            md.append(String.format("During the single-entry phase the API's JIT compiler ran for %.1f s.%n%n",
                    LoadReport.number(load, "apiCompileSecondsDuringSingles")));
        }
        md.append("| phase | clients | requests | entries | failures | seconds | entries/s | requests/s "
                + "| p50 ms | p95 ms | p99 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> phase : (List<Map<String, Object>>) load.get("phases")) {
            md.append("| ").append(phase.get("phase")).append(" | ").append(phase.get("clients")).append(" | ")
                    .append(phase.get("requests")).append(" | ").append(phase.get("entries")).append(" | ")
                    .append(phase.get("failures")).append(" | ")
                    .append(Format.number(LoadReport.number(phase, "seconds"))).append(" | ")
                    .append(Format.number(LoadReport.number(phase, "entriesPerSecond"))).append(" | ")
                    .append(Format.number(LoadReport.number(phase, "requestsPerSecond"))).append(" | ")
                    .append(Format.number(LoadReport.number(phase, "p50Ms"))).append(" | ")
                    .append(Format.number(LoadReport.number(phase, "p95Ms"))).append(" | ")
                    .append(Format.number(LoadReport.number(phase, "p99Ms"))).append(" |\n");
        }
        md.append("\nTree size before ").append(load.get("treeSizeBefore")).append(", after ")
                .append(load.get("treeSizeAfter")).append("; ")
                .append(Boolean.TRUE.equals(load.get("allAcknowledgedInCheckpoint"))
                        ? "every acknowledged entry was in a signed checkpoint "
                        : "NOT every acknowledged entry was in a signed checkpoint ")
                .append(Format.number(LoadReport.number(load, "secondsFromLastAckToAllInCheckpoint")))
                .append(" s after the last acknowledgement.\n");
        phasesFailures(md, (List<Map<String, Object>>) load.get("phases"));
        Map<String, Object> roundTrips = (Map<String, Object>) load.get("postgresRoundTrips");
        if (roundTrips != null) {
            roundTrips(md, roundTrips, String.valueOf(load.get("postgresRoundTripsFrom")));
        }
    }

    /** A latency cell; exports and COPYs have none. */
    private static String latency(Map<String, Object> phase, String key) {
        double ms = LoadReport.number(phase, key);
        return Double.isNaN(ms) ? "—" : Format.number(ms);
    }

    @SuppressWarnings("unchecked")
    private static void scale(StringBuilder md, Map<String, Object> scale) {
        md.append("\n## Reads at scale (ledger-bench/scale.sh: bulk load, then ledger-api on PostgreSQL)\n\n");
        Map<String, Object> bulk = (Map<String, Object>) scale.get("bulkload");
        if (bulk != null) {
            md.append("Bulk load: ").append(Format.number(LoadReport.number(bulk, "entries"))).append(" entries over ")
                    .append(Format.number(LoadReport.number(bulk, "subjects"))).append(" subjects in ")
                    .append(Format.number(LoadReport.number(bulk, "totalSeconds"))).append(" s (")
                    .append(Format.number(LoadReport.number(bulk, "entriesPerSecond"))).append(" entries/s); database ")
                    .append(Format.number(LoadReport.number(bulk, "databaseBytes") / (1 << 30))).append(" GiB.\n\n");
        }
        md.append("Measured ").append(scale.get("started")).append(" to ").append(scale.get("finished"))
                .append(" on a log of ").append(scale.get("treeSize")).append(" leaves; load average before ")
                .append(scale.get("loadAverageBefore")).append(", during ").append(scale.get("loadAverageDuring"))
                .append(", after ").append(scale.get("loadAverageAfter")).append(".\n\n");
        md.append("| phase | clients | requests / entries | requests/s or entries/s | p50 ms | p95 ms | p99 ms |"
                + " API heap, resident max |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map<String, Object> phase : (List<Map<String, Object>>) scale.get("phases")) {
            boolean export = phase.containsKey("entriesPerSecond");
            md.append("| ").append(phase.get("phase")).append(" | ").append(phase.get("clients")).append(" | ")
                    .append(export ? phase.get("entries") : phase.get("requests")).append(" | ")
                    .append(Format.number(LoadReport.number(phase, export ? "entriesPerSecond" : "requestsPerSecond")))
                    .append(" | ").append(latency(phase, "p50Ms")).append(" | ")
                    .append(latency(phase, "p95Ms")).append(" | ")
                    .append(latency(phase, "p99Ms")).append(" | ")
                    // An export has a heap and resident memory; a COPY baseline runs no API.
                    .append(phase.containsKey("apiHeap") ? phase.get("apiHeap") + ", " + phase.get("apiRssMiBMax")
                            + " MiB" : "—")
                    .append(" |\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static void roundTrips(StringBuilder md, Map<String, Object> roundTrips, String from) {
        md.append("\n### PostgreSQL round trips per entry\n\nCounted from ").append(from)
                .append(". A request waits for each of its round trips in turn, so on any machine they bound "
                        + "the rate one client can reach; counts do not drift with machine load as rates do.\n");
        roundTrips.forEach((phase, value) -> {
            Map<String, Object> summary = (Map<String, Object>) value;
            md.append("\n**").append(phase).append("**: ")
                    .append(Format.number(LoadReport.number(summary, "perEntry"))).append(" round trips per entry (")
                    .append(summary.get("roundTrips")).append(" for ")
                    .append(Format.number(LoadReport.number(summary, "entries"))).append(" entries)\n\n");
            md.append("| caller | round trips | per entry | mean ms |\n|---|---:|---:|---:|\n");
            for (Map<String, Object> row : (List<Map<String, Object>>) summary.get("byCaller")) {
                md.append("| `").append(row.get("caller")).append("` | ").append(row.get("roundTrips")).append(" | ")
                        .append(Format.number(LoadReport.number(row, "perEntry"))).append(" | ")
                        .append(Format.number(LoadReport.number(row, "meanMs"))).append(" |\n");
            }
        });
    }

    private static void phasesFailures(StringBuilder md, List<Map<String, Object>> phases) {
        for (Map<String, Object> phase : phases) {
            if (phase.get("firstFailure") != null) {
                md.append("\nFirst failure in ").append(phase.get("phase")).append(": `")
                        .append(String.valueOf(phase.get("firstFailure")).replace("`", "'").replace("\n", " "))
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
