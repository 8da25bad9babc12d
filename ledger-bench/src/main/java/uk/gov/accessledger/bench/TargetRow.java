package uk.gov.accessledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of DESIGN.md "Performance targets" beside what this run measured for it. Rows this run
 * could not measure say so, with the reason, rather than borrowing a number from elsewhere.
 *
 * @param what the target's row, as DESIGN.md words it
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

    /** The rows of DESIGN.md's table, filled from {@code figures}. */
    static List<TargetRow> from(Map<String, Figure> figures) {
        List<TargetRow> rows = new ArrayList<>();
        rows.add(notMeasured("ingest, batches of 500–1000 entries, fully chained and durably committed",
                "≥ 20,000 entries/s, and ≥ 50 % of a plain JDBC batch INSERT of the same rows",
                "needs ledger-api on PostgreSQL under load (issue 6 item 3); the micro-benchmarks only bound "
                        + "the CPU cost per entry: see entry.encodeAndLeafHash"));
        rows.add(notMeasured("ingest, single-entry requests, 64 concurrent clients",
                "≥ 3,000 requests/s, p99 ≤ 50 ms", "needs ledger-api on PostgreSQL under load (issue 6 item 3)"));
        rows.add(notMeasured("acknowledged → included in a signed checkpoint", "p99 ≤ 1 s",
                "needs ledger-api's sequencer under load (issue 6 item 3); its CPU parts are merkle.append and "
                        + "checkpoint.sign"));
        rows.add(notMeasured("a citizen's history page (50 entries) at 10 M entries / 1 M subjects", "p95 ≤ 20 ms",
                "needs 10 M entries loaded into PostgreSQL (issue 6 item 4)"));
        rows.add(proofRow(figures));
        rows.add(offlineRow(figures));
        rows.add(notMeasured("streamed export", "≥ 100,000 entries/s with constant memory",
                "needs ledger-api on PostgreSQL (issue 6 item 4)"));
        return rows;
    }

    private static TargetRow notMeasured(String what, String target, String note) {
        return new TargetRow(what, target, NOT_MEASURED, "—", "—", "—", note);
    }

    private static TargetRow proofRow(Map<String, Figure> figures) {
        String what = "inclusion or consistency proof at 10 M leaves";
        String target = "p99 ≤ 5 ms";
        Figure inclusion = figures.get("proof.inclusion.p99");
        Figure consistency = figures.get("proof.consistency.p99");
        if (inclusion == null || consistency == null) {
            return notMeasured(what, target, "proof benchmarks not run");
        }
        double worst = Math.max(inclusion.median(), consistency.median());
        return new TargetRow(what, target,
                String.format("inclusion p99 %s µs, consistency p99 %s µs", Format.number(inclusion.median()),
                        Format.number(consistency.median())),
                worst <= 5000 ? "meets (computation)" : "misses",
                "—",
                String.format("target / worst p99 = %s×", Format.number(5000 / worst)),
                "node IDs + reads from an in-memory node store + rehash, in-process; the API's tile reads from "
                        + "PostgreSQL and HTTP are not in this figure");
    }

    private static TargetRow offlineRow(Map<String, Figure> figures) {
        String what = "offline verification of a full log (recompute every leaf and the root)";
        String target = "≥ 1,000,000 entries/s";
        Figure core = figures.get("offline.ledgerCore");
        Figure jdk = figures.get("offline.jdk");
        Figure limit = figures.get("sha256.jdk.entry");
        if (core == null) {
            return notMeasured(what, target, "offline verification benchmark not run");
        }
        return new TargetRow(what, target,
                Format.number(core.median()) + " entries/s (ledger-core, BouncyCastle)"
                        + (jdk == null ? "" : "; " + Format.number(jdk.median()) + " entries/s with the JDK digest"),
                core.median() >= 1_000_000 ? "meets" : "misses"
                        + (jdk != null && jdk.median() >= 1_000_000 ? " (the JDK digest meets)" : ""),
                limit == null ? "—" : "raw JDK SHA-256 of the same bytes: " + Format.number(limit.median()) + " hashes/s",
                limit == null ? "—" : Format.ratio(core.median(), limit.median())
                        + (jdk == null ? "" : " (JDK digest: " + Format.ratio(jdk.median(), limit.median()) + ")"),
                "one thread, canonical bytes already in memory; chain links (prev) are not re-parsed here");
    }
}
