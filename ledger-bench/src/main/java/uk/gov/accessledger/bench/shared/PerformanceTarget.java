package uk.gov.accessledger.bench.shared;

import java.util.List;

/**
 * The performance targets of docs/design.md, section "Performance targets": the one definition
 * of them in code. Each says what is measured and the target in the design's words, and the
 * limits the report judges a measurement by. PerformanceTargetTest requires the design's table
 * to hold exactly these rows, in this order, and each target's words to state its limits.
 *
 * <p>The conditions the targets are stated under (batch sizes, clients, page size, log size)
 * are the constants below; the tools take their defaults from them.
 */
public enum PerformanceTarget {

    BATCHED_INGEST("ingest, batches of 500–1000 entries, fully chained and durably committed",
            "≥ 20,000 entries/s, and ≥ 50 % of a plain JDBC batch INSERT of the same rows into the same PostgreSQL",
            Limit.atLeast(20_000, "entries/s"), Limit.atLeast(50, "%")),
    SINGLE_ENTRY_INGEST("ingest, single-entry requests, 64 concurrent clients", "≥ 3,000 requests/s, p99 ≤ 50 ms",
            Limit.atLeast(3_000, "requests/s"), Limit.atMost(50, "ms")),
    ACK_TO_CHECKPOINT("acknowledged → included in a signed checkpoint", "p99 ≤ 1 s", Limit.atMost(1_000, "ms")),
    HISTORY_PAGE("a citizen's history page (50 entries) at 10 M entries / 1 M subjects", "p95 ≤ 20 ms",
            Limit.atMost(20, "ms")),
    PROOF("inclusion or consistency proof at 10 M leaves", "p99 ≤ 5 ms", Limit.atMost(5, "ms")),
    OFFLINE_VERIFICATION("offline verification of a full log (recompute every leaf and the root)",
            "≥ 1,000,000 entries/s", Limit.atLeast(1_000_000, "entries/s")),
    STREAMED_EXPORT("streamed export", "≥ 100,000 entries/s with constant memory",
            Limit.atLeast(100_000, "entries/s"));

    /** Where the targets are stated. */
    public static final String SOURCE = "docs/design.md, \"Performance targets\"";

    /** The batch sizes batched ingest is judged at. */
    public static final int BATCH_SIZE_MIN = 500;
    public static final int BATCH_SIZE_MAX = 1000;
    /** The concurrent clients single-entry ingest is judged at. */
    public static final int SINGLE_ENTRY_CLIENTS = 64;
    /** The entries of one history page. */
    public static final int HISTORY_PAGE_ENTRIES = 50;
    /** The size of the log the reads are judged at: entries (= leaves) and subjects. */
    public static final long SCALE_ENTRIES = 10_000_000L;
    public static final int SCALE_SUBJECTS = 1_000_000;
    /** {@link #SCALE_ENTRIES} as text, for JMH parameters (annotation values must be constants). */
    public static final String SCALE_ENTRIES_PARAM = "" + SCALE_ENTRIES;

    /**
     * One bound of a target: a figure must be at least or at most {@code value} in {@code unit}.
     *
     * @param unit the unit the target states it in, e.g. {@code entries/s}, {@code ms}, {@code %}
     */
    public record Limit(boolean atLeast, double value, String unit) {

        static Limit atLeast(double value, String unit) {
            return new Limit(true, value, unit);
        }

        static Limit atMost(double value, String unit) {
            return new Limit(false, value, unit);
        }

        /** Whether {@code measured}, in this limit's unit, is within it. */
        public boolean holds(double measured) {
            return atLeast ? measured >= value : measured <= value;
        }
    }

    private final String what;
    private final String target;
    private final List<Limit> limits;

    PerformanceTarget(String what, String target, Limit... limits) {
        this.what = what;
        this.target = target;
        this.limits = List.of(limits);
    }

    /** What is measured, as docs/design.md words it. */
    public String what() {
        return what;
    }

    /** The target, as docs/design.md words it. */
    public String target() {
        return target;
    }

    /** The limits the target sets, in the order its words give them; at least one. */
    public List<Limit> limits() {
        return limits;
    }

    /** The first (for most targets the only) limit. */
    public Limit limit() {
        return limits.get(0);
    }

    /**
     * Whether every limit holds for the measured figures, given in the order of {@link #limits()}
     * and in their units.
     *
     * @throws IllegalArgumentException unless there is one figure per limit
     */
    public boolean met(double... measured) {
        if (measured.length != limits.size()) {
            throw new IllegalArgumentException("couldn't judge " + name() + ": got " + measured.length
                    + " figures, want " + limits.size());
        }
        for (int i = 0; i < measured.length; i++) {
            if (!limits.get(i).holds(measured[i])) {
                return false;
            }
        }
        return true;
    }
}
