package uk.gov.accessledger.api.ingest;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import uk.gov.accessledger.api.problem.ProblemException;
import uk.gov.accessledger.api.problem.ProblemType;

/**
 * Records single-entry requests that arrive together in one unit of work and one transaction (a
 * group commit), so that 64 clients cost one commit, one prefetch, one JDBC batch and one receipt
 * signature per group rather than per request. Nobody waits for a group to fill: while fewer than
 * {@link #MAX_RUNNING} groups are being recorded, a request starts one at once with whatever has
 * queued, itself included, so a lone request is recorded as soon as it arrives.
 *
 * <p>A queued request holds no thread: {@link #submit} answers with a future at once, and the
 * groups are recorded on this class's own {@link #MAX_RUNNING} threads, each of which records
 * groups until the queue is empty. So every request in flight can wait in the queue, however few
 * worker threads the server has, and groups grow with the load.
 *
 * <p>A group is all or nothing like a batch, but its requests are strangers: if a group fails (one
 * entry refers to an unknown entry, say), each of its requests is recorded again on its own, so
 * one request's error never becomes another's, except that a group that found the database
 * unavailable answers all its requests so (503), as each would find the same. Two requests with the same id never share a group;
 * the second is recorded after the first and gets its receipt (or its 409). A request once queued
 * is recorded even if its client goes away, as if the answer had been lost on the way back; the
 * client's retry with the same id gets the same receipt.
 */
@Service
class GroupCommit implements AutoCloseable {

    /** Groups recorded at once: one can be committing while the other runs its commands. */
    static final int MAX_RUNNING = 2;

    /** Large enough for every client of a busy service, small enough to commit in milliseconds. */
    static final int MAX_GROUP = 256;

    private final Function<List<ParsedEntry>, EntryRecorder.Outcome> recorder;
    private final DistributionSummary groupSizes;
    private final ExecutorService recorders;

    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    /** Groups being recorded or about to be; guarded by {@link #lock}. */
    private int running;

    @Autowired
    GroupCommit(EntryRecorder recorder, MeterRegistry meters) {
        this(recorder::record, meters);
    }

    GroupCommit(Function<List<ParsedEntry>, EntryRecorder.Outcome> recorder, MeterRegistry meters) {
        this.recorder = recorder;
        this.groupSizes = DistributionSummary.builder("ledger.ingest.group.size")
                .description("single-entry requests recorded in one transaction").register(meters);
        AtomicInteger threads = new AtomicInteger();
        this.recorders = Executors.newFixedThreadPool(MAX_RUNNING, work -> {
            Thread t = new Thread(work, "group-commit-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues one entry to be recorded, perhaps with others; the future completes with its own
     * outcome, or with the exception that refused it. Never blocks.
     */
    CompletableFuture<EntryRecorder.Outcome> submit(ParsedEntry entry) {
        Request request = new Request(entry);
        lock.lock();
        try {
            queue.add(request);
        } finally {
            lock.unlock();
        }
        startRecorderIfIdle();
        return request.result;
    }

    /** Starts a recording thread when requests are queued and fewer than MAX_RUNNING are running. */
    private void startRecorderIfIdle() {
        boolean start;
        lock.lock();
        try {
            start = !queue.isEmpty() && running < MAX_RUNNING;
            if (start) {
                running++;
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            try {
                recorders.execute(this::recordUntilEmpty);
            } catch (RejectedExecutionException shuttingDown) {
                recordUntilEmpty();
            }
        }
    }

    /** Requests waiting for a group; for tests. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Lets the groups already queued be recorded, then stops the recording threads (Spring calls it). */
    @Override
    public void close() throws InterruptedException {
        recorders.shutdown();
        recorders.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Records groups until none is queued; counts as one of the {@link #running}. */
    private void recordUntilEmpty() {
        List<Request> group = List.of();
        try {
            while (!(group = next()).isEmpty()) {
                recordGroup(group);
                group = List.of();
            }
        } catch (Error e) {
            // Nothing can be recorded after this; answer the group rather than leave it waiting.
            for (Request r : group) {
                r.result.completeExceptionally(e);
            }
            lock.lock();
            try {
                running--;
            } finally {
                lock.unlock();
            }
            startRecorderIfIdle();
            throw e;
        }
    }

    /**
     * The oldest queued requests, at most one per entry id; when none is queued, gives up this
     * caller's place among the {@link #running}.
     */
    private List<Request> next() {
        lock.lock();
        try {
            List<Request> group = new ArrayList<>();
            Set<UUID> ids = new HashSet<>();
            for (Iterator<Request> it = queue.iterator(); it.hasNext() && group.size() < MAX_GROUP; ) {
                Request r = it.next();
                if (ids.add(r.entry.id())) {
                    group.add(r);
                    it.remove();
                }
            }
            if (group.isEmpty()) {
                running--;
            }
            return group;
        } finally {
            lock.unlock();
        }
    }

    private void recordGroup(List<Request> group) {
        groupSizes.record(group.size());
        if (group.size() > 1) {
            try {
                EntryRecorder.Outcome outcome = recorder.apply(group.stream().map(r -> r.entry).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).result.complete(new EntryRecorder.Outcome(List.of(outcome.receipts().get(i)),
                            List.of(outcome.recordedNow().get(i))));
                }
                return;
            } catch (ProblemException e) {
                if (e.type() == ProblemType.DATABASE_UNAVAILABLE) {
                    // Recording each request alone would wait for a connection once per request.
                    group.forEach(r -> r.result.completeExceptionally(e));
                    return;
                }
                // Nothing of the group was stored; each request gets its own answer below.
            } catch (RuntimeException e) {
                // Nothing of the group was stored; each request gets its own answer below.
            }
        }
        for (Request r : group) {
            try {
                r.result.complete(recorder.apply(List.of(r.entry)));
            } catch (RuntimeException e) {
                r.result.completeExceptionally(e);
            }
        }
    }

    private record Request(ParsedEntry entry, CompletableFuture<EntryRecorder.Outcome> result) {
        Request(ParsedEntry entry) {
            this(entry, new CompletableFuture<>());
        }
    }
}
