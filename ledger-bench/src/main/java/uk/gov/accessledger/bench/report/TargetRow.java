package uk.gov.accessledger.bench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import uk.gov.accessledger.bench.load.LoadPhase;
import uk.gov.accessledger.bench.load.LoadResults;
import uk.gov.accessledger.bench.query.ScalePhase;
import uk.gov.accessledger.bench.query.ScaleResults;
import uk.gov.accessledger.bench.shared.CpuCost;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/**
 * One of the design's targets ({@link PerformanceTarget}) beside what this run measured for it.
 * Rows this run could not measure say so, with the reason, rather than borrowing a number from
 * elsewhere.
 *
 * @param what the target's row, as docs/design.md words it
 * @param target the target itself
 * @param measured the measured figure with its unit, or "not measured here"
 * @param verdict "meets", "misses" or "—" when not measured
 * @param baseline the baseline measured in the same run, with its figure, or "—"
 * @param ratio measured / baseline (or the ratio the target names), or "—"
 * @param note what the figure covers and what it leaves out
 */
public record TargetRow(String what, String target, String measured, String verdict, String baseline, String ratio,
        String note) {

    static final String NOT_MEASURED = "not measured here";

    /**
     * A row for every target, in the design's order, filled from {@code figures}, from {@code load}
     * (a load.json) for the ingest rows and from {@code scale} (a scale.json) for the read rows;
     * either may be null.
     */
    public static List<TargetRow> from(Map<String, Figure> figures, LoadResults load, ScaleResults scale) {
        List<TargetRow> rows = new ArrayList<>();
        for (PerformanceTarget target : PerformanceTarget.values()) {
            rows.add(switch (target) {
                case BATCHED_INGEST -> IngestRows.batch(load);
                case SINGLE_ENTRY_INGEST -> IngestRows.single(load);
                case ACK_TO_CHECKPOINT -> IngestRows.inclusion(load);
                case HISTORY_PAGE -> historyRow(scale);
                case PROOF -> proofRow(figures, load, scale);
                case OFFLINE_VERIFICATION -> offlineRow(figures);
                case STREAMED_EXPORT -> exportRow(scale);
            });
        }
        return rows;
    }

    static TargetRow of(PerformanceTarget target, String measured, String verdict, String baseline, String ratio,
            String note) {
        return new TargetRow(target.what(), target.target(), measured, verdict, baseline, ratio, note);
    }

    static TargetRow notMeasured(PerformanceTarget target, String note) {
        return of(target, NOT_MEASURED, "—", "—", "—", note);
    }

    /**
     * Where a phase's CPU went (see {@code CpuShares}), when the run could read it: on 2 cores,
     * 2 / (the sum) is the most the phase could reach.
     */
    static String cpu(String whose, CpuCost cpu) {
        if (cpu == null) {
            return "";
        }
        double[] ms = {cpu.apiMs(), cpu.postgresMs(), cpu.generatorMs(), cpu.otherMs()};
        // An export's entry costs microseconds: in ms they would all print as 0.01.
        boolean micro = Arrays.stream(ms).max().orElse(0) < 0.1;
        String unit = micro ? "µs" : "ms";
        String[] text = Arrays.stream(ms).mapToObj(v -> Format.number(micro ? 1000 * v : v) + " " + unit)
                .toArray(String[]::new);
        return String.format(Locale.ROOT,
                "; %sCPU per %s: API %s, PostgreSQL %s, load generator %s, other %s; machine idle %.1f %%",
                whose, cpu.per(), text[0], text[1], text[2], text[3], 100 * cpu.idleShare());
    }

    /**
     * A baseline's figures, and measured / baseline of one latency (how many times longer the API
     * takes than the bare statement), each "" when there is no baseline phase.
     */
    private record Beside(String figures, String ratios) {

        /**
         * The baseline phases {@code baseline} beside the measured phases {@code measured}, matched
         * by client count, comparing {@code latency}; each labelled {@code label} when not empty.
         */
        static Beside of(List<ScalePhase> measured, List<ScalePhase> baseline, ToDoubleFunction<ScalePhase> latency,
                String label) {
            List<String> figures = new ArrayList<>();
            List<String> ratios = new ArrayList<>();
            for (ScalePhase b : baseline) {
                String prefix = (label.isEmpty() ? "" : label + ", ") + clients(b);
                figures.add(prefix + ": " + percentiles(b));
                measured.stream().filter(m -> m.clients() == b.clients()).findFirst().ifPresent(m ->
                        ratios.add(prefix + " " + Format.ratio(latency.applyAsDouble(m), latency.applyAsDouble(b))));
            }
            return new Beside(String.join("; ", figures), String.join("; ", ratios));
        }
    }

    private static double p95(ScalePhase phase) {
        return LoadResults.orNaN(phase.p95Ms());
    }

    private static double p99(ScalePhase phase) {
        return LoadResults.orNaN(phase.p99Ms());
    }

    private static double perSecond(ScalePhase phase) {
        return LoadResults.orNaN(phase.entriesPerSecond());
    }

    private static String scaleSize(ScaleResults scale) {
        return String.format("%s leaves / %s subjects", Format.number(LoadResults.orNaN(scale.treeSize())),
                Format.number(LoadResults.orNaN(scale.subjects())));
    }

    private static String loadDuring(ScaleResults scale) {
        return "load average during: " + scale.loadAverageDuring();
    }

    private static TargetRow historyRow(ScaleResults scale) {
        PerformanceTarget target = PerformanceTarget.HISTORY_PAGE;
        List<ScalePhase> history = scale == null ? List.of() : scale.phases(ScalePhase.HISTORY);
        if (history.isEmpty()) {
            return notMeasured(target, "needs a bulk-loaded database and ledger-api (ledger-bench/scale.sh)");
        }
        List<String> runs = new ArrayList<>();
        for (ScalePhase h : history) {
            runs.add(clients(h) + ": " + percentiles(h));
        }
        List<String> entryRuns = new ArrayList<>();
        for (ScalePhase e : scale.phases(ScalePhase.ENTRY_WITH_PROOF)) {
            entryRuns.add(clients(e) + ": " + percentiles(e));
        }
        Beside baseline = Beside.of(history, scale.phases(ScalePhase.HISTORY_JDBC), TargetRow::p95, "");
        return of(target,
                String.join("; ", runs) + " at " + scaleSize(scale)
                        + (entryRuns.isEmpty() ? "" : "; entry page + its tlog-proof, " + String.join("; ", entryRuns)),
                byClients(history, target.limit().value()),
                baseline.figures().isEmpty() ? "—" : "the page's SQL statement by plain JDBC for the same citizens, "
                        + baseline.figures(),
                baseline.figures().isEmpty() ? "—" : "API p95 / plain JDBC p95: " + baseline.ratios(),
                "GET /api/v1/me/entries?limit=" + PerformanceTarget.HISTORY_PAGE_ENTRIES + " with a citizen JWT for"
                        + " random loaded citizens, over HTTP on loopback; one client shows a request's own time, more"
                        + " clients a machine whose 2 cores are saturated (API, PostgreSQL and the clients); every"
                        + " proof verified; " + loadDuring(scale));
    }

    private static String clients(ScalePhase phase) {
        return phase.clients() + (phase.clients() == 1 ? " client" : " clients");
    }

    private static String percentiles(ScalePhase phase) {
        return String.format("p50 %s ms, p95 %s ms, p99 %s ms", Format.number(LoadResults.orNaN(phase.p50Ms())),
                Format.number(p95(phase)), Format.number(p99(phase)));
    }

    /**
     * "meets" when the latency target holds at every client count measured, "misses" when at none,
     * and otherwise which counts meet and which miss. Runs with the same client count (inclusion
     * and consistency proofs) are judged by the slower.
     */
    static String byClients(List<ScalePhase> runs, double limitMs) {
        Map<String, Double> worstByClients = new LinkedHashMap<>();
        for (ScalePhase run : runs) {
            worstByClients.merge(clients(run), worstMs(run), Math::max);
        }
        List<String> meet = new ArrayList<>();
        List<String> miss = new ArrayList<>();
        worstByClients.forEach((clients, worst) -> (worst <= limitMs ? meet : miss).add(clients));
        if (miss.isEmpty()) {
            return "meets";
        }
        if (meet.isEmpty()) {
            return "misses";
        }
        return "meets with " + String.join(", ", meet) + "; misses with " + String.join(", ", miss);
    }

    /** The figure a latency target judges: p95 for the history row's phases, else p99. */
    private static double worstMs(ScalePhase run) {
        return ScalePhase.HISTORY.equals(run.phase()) ? p95(run) : p99(run);
    }

    private static TargetRow exportRow(ScaleResults scale) {
        PerformanceTarget target = PerformanceTarget.STREAMED_EXPORT;
        ScalePhase jsonl = scale == null ? null : scale.phase(ScalePhase.EXPORT_PREFIX + "entries.jsonl");
        ScalePhase csv = scale == null ? null : scale.phase(ScalePhase.EXPORT_PREFIX + "entries.csv");
        if (jsonl == null || csv == null) {
            return notMeasured(target, "needs a bulk-loaded database and ledger-api (ledger-bench/scale.sh)");
        }
        double worst = Math.min(perSecond(jsonl), perSecond(csv));
        ScalePhase copyJsonl = scale.phase(ScalePhase.COPY_PREFIX + "entries.jsonl");
        ScalePhase copyCsv = scale.phase(ScalePhase.COPY_PREFIX + "entries.csv");
        return of(target,
                String.format("JSON Lines %s entries/s, CSV %s entries/s (%s entries each) under %s; API resident "
                                + "memory max %s MiB", Format.number(perSecond(jsonl)), Format.number(perSecond(csv)),
                        Format.number(LoadResults.orNaN(jsonl.entries())), jsonl.apiHeap(),
                        Format.number(Math.max(LoadResults.orNaN(jsonl.apiRssMiBMax()),
                                LoadResults.orNaN(csv.apiRssMiBMax())))),
                target.met(worst) ? "meets" : "misses",
                copyJsonl == null || copyCsv == null ? "—" : String.format("PostgreSQL's binary COPY TO STDOUT of the"
                                + " rows both exports read: %s entries/s after the JSON Lines export, %s after the CSV",
                        Format.number(perSecond(copyJsonl)), Format.number(perSecond(copyCsv))),
                copyJsonl == null || copyCsv == null ? "—" : "export / COPY: JSON Lines "
                        + Format.ratio(perSecond(jsonl), perSecond(copyJsonl))
                        + ", CSV " + Format.ratio(perSecond(csv), perSecond(copyCsv)),
                "GET /api/v1/audit/entries.jsonl and .csv of the whole log (or the first N entries), one client "
                        + "reading to the end; " + loadDuring(scale) + cpu("JSON Lines' ", jsonl.cpu())
                        + cpu("CSV's ", csv.cpu()));
    }

    private static TargetRow proofRow(Map<String, Figure> figures, LoadResults load, ScaleResults scale) {
        PerformanceTarget target = PerformanceTarget.PROOF;
        Figure inclusion = figures.get("proof.inclusion.p99");
        Figure consistency = figures.get("proof.consistency.p99");
        if (inclusion == null || consistency == null) {
            return notMeasured(target, "proof benchmarks not run");
        }
        // The benchmarks give microseconds.
        double limitMicros = target.limit().value() * 1000;
        double worst = Math.max(inclusion.median(), consistency.median());
        LoadPhase apiInclusion = load == null ? null : load.phase(LoadPhase.INCLUSION_PROOF);
        LoadPhase apiConsistency = load == null ? null : load.phase(LoadPhase.CONSISTENCY_PROOF);
        String api = "";
        String apiNote = "; the API's reads from PostgreSQL and HTTP are not in this figure";
        if (apiInclusion != null && apiConsistency != null) {
            api = String.format("; via the API on PostgreSQL at %s leaves (after the load run): inclusion p99 %s ms, "
                            + "consistency p99 %s ms", load.treeSizeAfter(),
                    Format.number(LoadResults.orNaN(apiInclusion.p99Ms())),
                    Format.number(LoadResults.orNaN(apiConsistency.p99Ms())));
            apiNote = "; the API figures include PostgreSQL reads and HTTP on loopback, every inclusion proof verified";
        }
        List<ScalePhase> httpInclusion = scale == null ? List.of() : scale.phases(ScalePhase.INCLUSION);
        List<ScalePhase> httpConsistency = scale == null ? List.of() : scale.phases(ScalePhase.CONSISTENCY);
        Beside inclusionJdbc = Beside.of(httpInclusion,
                scale == null ? List.of() : scale.phases(ScalePhase.INCLUSION_JDBC), TargetRow::p99, "inclusion");
        Beside consistencyJdbc = Beside.of(httpConsistency,
                scale == null ? List.of() : scale.phases(ScalePhase.CONSISTENCY_JDBC), TargetRow::p99, "consistency");
        boolean noJdbc = inclusionJdbc.figures().isEmpty() && consistencyJdbc.figures().isEmpty();
        List<ScalePhase> overHttp = new ArrayList<>(httpInclusion);
        overHttp.addAll(httpConsistency);
        boolean computationMeets = worst <= limitMicros;
        String verdict = computationMeets ? "meets (computation)" : "misses";
        if (!overHttp.isEmpty()) {
            List<String> runs = new ArrayList<>();
            for (ScalePhase run : overHttp) {
                runs.add(String.format("%s %s p99 %s ms", run.phase(), clients(run), Format.number(p99(run))));
            }
            if (computationMeets) {
                String http = byClients(overHttp, target.limit().value());
                verdict = http.equals("meets") ? "meets" : http + " over HTTP (the computation meets)";
            }
            api += String.format("; via the API on the bulk-loaded log of %s leaves: %s (%s)",
                    Format.number(LoadResults.orNaN(scale.treeSize())), String.join(", ", runs), loadDuring(scale));
        }
        return of(target,
                String.format("in-process at 10 M leaves: inclusion p99 %s µs, consistency p99 %s µs%s",
                        Format.number(inclusion.median()), Format.number(consistency.median()), api),
                verdict,
                noJdbc ? "—" : "the proof's one node read and its rehash by plain JDBC, at the same size: "
                        + String.join("; ", inclusionJdbc.figures(), consistencyJdbc.figures()),
                (noJdbc ? "" : "over HTTP p99 / plain JDBC p99: " + String.join("; ", inclusionJdbc.ratios(),
                        consistencyJdbc.ratios()) + "; ")
                        + String.format("target / worst in-process p99 = %s×", Format.number(limitMicros / worst)),
                "in-process: node IDs + reads from an in-memory node store + rehash" + apiNote);
    }

    private static TargetRow offlineRow(Map<String, Figure> figures) {
        PerformanceTarget target = PerformanceTarget.OFFLINE_VERIFICATION;
        Figure core = figures.get("offline.ledgerCore");
        Figure jdk = figures.get("offline.jdk");
        Figure twoThreads = figures.get("offline.jdkTwoThreads");
        Figure limit = figures.get("sha256.jdk.entry");
        if (core == null) {
            return notMeasured(target, "offline verification benchmark not run");
        }
        double best = Math.max(jdk == null ? 0 : jdk.median(), twoThreads == null ? 0 : twoThreads.median());
        String verdict = !target.met(best) ? "misses"
                : jdk != null && target.met(jdk.median()) ? "meets" : "meets on two threads";
        return of(target,
                (twoThreads == null ? "" : Format.number(twoThreads.median())
                        + " entries/s with the verifiers' SHA-256 (JDK) on two threads; ")
                        + (jdk == null ? "" : Format.number(jdk.median()) + " entries/s on one thread; ")
                        + Format.number(core.median()) + " entries/s with the writer's SHA-256 (BouncyCastle)",
                verdict,
                limit == null ? "—" : "raw JDK SHA-256 of the same bytes: " + Format.number(limit.median()) + " hashes/s",
                limit == null || jdk == null ? "—" : Format.ratio(jdk.median(), limit.median()) + " (one thread)",
                "ledger-core's Rfc6962Hasher and CompactRange, canonical bytes already in memory; one thread unless "
                        + "stated; chain links (prev) are not re-parsed here");
    }
}
