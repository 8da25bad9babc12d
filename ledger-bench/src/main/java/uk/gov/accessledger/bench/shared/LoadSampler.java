package uk.gov.accessledger.bench.shared;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the machine's 1-minute load average every few seconds while benchmarks run, so the
 * report can say how busy the machine was: on a shared 2-core machine that explains most of the
 * spread between runs.
 */
public final class LoadSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "load-sampler");
        thread.setDaemon(true);
        return thread;
    });
    // Guarded by this: the samples so far.
    private double sum;
    private double max;
    private int count;

    public LoadSampler(long periodSeconds) {
        timer.scheduleAtFixedRate(this::sample, 0, periodSeconds, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        double load = MachineInfo.oneMinuteLoad();
        if (load >= 0) {
            sum += load;
            max = Math.max(max, load);
            count++;
        }
    }

    /** "mean M, max X over N samples", or "unknown". */
    public synchronized String summary() {
        return count == 0 ? "unknown"
                : String.format("mean %.2f, max %.2f over %d samples", sum / count, max, count);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
