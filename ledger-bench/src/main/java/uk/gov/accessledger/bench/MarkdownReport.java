package uk.gov.accessledger.bench;

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

        md.append("## Targets (DESIGN.md, \"Performance targets\")\n\n");
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

        section(md, "Machine", content.machine());
        section(md, "Load average while measuring", content.load());
        section(md, "Data sizes", content.data());
        section(md, "Settings", content.settings());
        return md.toString();
    }

    private static void section(StringBuilder md, String title, Map<String, String> values) {
        md.append("\n## ").append(title).append("\n\n| | |\n|---|---|\n");
        values.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|"))
                .append(" |\n"));
    }
}
