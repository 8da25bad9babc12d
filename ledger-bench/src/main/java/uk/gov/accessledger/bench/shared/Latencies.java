package uk.gov.accessledger.bench.shared;

import java.util.Arrays;

/**
 * Request latencies of one load phase, in nanoseconds. Not thread-safe: a client thread records into
 * an instance of its own and {@link #merge} joins them at the end of the phase, or the recorders
 * share one under a lock.
 */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    public int count() {
        return count;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.record(part.nanos[i]);
            }
        }
        return all;
    }

    /**
     * The nearest-rank percentile in milliseconds.
     *
     * @param percentile requires {@code 0 < percentile <= 100}
     * @throws IllegalStateException if nothing was recorded
     */
    public double percentileMillis(double percentile) {
        if (count == 0) {
            throw new IllegalStateException("requires at least one latency: got none");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }
}
