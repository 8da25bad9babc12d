package uk.gov.accessledger.bench.report;

import java.util.Locale;
import uk.gov.accessledger.bench.load.GroupCommit;
import uk.gov.accessledger.bench.load.LoadPhase;
import uk.gov.accessledger.bench.load.LoadResults;
import uk.gov.accessledger.bench.shared.PerformanceTarget;

/** The target rows a load run (load.json) fills: batched and single-entry ingest, and ack → checkpoint. */
final class IngestRows {

    private static final String NEEDS_LOAD = "needs a load run against ledger-api on PostgreSQL (ledger-bench/load.sh)";

    private IngestRows() {
    }

    static TargetRow batch(LoadResults load) {
        PerformanceTarget target = PerformanceTarget.BATCHED_INGEST;
        LoadPhase batched = load == null ? null : load.phase(LoadPhase.BATCHED);
        if (batched == null) {
            return TargetRow.notMeasured(target, NEEDS_LOAD
                    + "; the micro-benchmarks only bound the CPU cost per entry: see entry.encodeAndLeafHash");
        }
        double rate = batched.entriesPerSecond();
        double baseline = LoadResults.orNaN(load.baselineRowsPerSecond());
        double ratio = rate / baseline;
        return TargetRow.of(target,
                String.format("%s entries/s (batches of %s, %s clients; batch p99 %s ms)", Format.number(rate),
                        load.batchSize(), batched.clients(), Format.number(LoadResults.orNaN(batched.p99Ms()))),
                target.met(rate, 100 * ratio) ? "meets" : "misses",
                Double.isNaN(baseline) ? "—" : "plain JDBC batch INSERT: " + Format.number(baseline) + " rows/s",
                Double.isNaN(baseline) ? "—" : Format.ratio(rate, baseline),
                "end to end over HTTP on loopback; baseline = mean of a run before and one after, from as many"
                        + " clients" + floor(load, rate)
                        + TargetRow.cpu("", batched.cpu()));
    }

    /** The floor of {@code LedgerRowsFloor}, when the load run measured it. */
    private static String floor(LoadResults load, double rate) {
        double floor = LoadResults.orNaN(load.floorEntriesPerSecond());
        if (Double.isNaN(floor)) {
            return "";
        }
        return "; floor: the same entries' rows (event, read model, log queue, leaf, nodes) written again by plain"
                + " JDBC from as many clients with the API's batched-INSERT rewriting and no application code, into"
                + " copies of the ledger's tables with their indexes, reach "
                + Format.number(floor) + " entries/s (ingest / floor = " + Format.ratio(rate, floor) + ")";
    }

    static TargetRow single(LoadResults load) {
        PerformanceTarget target = PerformanceTarget.SINGLE_ENTRY_INGEST;
        LoadPhase single = load == null ? null : load.phase(LoadPhase.SINGLE);
        if (single == null) {
            return TargetRow.notMeasured(target, NEEDS_LOAD);
        }
        double rate = single.requestsPerSecond();
        double p99 = LoadResults.orNaN(single.p99Ms());
        LoadPhase repeats = load.phase(LoadPhase.REPEATS);
        return TargetRow.of(target,
                String.format("%s requests/s; p50 %s ms, p95 %s ms, p99 %s ms (%s clients)", Format.number(rate),
                        Format.number(LoadResults.orNaN(single.p50Ms())),
                        Format.number(LoadResults.orNaN(single.p95Ms())), Format.number(p99), single.clients()),
                target.met(rate, p99) ? "meets" : "misses", repeatBaseline(repeats), repeatRatio(repeats, rate),
                "end to end over HTTP on loopback, load generator on the same 2 cores" + groupCommit(load)
                        + TargetRow.cpu("", single.cpu())
                        + TargetRow.cpu("the repeats' ", repeats == null ? null : repeats.cpu()));
    }

    /** The mean group-commit size of the single-entry phase, when the run could read it. */
    private static String groupCommit(LoadResults load) {
        GroupCommit groups = load.singleEntryGroupCommit();
        if (groups == null) {
            return "";
        }
        return String.format(Locale.ROOT, "; %s requests per transaction on average (%,d group commits)",
                Format.number(groups.meanRequestsPerGroup()), groups.groups());
    }

    private static String repeatBaseline(LoadPhase repeats) {
        if (repeats == null) {
            return "—";
        }
        return String.format("the same requests repeated, nothing written (HTTP, authentication, parsing, group"
                        + " commit, one read, receipt signature): %s requests/s, p99 %s ms",
                Format.number(repeats.requestsPerSecond()), Format.number(LoadResults.orNaN(repeats.p99Ms())));
    }

    private static String repeatRatio(LoadPhase repeats, double rate) {
        return repeats == null ? "—" : "ingest / repeats = " + Format.ratio(rate, repeats.requestsPerSecond());
    }

    static TargetRow inclusion(LoadResults load) {
        PerformanceTarget target = PerformanceTarget.ACK_TO_CHECKPOINT;
        LoadPhase waited = load == null ? null : load.phase(LoadPhase.WAITING_FOR_INCLUSION);
        if (waited == null) {
            return TargetRow.notMeasured(target, NEEDS_LOAD + "; its CPU parts are merkle.append and checkpoint.sign");
        }
        double p99 = LoadResults.orNaN(waited.p99Ms());
        LoadPhase single = load.phase(LoadPhase.SINGLE);
        return TargetRow.of(target,
                String.format("request → in a checkpoint: p50 %s ms, p99 %s ms; all acknowledged entries in a "
                                + "checkpoint %s s after the last ack", Format.number(LoadResults.orNaN(waited.p50Ms())),
                        Format.number(p99), Format.number(LoadResults.orNaN(load.secondsFromLastAckToAllInCheckpoint()))),
                target.met(p99) ? "meets" : "misses", ackBaseline(single), ackRatio(single, p99),
                "clients sending with ?wait=inclusion during the single-entry load: request start to answer, "
                        + "an upper bound on ack → checkpoint");
    }

    /** The same moment's single-entry requests, answered at acknowledgement rather than inclusion. */
    private static String ackBaseline(LoadPhase single) {
        return single == null ? "—" : String.format("request → acknowledgement, the single-entry requests sent at the"
                + " same time without waiting: p99 %s ms", Format.number(LoadResults.orNaN(single.p99Ms())));
    }

    private static String ackRatio(LoadPhase single, double p99) {
        return single == null ? "—" : "p99 to the checkpoint / p99 to the acknowledgement = "
                + Format.ratio(p99, LoadResults.orNaN(single.p99Ms()));
    }
}
