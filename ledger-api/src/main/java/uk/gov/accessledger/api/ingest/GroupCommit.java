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
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Records single-entry requests that arrive together in one unit of work and one transaction (a
 * group commit), so that 64 clients cost one commit, one prefetch and one JDBC batch per group
 * rather than per request. Nobody waits for a group to fill: a request that finds fewer than
 * {@link #MAX_RUNNING} groups being recorded leads one at once with whatever has queued, itself
 * included, so a lone request is recorded as soon as it arrives, as before.
 *
 * <p>A group is all or nothing like a batch, but its requests are strangers: if a group fails (one
 * entry refers to an unknown entry, say), each of its requests is recorded again on its own, so
 * one request's error never becomes another's. Two requests with the same id never share a group;
 * the second is recorded after the first and gets its receipt (or its 409). Blocking: call from a
 * worker thread.
 */
@Service
class GroupCommit {

    /** Groups recorded at once: one can be committing while the other runs its commands. */
    static final int MAX_RUNNING = 2;

    /** Large enough for every client of a busy service, small enough to commit in milliseconds. */
    static final int MAX_GROUP = 256;

    private final Function<List<ParsedEntry>, EntryRecorder.Outcome> recorder;
    private final DistributionSummary groupSizes;

    /** Guarded by itself. */
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    /** Guarded by {@link #queue}. */
    private int running;

    @Autowired
    GroupCommit(EntryRecorder recorder, MeterRegistry meters) {
        this(recorder::record, meters);
    }

    GroupCommit(Function<List<ParsedEntry>, EntryRecorder.Outcome> recorder, MeterRegistry meters) {
        this.recorder = recorder;
        this.groupSizes = DistributionSummary.builder("ledger.ingest.group.size")
                .description("single-entry requests recorded in one transaction").register(meters);
    }

    /** Records one entry, perhaps with others, and answers with its own outcome. */
    EntryRecorder.Outcome record(ParsedEntry entry) throws InterruptedException {
        Request me = new Request(entry);
        synchronized (queue) {
            queue.add(me);
        }
        while (true) {
            List<Request> group;
            synchronized (queue) {
                while (!me.done && (running >= MAX_RUNNING || queue.isEmpty())) {
                    queue.wait();
                }
                if (me.done) {
                    return me.outcome();
                }
                group = take();
                running++;
            }
            try {
                recordGroup(group);
            } finally {
                synchronized (queue) {
                    running--;
                    queue.notifyAll();
                }
            }
        }
    }

    /** Requests waiting for a group; for tests. */
    int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    /** The oldest queued requests, at most one per entry id. Holds the lock. */
    private List<Request> take() {
        List<Request> group = new ArrayList<>();
        Set<UUID> ids = new HashSet<>();
        for (Iterator<Request> it = queue.iterator(); it.hasNext() && group.size() < MAX_GROUP; ) {
            Request r = it.next();
            if (ids.add(r.entry.id())) {
                group.add(r);
                it.remove();
            }
        }
        return group;
    }

    private void recordGroup(List<Request> group) {
        groupSizes.record(group.size());
        if (group.size() > 1) {
            try {
                EntryRecorder.Outcome outcome = recorder.apply(group.stream().map(r -> r.entry).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).finish(new EntryRecorder.Outcome(List.of(outcome.receipts().get(i)),
                            List.of(outcome.recordedNow().get(i))), null);
                }
                return;
            } catch (RuntimeException e) {
                // Nothing of the group was stored; each request gets its own answer below.
            }
        }
        for (Request r : group) {
            try {
                r.finish(recorder.apply(List.of(r.entry)), null);
            } catch (RuntimeException e) {
                r.finish(null, e);
            }
        }
    }

    /** One waiting request; its fields are written and read under the queue's lock. */
    private final class Request {
        final ParsedEntry entry;
        boolean done;
        EntryRecorder.Outcome outcome;
        RuntimeException error;

        Request(ParsedEntry entry) {
            this.entry = entry;
        }

        void finish(EntryRecorder.Outcome outcome, RuntimeException error) {
            synchronized (queue) {
                this.outcome = outcome;
                this.error = error;
                this.done = true;
                queue.notifyAll();
            }
        }

        EntryRecorder.Outcome outcome() {
            if (error != null) {
                throw error;
            }
            return outcome;
        }
    }
}
