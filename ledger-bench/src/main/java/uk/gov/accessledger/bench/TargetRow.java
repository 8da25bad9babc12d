package uk.gov.accessledger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row of docs/design.md "Performance targets" beside what this run measured for it. Rows this run
 * could not measure say so, with the reason, rather than borrowing a number from elsewhere.
 *
 * @param what the target's row, as docs/design.md words it
 * @param target the target itself
 * @param measured the measured figure with its unit, or "not measured here"
 * @param verdict "meets", "misses" or "—" when not measured
 * @param baseline the baseline measured in the same run, with its figure, or "—"
 * @param ratio measured / baseline (or the ratio the target names), or "—"
 * @param note what the figure covers and what it leaves out
 */
record TargetRow(String what, String target, String measured, String verdict, String baseline, String ratio,
        String note) {

    static final String NOT_MEASURED = "not measured here";

    /**
     * The rows of the table in docs/design.md, filled from {@code figures} and, for the ingest rows, from
     * {@code load} (a load.json), which may be null.
     */
    static List<TargetRow> from(Map<String, Figure> figures, Map<String, Object> load) {
        return from(figures, load, null);
    }

    /** As {@link #from(Map, Map)}, with the read rows filled from {@code scale} (a scale.json), which may be null. */
    static List<TargetRow> from(Map<String, Figure> figures, Map<String, Object> load, Map<String, Object> scale) {
        List<TargetRow> rows = new ArrayList<>();
        rows.add(batchRow(load));
        rows.add(singleRow(load));
        rows.add(inclusionRow(load));
        rows.add(historyRow(scale));
        rows.add(proofRow(figures, load, scale));
        rows.add(offlineRow(figures));
        rows.add(exportRow(scale));
        return rows;
    }

    private static TargetRow batchRow(Map<String, Object> load) {
        String what = "ingest, batches of 500–1000 entries, fully chained and durably committed";
        String target = "≥ 20,000 entries/s, and ≥ 50 % of a plain JDBC batch INSERT of the same rows";
        Map<String, Object> batched = LoadReport.phase(load, "batched ingest");
        if (batched == null) {
            return notMeasured(what, target, "needs a load run against ledger-api on PostgreSQL (ledger-bench/load.sh);"
                    + " the micro-benchmarks only bound the CPU cost per entry: see entry.encodeAndLeafHash");
        }
        double rate = LoadReport.number(batched, "entriesPerSecond");
        double baseline = LoadReport.number(load, "baselineRowsPerSecond");
        double ratio = rate / baseline;
        return new TargetRow(what, target,
                String.format("%s entries/s (batches of %s, %s clients; batch p99 %s ms)", Format.number(rate),
                        load.get("batchSize"), batched.get("clients"),
                        Format.number(LoadReport.number(batched, "p99Ms"))),
                rate >= 20_000 && ratio >= 0.5 ? "meets" : "misses",
                Double.isNaN(baseline) ? "—" : "plain JDBC batch INSERT: " + Format.number(baseline) + " rows/s",
                Double.isNaN(baseline) ? "—" : Format.ratio(rate, baseline),
                "end to end over HTTP on loopback; baseline = mean of a run before and one after, from as many"
                        + " clients" + floor(load, rate)
                        + cpu("", batched));
    }

    /**
     * Where the phase's CPU went (see {@link CpuShares}), when the run could read it: on 2 cores,
     * 2 / (the sum) is the most the phase could reach.
     */
    @SuppressWarnings("unchecked")
    private static String cpu(String whose, Map<String, Object> phase) {
        Map<String, Object> cpu = phase == null ? null : (Map<String, Object>) phase.get("cpu");
        if (cpu == null) {
            return "";
        }
        double[] ms = {LoadReport.number(cpu, "apiMs"), LoadReport.number(cpu, "postgresMs"),
                LoadReport.number(cpu, "generatorMs"), LoadReport.number(cpu, "otherMs")};
        // An export's entry costs microseconds: in ms they would all print as 0.01.
        boolean micro = Arrays.stream(ms).max().orElse(0) < 0.1;
        String unit = micro ? "µs" : "ms";
        String[] text = Arrays.stream(ms).mapToObj(v -> Format.number(micro ? 1000 * v : v) + " " + unit)
                .toArray(String[]::new);
        return String.format(Locale.ROOT,
                "; %sCPU per %s: API %s, PostgreSQL %s, load generator %s, other %s; machine idle %.1f %%",
                whose, cpu.get("per"), text[0], text[1], text[2], text[3], 100 * LoadReport.number(cpu, "idleShare"));
    }

    /** The floor of {@link LedgerRowsFloor}, when the load run measured it. */
    private static String floor(Map<String, Object> load, double rate) {
        double floor = LoadReport.number(load, "floorEntriesPerSecond");
        if (Double.isNaN(floor)) {
            return "";
        }
        return "; floor: the same entries' rows (event, read model, log queue, leaf, nodes) written again by plain"
                + " JDBC from as many clients with the API's batched-INSERT rewriting and no application code, into"
                + " copies of the ledger's tables with their indexes, reach "
                + Format.number(floor) + " entries/s (ingest / floor = " + Format.ratio(rate, floor) + ")";
    }

    private static TargetRow singleRow(Map<String, Object> load) {
        String what = "ingest, single-entry requests, 64 concurrent clients";
        String target = "≥ 3,000 requests/s, p99 ≤ 50 ms";
        Map<String, Object> single = LoadReport.phase(load, "single-entry ingest");
        if (single == null) {
            return notMeasured(what, target, "needs a load run against ledger-api on PostgreSQL (ledger-bench/load.sh)");
        }
        double rate = LoadReport.number(single, "requestsPerSecond");
        double p99 = LoadReport.number(single, "p99Ms");
        Map<String, Object> repeats = LoadReport.phase(load, LoadTest.REPEAT_PHASE);
        return new TargetRow(what, target,
                String.format("%s requests/s; p50 %s ms, p95 %s ms, p99 %s ms (%s clients)", Format.number(rate),
                        Format.number(LoadReport.number(single, "p50Ms")),
                        Format.number(LoadReport.number(single, "p95Ms")), Format.number(p99), single.get("clients")),
                rate >= 3000 && p99 <= 50 ? "meets" : "misses", repeatBaseline(repeats), repeatRatio(repeats, rate),
                "end to end over HTTP on loopback, load generator on the same 2 cores" + groupCommit(load)
                        + cpu("", single) + cpu("the repeats' ", repeats));
    }

    /** The mean group-commit size of the single-entry phase, when the run could read it. */
    @SuppressWarnings("unchecked")
    private static String groupCommit(Map<String, Object> load) {
        Map<String, Object> groups = (Map<String, Object>) load.get("singleEntryGroupCommit");
        if (groups == null) {
            return "";
        }
        return String.format(Locale.ROOT, "; %s requests per transaction on average (%,d group commits)",
                Format.number(LoadReport.number(groups, "meanRequestsPerGroup")),
                (long) LoadReport.number(groups, "groups"));
    }

    private static String repeatBaseline(Map<String, Object> repeats) {
        if (repeats == null) {
            return "—";
        }
        return String.format("the same requests repeated, nothing written (HTTP, authentication, parsing, group"
                        + " commit, one read, receipt signature): %s requests/s, p99 %s ms",
                Format.number(LoadReport.number(repeats, "requestsPerSecond")),
                Format.number(LoadReport.number(repeats, "p99Ms")));
    }

    private static String repeatRatio(Map<String, Object> repeats, double rate) {
        return repeats == null ? "—"
                : "ingest / repeats = " + Format.ratio(rate, LoadReport.number(repeats, "requestsPerSecond"));
    }

    private static TargetRow inclusionRow(Map<String, Object> load) {
        String what = "acknowledged → included in a signed checkpoint";
        String target = "p99 ≤ 1 s";
        Map<String, Object> waited = LoadReport.phase(load, "request → in a signed checkpoint (?wait=inclusion)");
        if (waited == null) {
            return notMeasured(what, target, "needs a load run against ledger-api on PostgreSQL (ledger-bench/load.sh);"
                    + " its CPU parts are merkle.append and checkpoint.sign");
        }
        double p99 = LoadReport.number(waited, "p99Ms");
        Map<String, Object> single = LoadReport.phase(load, "single-entry ingest");
        return new TargetRow(what, target,
                String.format("request → in a checkpoint: p50 %s ms, p99 %s ms; all acknowledged entries in a "
                                + "checkpoint %s s after the last ack", Format.number(LoadReport.number(waited, "p50Ms")),
                        Format.number(p99), Format.number(LoadReport.number(load, "secondsFromLastAckToAllInCheckpoint"))),
                p99 <= 1000 ? "meets" : "misses", ackBaseline(single), ackRatio(single, p99),
                "clients sending with ?wait=inclusion during the single-entry load: request start to answer, "
                        + "an upper bound on ack → checkpoint");
    }

    /** The same moment's single-entry requests, answered at acknowledgement rather than inclusion. */
    private static String ackBaseline(Map<String, Object> single) {
        return single == null ? "—" : String.format("request → acknowledgement, the single-entry requests sent at the"
                        + " same time without waiting: p99 %s ms", Format.number(LoadReport.number(single, "p99Ms")));
    }

    private static String ackRatio(Map<String, Object> single, double p99) {
        return single == null ? "—" : "p99 to the checkpoint / p99 to the acknowledgement = "
                + Format.ratio(p99, LoadReport.number(single, "p99Ms"));
    }

    /**
     * A baseline's figures, and measured / baseline of one latency (how many times longer the API
     * takes than the bare statement), each "" when there is no baseline phase.
     */
    private record Beside(String figures, String ratios) {

        /**
         * The baseline phases {@code baseline} beside the measured phases {@code measured}, matched
         * by client count, comparing {@code key}; each labelled {@code label} when not empty.
         */
        static Beside of(List<Map<String, Object>> measured, List<Map<String, Object>> baseline, String key,
                         String label) {
            List<String> figures = new ArrayList<>();
            List<String> ratios = new ArrayList<>();
            for (Map<String, Object> b : baseline) {
                String prefix = (label.isEmpty() ? "" : label + ", ") + clients(b);
                figures.add(prefix + ": " + percentiles(b));
                measured.stream().filter(m -> b.get("clients").equals(m.get("clients"))).findFirst().ifPresent(m ->
                        ratios.add(prefix + " " + Format.ratio(LoadReport.number(m, key), LoadReport.number(b, key))));
            }
            return new Beside(String.join("; ", figures), String.join("; ", ratios));
        }
    }

    private static TargetRow notMeasured(String what, String target, String note) {
        return new TargetRow(what, target, NOT_MEASURED, "—", "—", "—", note);
    }

    private static String scaleSize(Map<String, Object> scale) {
        return String.format("%s leaves / %s subjects", Format.number(LoadReport.number(scale, "treeSize")),
                Format.number(LoadReport.number(scale, "subjects")));
    }

    private static String loadDuring(Map<String, Object> scale) {
        return "load average during: " + scale.get("loadAverageDuring");
    }

    private static TargetRow historyRow(Map<String, Object> scale) {
        String what = "a citizen's history page (50 entries) at 10 M entries / 1 M subjects";
        String target = "p95 ≤ 20 ms";
        List<Map<String, Object>> history = LoadReport.phases(scale, QueryBench.HISTORY);
        if (history.isEmpty()) {
            return notMeasured(what, target, "needs a bulk-loaded database and ledger-api (ledger-bench/scale.sh)");
        }
        List<String> runs = new ArrayList<>();
        for (Map<String, Object> h : history) {
            runs.add(clients(h) + ": " + percentiles(h));
        }
        List<String> entryRuns = new ArrayList<>();
        for (Map<String, Object> e : LoadReport.phases(scale, QueryBench.ENTRY_WITH_PROOF)) {
            entryRuns.add(clients(e) + ": " + percentiles(e));
        }
        Beside baseline = Beside.of(history, LoadReport.phases(scale, QueryBench.HISTORY_JDBC), "p95Ms", "");
        return new TargetRow(what, target,
                String.join("; ", runs) + " at " + scaleSize(scale)
                        + (entryRuns.isEmpty() ? "" : "; entry page + its tlog-proof, " + String.join("; ", entryRuns)),
                byClients(history, 20),
                baseline.figures().isEmpty() ? "—" : "the page's SQL statement by plain JDBC for the same citizens, "
                        + baseline.figures(),
                baseline.figures().isEmpty() ? "—" : "API p95 / plain JDBC p95: " + baseline.ratios(),
                "GET /api/v1/me/entries?limit=50 with a citizen JWT for random loaded citizens, over HTTP on loopback; "
                        + "one client shows a request's own time, more clients a machine whose 2 cores are saturated "
                        + "(API, PostgreSQL and the clients); every proof verified; " + loadDuring(scale));
    }

    private static String clients(Map<String, Object> phase) {
        Object n = phase.get("clients");
        return n + (Integer.valueOf(1).equals(n) ? " client" : " clients");
    }

    private static String percentiles(Map<String, Object> phase) {
        return String.format("p50 %s ms, p95 %s ms, p99 %s ms", Format.number(LoadReport.number(phase, "p50Ms")),
                Format.number(LoadReport.number(phase, "p95Ms")), Format.number(LoadReport.number(phase, "p99Ms")));
    }

    /**
     * "meets" when the latency target holds at every client count measured, "misses" when at none,
     * and otherwise which counts meet and which miss. Runs with the same client count (inclusion
     * and consistency proofs) are judged by the slower.
     */
    static String byClients(List<Map<String, Object>> runs, double limitMs) {
        Map<String, Double> worstByClients = new java.util.LinkedHashMap<>();
        for (Map<String, Object> run : runs) {
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
    private static double worstMs(Map<String, Object> run) {
        return QueryBench.HISTORY.equals(run.get("phase")) ? LoadReport.number(run, "p95Ms")
                : LoadReport.number(run, "p99Ms");
    }

    private static TargetRow exportRow(Map<String, Object> scale) {
        String what = "streamed export";
        String target = "≥ 100,000 entries/s with constant memory";
        Map<String, Object> jsonl = LoadReport.phase(scale, "export entries.jsonl");
        Map<String, Object> csv = LoadReport.phase(scale, "export entries.csv");
        if (jsonl == null || csv == null) {
            return notMeasured(what, target, "needs a bulk-loaded database and ledger-api (ledger-bench/scale.sh)");
        }
        double worst = Math.min(LoadReport.number(jsonl, "entriesPerSecond"), LoadReport.number(csv, "entriesPerSecond"));
        Map<String, Object> copyJsonl = LoadReport.phase(scale, QueryBench.COPY_PREFIX + "entries.jsonl");
        Map<String, Object> copyCsv = LoadReport.phase(scale, QueryBench.COPY_PREFIX + "entries.csv");
        return new TargetRow(what, target,
                String.format("JSON Lines %s entries/s, CSV %s entries/s (%s entries each) under %s; API resident "
                                + "memory max %s MiB", Format.number(LoadReport.number(jsonl, "entriesPerSecond")),
                        Format.number(LoadReport.number(csv, "entriesPerSecond")), Format.number(LoadReport.number(jsonl, "entries")),
                        jsonl.get("apiHeap"), Format.number(Math.max(LoadReport.number(jsonl, "apiRssMiBMax"),
                                LoadReport.number(csv, "apiRssMiBMax")))),
                worst >= 100_000 ? "meets" : "misses",
                copyJsonl == null || copyCsv == null ? "—" : String.format("PostgreSQL's binary COPY TO STDOUT of the"
                                + " rows both exports read: %s entries/s after the JSON Lines export, %s after the CSV",
                        Format.number(LoadReport.number(copyJsonl, "entriesPerSecond")),
                        Format.number(LoadReport.number(copyCsv, "entriesPerSecond"))),
                copyJsonl == null || copyCsv == null ? "—" : "export / COPY: JSON Lines "
                        + Format.ratio(LoadReport.number(jsonl, "entriesPerSecond"),
                                LoadReport.number(copyJsonl, "entriesPerSecond"))
                        + ", CSV " + Format.ratio(LoadReport.number(csv, "entriesPerSecond"),
                                LoadReport.number(copyCsv, "entriesPerSecond")),
                "GET /api/v1/audit/entries.jsonl and .csv of the whole log (or the first N entries), one client "
                        + "reading to the end; " + loadDuring(scale) + cpu("JSON Lines' ", jsonl) + cpu("CSV's ", csv));
    }

    private static TargetRow proofRow(Map<String, Figure> figures, Map<String, Object> load, Map<String, Object> scale) {
        String what = "inclusion or consistency proof at 10 M leaves";
        String target = "p99 ≤ 5 ms";
        Figure inclusion = figures.get("proof.inclusion.p99");
        Figure consistency = figures.get("proof.consistency.p99");
        if (inclusion == null || consistency == null) {
            return notMeasured(what, target, "proof benchmarks not run");
        }
        double worst = Math.max(inclusion.median(), consistency.median());
        Map<String, Object> apiInclusion = LoadReport.phase(load, "inclusion proof via the API");
        Map<String, Object> apiConsistency = LoadReport.phase(load, "consistency proof via the API");
        String api = "";
        String apiNote = "; the API's reads from PostgreSQL and HTTP are not in this figure";
        if (apiInclusion != null && apiConsistency != null) {
            api = String.format("; via the API on PostgreSQL at %s leaves (after the load run): inclusion p99 %s ms, "
                            + "consistency p99 %s ms", load.get("treeSizeAfter"),
                    Format.number(LoadReport.number(apiInclusion, "p99Ms")),
                    Format.number(LoadReport.number(apiConsistency, "p99Ms")));
            apiNote = "; the API figures include PostgreSQL reads and HTTP on loopback, every inclusion proof verified";
        }
        Beside inclusionJdbc = Beside.of(LoadReport.phases(scale, QueryBench.INCLUSION),
                LoadReport.phases(scale, QueryBench.INCLUSION_JDBC), "p99Ms", "inclusion");
        Beside consistencyJdbc = Beside.of(LoadReport.phases(scale, QueryBench.CONSISTENCY),
                LoadReport.phases(scale, QueryBench.CONSISTENCY_JDBC), "p99Ms", "consistency");
        boolean noJdbc = inclusionJdbc.figures().isEmpty() && consistencyJdbc.figures().isEmpty();
        List<Map<String, Object>> overHttp = new ArrayList<>(LoadReport.phases(scale, QueryBench.INCLUSION));
        overHttp.addAll(LoadReport.phases(scale, QueryBench.CONSISTENCY));
        String verdict = worst <= 5000 ? "meets (computation)" : "misses";
        if (!overHttp.isEmpty()) {
            List<String> runs = new ArrayList<>();
            for (Map<String, Object> run : overHttp) {
                runs.add(String.format("%s %s p99 %s ms", run.get("phase"), clients(run),
                        Format.number(LoadReport.number(run, "p99Ms"))));
            }
            if (worst <= 5000) {
                String http = byClients(overHttp, 5);
                verdict = http.equals("meets") ? "meets" : http + " over HTTP (the computation meets)";
            }
            api += String.format("; via the API on the bulk-loaded log of %s leaves: %s (%s)",
                    Format.number(LoadReport.number(scale, "treeSize")), String.join(", ", runs), loadDuring(scale));
        }
        return new TargetRow(what, target,
                String.format("in-process at 10 M leaves: inclusion p99 %s µs, consistency p99 %s µs%s",
                        Format.number(inclusion.median()), Format.number(consistency.median()), api),
                verdict,
                noJdbc ? "—" : "the proof's one node read and its rehash by plain JDBC, at the same size: "
                        + String.join("; ", inclusionJdbc.figures(), consistencyJdbc.figures()),
                (noJdbc ? "" : "over HTTP p99 / plain JDBC p99: " + String.join("; ", inclusionJdbc.ratios(),
                        consistencyJdbc.ratios()) + "; ")
                        + String.format("target / worst in-process p99 = %s×", Format.number(5000 / worst)),
                "in-process: node IDs + reads from an in-memory node store + rehash" + apiNote);
    }

    private static TargetRow offlineRow(Map<String, Figure> figures) {
        String what = "offline verification of a full log (recompute every leaf and the root)";
        String target = "≥ 1,000,000 entries/s";
        Figure core = figures.get("offline.ledgerCore");
        Figure jdk = figures.get("offline.jdk");
        Figure twoThreads = figures.get("offline.jdkTwoThreads");
        Figure limit = figures.get("sha256.jdk.entry");
        if (core == null) {
            return notMeasured(what, target, "offline verification benchmark not run");
        }
        double best = Math.max(jdk == null ? 0 : jdk.median(), twoThreads == null ? 0 : twoThreads.median());
        String verdict = best < 1_000_000 ? "misses"
                : jdk != null && jdk.median() >= 1_000_000 ? "meets" : "meets on two threads";
        return new TargetRow(what, target,
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
