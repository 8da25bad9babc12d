package uk.gov.accessledger.api.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.accessledger.logformat.Checkpoint;
import uk.gov.accessledger.logformat.Ed25519NoteSigner;
import uk.gov.accessledger.logformat.NoteVerificationException;
import uk.gov.accessledger.merkle.CompactRange;
import uk.gov.accessledger.merkle.Rfc6962Hasher;

/**
 * Gives every queued entry exactly one leaf and signs a checkpoint for each extension of the tree.
 * Any number of API nodes may run one; the {@code log_state} row lock lets one at a time extend
 * the tree, and a node that finds the tree moved by another rebuilds its compact range from the
 * stored nodes and checks it against the last checkpoint before signing anything.
 */
@Component
class LogSequencer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogSequencer.class);
    private static final Rfc6962Hasher HASHER = Rfc6962Hasher.DEFAULT;

    private final LogStore store;
    private final TransactionTemplate transactions;
    private final Ed25519NoteSigner signer;
    private final LogProperties properties;
    private final Clock clock;
    private final Counter leaves;
    private final Counter failures;
    private final AtomicLong treeSize = new AtomicLong();

    /**
     * The tree as this node last committed it. Touched only by {@link #sequenceOnce()}, which runs
     * on one thread at a time (synchronized); may be stale if another node has since extended it.
     */
    private CompactRange committed;

    /** Serialises {@link #sequenceOnce()} calls from the scheduler and from tests. */
    private final Object sequencing = new Object();

    private ScheduledExecutorService executor;
    private volatile LogIntegrityException failure;

    LogSequencer(LogStore store, TransactionTemplate transactions, Ed25519NoteSigner signer,
                 LogProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.transactions = transactions;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
        this.leaves = meters.counter("ledger.log.leaves");
        this.failures = meters.counter("ledger.log.sequencer.failures");
        Gauge.builder("ledger.log.tree.size", treeSize, AtomicLong::get).register(meters);
    }

    /**
     * Runs one sequencing transaction: lock the log, take up to the configured number of queued
     * entries, append them, store every new node and sign the new checkpoint. Returns the number
     * of leaves added.
     */
    int sequenceOnce() {
        synchronized (sequencing) {
            return sequenceLocked();
        }
    }

    private int sequenceLocked() {
        if (failure != null) {
            throw failure;
        }
        CompactRange[] next = new CompactRange[1];
        Integer added;
        try {
            added = transactions.execute(status -> {
                long size = store.lockTreeSize();
                CompactRange range = rangeAt(size);
                List<LogStore.Pending> batch = store.pending(properties.maxLeavesPerCheckpoint());
                if (batch.isEmpty()) {
                    next[0] = range;
                    return 0;
                }
                CompactRange extended = CompactRange.of(HASHER, 0, range.end(), range.hashes());
                List<LogStore.Node> nodes = new ArrayList<>(batch.size() * 2);
                for (int i = 0; i < batch.size(); i++) {
                    byte[] leafHash = batch.get(i).leafHash();
                    nodes.add(new LogStore.Node(0, size + i, leafHash));
                    extended.append(leafHash, (id, hash) -> nodes.add(new LogStore.Node(id.level(), id.index(), hash)));
                }
                long newSize = extended.end();
                store.appendLeaves(size, batch);
                store.insertNodes(nodes);
                store.setTreeSize(newSize);
                sign(newSize, extended.root());
                next[0] = extended;
                return batch.size();
            });
        } catch (LogIntegrityException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            committed = null; // rebuild from what is stored next time
            throw e;
        }
        committed = next[0];
        treeSize.set(committed.end());
        leaves.increment(added);
        return added;
    }

    /** The compact range of the first {@code size} leaves, checked against the last checkpoint. */
    private CompactRange rangeAt(long size) {
        if (committed != null && committed.end() == size) {
            return committed;
        }
        CompactRange range = CompactRange.of(HASHER, 0, size, store.nodes(CompactRange.rangeNodes(0, size)));
        var latest = store.latestCheckpoint();
        if (latest.isEmpty()) {
            if (size != 0) {
                throw new LogIntegrityException("couldn't find a checkpoint for a log of size " + size);
            }
            sign(0, range.root()); // the empty log has a checkpoint too, so clients can start from it
        } else if (latest.get().size() != size || !Arrays.equals(latest.get().rootHash(), range.root())) {
            throw new LogIntegrityException("couldn't resume the log: the stored tree of size " + size
                    + " does not match the last checkpoint of size " + latest.get().size());
        } else {
            try {
                Checkpoint.open(latest.get().note(), signer.verifier());
            } catch (NoteVerificationException e) {
                // Another node signs with another key: two keys for one log would let clients
                // see two histories. Every node of a log must share the signing key.
                throw new LogIntegrityException("couldn't resume the log: its last checkpoint is not signed by"
                        + " this node's key " + signer.verifierKey());
            }
        }
        return range;
    }

    private void sign(long size, byte[] root) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String note = new Checkpoint(properties.origin(), size, root).sign(signer);
        store.insertCheckpoint(size, root, note, now);
    }

    /** Why the sequencer stopped, if it did. */
    LogIntegrityException failure() {
        return failure;
    }

    private void tick() {
        try {
            // Drain the queue; each round is one transaction and one checkpoint.
            while (sequenceOnce() == properties.maxLeavesPerCheckpoint()) {
                // more are waiting
            }
        } catch (LogIntegrityException e) {
            log.error("log sequencer stopped: {}", e.getMessage());
            executor.shutdown();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("log sequencing failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "log-sequencer");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, properties.sequenceInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Start after the web server and the event processors, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
